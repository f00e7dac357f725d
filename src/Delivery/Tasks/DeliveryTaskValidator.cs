using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// Applies every CreateDeliveryTask rule to a request and returns the typed task or the first broken rule.
/// </summary>
/// <remarks>
/// The request is judged on its own first, field by field in wire order (tableName, taskName, taskType, then
/// taskConfig's ossPrefix, ossBucket, ossEndpoint, ossStsRole, ossDirtyPrefix, format, eventTimeColumn and schema
/// entry by entry, then the emulator block), so a malformed request gets the same OTSParameterInvalid answer
/// whatever the instance holds. Only then is the instance consulted: a missing table (OTSObjectNotExist), then a
/// task name already used anywhere in the instance (OTSObjectAlreadyExist), since object names carry only the
/// task name.
/// </remarks>
public static class DeliveryTaskValidator
{
    public static DeliveryTaskValidation Validate(CreateDeliveryTaskRequest request, TaskValidationContext context)
    {
        try
        {
            var spec = Parse(request, context);
            return DeliveryTaskValidation.Valid(spec);
        }
        catch (TaskRuleBroken broken)
        {
            return DeliveryTaskValidation.Invalid(broken.Error);
        }
    }

    private static DeliveryTaskSpec Parse(CreateDeliveryTaskRequest request, TaskValidationContext context)
    {
        var tableName = IdentityRules.TableName(request.TableName);
        var taskName = IdentityRules.TaskName(request.TaskName);
        var taskType = IdentityRules.TaskType(request.TaskType);
        var config = request.TaskConfig ?? throw TaskRuleBroken.Invalid("taskConfig", "taskConfig is required.");
        var prefix = PrefixRules.Prefix(config.OssPrefix, taskName, context.ObjectExtension);
        var bucket = OssTargetRules.Bucket(config.OssBucket);
        var endpoint = OssTargetRules.Endpoint(config.OssEndpoint, context.EndpointNames);
        var role = OssTargetRules.Role(config.OssStsRole, context.AccountId);
        var dirtyPrefix = PrefixRules.DirtyPrefix(config.OssDirtyPrefix, prefix, taskName, context.ObjectExtension);
        OssTargetRules.Format(config.Format);
        var eventTime = EventTimeRules.EventTimeColumn(config.EventTimeColumn);
        var schema = SchemaColumnRules.Schema(config.Schema);
        var emulator = request.Emulator ?? new EmulatorTaskConfig();
        var flushInterval = EmulatorRules.FlushInterval(emulator.FlushIntervalSeconds, context.DefaultFlushInterval);
        var flushSize = EmulatorRules.FlushSizeBytes(emulator.FlushSizeMiB, context.DefaultFlushSizeBytes);
        var timeZone = EmulatorRules.TimeZone(emulator.TimeZone, context.DefaultTimeZone);
        if (context.FindTable(tableName) is null)
            throw new TaskRuleBroken(new DeliveryTaskError(TableStoreError.ObjectNotExist, IdentityRules.TableNameField,
                $"{IdentityRules.TableNameField} '{tableName}' does not exist on this instance."));
        if (context.TaskNameInUse(taskName))
            throw new TaskRuleBroken(new DeliveryTaskError(TableStoreError.ObjectAlreadyExist, IdentityRules.TaskNameField,
                $"{IdentityRules.TaskNameField} '{taskName}' is already used by a task on this instance; task names are unique per instance."));
        return new DeliveryTaskSpec(tableName, taskName, taskType, prefix, bucket, endpoint, role, dirtyPrefix,
            eventTime, schema, flushInterval, flushSize, timeZone);
    }
}

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
    public static DeliveryTaskValidation Validate(CreateDeliveryTaskRequest request, TaskValidationContext context) =>
        Judge(() => CheckInstance(Parse(request, context), context));

    /// <summary>
    /// Applies the request's own rules to a stored task's request (written by <see cref="DeliveryTaskSpec.ToRequest"/>),
    /// without asking whether its table exists or its name is free: the task already owns its name, and a missing
    /// table is a run-time error of the task. An endpoint removed from the configuration fails here.
    /// </summary>
    public static DeliveryTaskValidation Reparse(CreateDeliveryTaskRequest request, TaskValidationContext context) =>
        Judge(() => Parse(request, context));

    private static DeliveryTaskValidation Judge(Func<DeliveryTaskSpec> parse)
    {
        try
        {
            return DeliveryTaskValidation.Valid(parse());
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
        var config = request.TaskConfig ?? throw TaskRuleBroken.Invalid("taskConfig", $"is required.");
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
        return new DeliveryTaskSpec(tableName, taskName, taskType, prefix, bucket, endpoint, role, dirtyPrefix,
            eventTime, schema, flushInterval, flushSize, timeZone);
    }

    private static DeliveryTaskSpec CheckInstance(DeliveryTaskSpec spec, TaskValidationContext context)
    {
        var (tableName, taskName) = (spec.TableName, spec.TaskName);
        if (context.FindTable(tableName) is null)
            throw new TaskRuleBroken(DeliveryTaskError.Of(TableStoreError.ObjectNotExist,
                new TaskField(IdentityRules.TableNameField, tableName), $"does not exist on this instance."));
        if (context.TaskNameInUse(taskName))
            throw new TaskRuleBroken(NameTaken(taskName));
        return spec;
    }

    /// <summary>The error for a task name another task of the instance already has.</summary>
    public static DeliveryTaskError NameTaken(string taskName) =>
        DeliveryTaskError.Of(TableStoreError.ObjectAlreadyExist, new TaskField(IdentityRules.TaskNameField, taskName),
            $"is already used by a task on this instance; task names are unique per instance.");
}

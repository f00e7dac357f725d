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
    public static RuleResult<DeliveryTaskSpec> Validate(CreateDeliveryTaskRequest request, TaskValidationContext context)
    {
        if (!Reparse(request, context).TryGet(out var spec, out var error))
            return error;
        if (InstanceError(spec, context) is { } instanceError)
            return instanceError;
        return spec;
    }

    /// <summary>
    /// Applies the request's own rules to a stored task's request (written by <see cref="DeliveryTaskSpec.ToRequest"/>),
    /// without asking whether its table exists or its name is free: the task already owns its name, and a missing
    /// table is a run-time error of the task. An endpoint removed from the configuration fails here.
    /// </summary>
    public static RuleResult<DeliveryTaskSpec> Reparse(CreateDeliveryTaskRequest request, TaskValidationContext context)
    {
        if (!IdentityRules.TableName(request.TableName).TryGet(out var tableName, out var error))
            return error;
        if (!IdentityRules.TaskName(request.TaskName).TryGet(out var taskName, out error))
            return error;
        if (!IdentityRules.TaskType(request.TaskType).TryGet(out var taskType, out error))
            return error;
        if (request.TaskConfig is not { } config)
            return BrokenRule.Required("taskConfig");
        if (!PrefixRules.Prefix(config.OssPrefix, taskName, context.ObjectExtension).TryGet(out var prefix, out error))
            return error;
        if (!OssTargetRules.Bucket(config.OssBucket).TryGet(out var bucket, out error))
            return error;
        if (!OssTargetRules.Endpoint(config.OssEndpoint, context.EndpointNames).TryGet(out var endpoint, out error))
            return error;
        if (!OssTargetRules.Role(config.OssStsRole, context.AccountId).TryGet(out var role, out error))
            return error;
        if (!PrefixRules.DirtyPrefix(config.OssDirtyPrefix, prefix, taskName, context.ObjectExtension).TryGet(out var dirtyPrefix, out error))
            return error;
        if (OssTargetRules.Format(config.Format) is { } formatError)
            return formatError;
        if (!EventTimeRules.EventTimeColumn(config.EventTimeColumn).TryGet(out var eventTime, out error))
            return error;
        if (!SchemaColumnRules.Schema(config.Schema).TryGet(out var schema, out error))
            return error;
        var emulator = request.Emulator ?? new EmulatorTaskConfig();
        if (!EmulatorRules.FlushInterval(emulator.FlushIntervalSeconds, context.DefaultFlushInterval).TryGet(out var flushInterval, out error))
            return error;
        if (!EmulatorRules.FlushSizeBytes(emulator.FlushSizeMiB, context.DefaultFlushSizeBytes).TryGet(out var flushSize, out error))
            return error;
        if (!EmulatorRules.TimeZone(emulator.TimeZone, context.DefaultTimeZone).TryGet(out var timeZone, out error))
            return error;
        return new DeliveryTaskSpec(tableName, taskName, taskType, prefix, bucket, endpoint, role, dirtyPrefix,
            eventTime, schema, flushInterval, flushSize, timeZone);
    }

    /// <summary>The instance's rules: the table exists, and no task of the instance has the name.</summary>
    private static DeliveryTaskError? InstanceError(DeliveryTaskSpec spec, TaskValidationContext context) =>
        context.FindTable(spec.TableName) is null
            ? DeliveryTaskError.Of(TableStoreError.ObjectNotExist,
                new TaskField(IdentityRules.TableNameField, spec.TableName), $"does not exist on this instance.")
        : context.TaskNameInUse(spec.TaskName) ? NameTaken(spec.TaskName)
        : null;

    /// <summary>The error for a task name another task of the instance already has.</summary>
    public static DeliveryTaskError NameTaken(string taskName) =>
        DeliveryTaskError.Of(TableStoreError.ObjectAlreadyExist, new TaskField(IdentityRules.TaskNameField, taskName),
            $"is already used by a task on this instance; task names are unique per instance.");
}

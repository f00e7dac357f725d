namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// UpdateDeliveryTask's rules on top of CreateDeliveryTask's (the update is validated as a create would be): what
/// names the task and where it delivers cannot change (table, task type, bucket, endpoint, role); the schema, the
/// prefixes, the event-time column and the emulator settings may.
/// </summary>
public static class DeliveryTaskUpdateRules
{
    /// <summary>
    /// The whole request an update stands for: a taskType or emulator block left out keeps the task's own (the
    /// wire's UpdateDeliveryTaskRequest carries neither).
    /// </summary>
    public static CreateDeliveryTaskRequest Completed(CreateDeliveryTaskRequest update, CreateDeliveryTaskRequest current) =>
        update with { TaskType = update.TaskType ?? current.TaskType, Emulator = update.Emulator ?? current.Emulator };

    /// <summary>The first field <paramref name="next"/> changes that may not change, or null.</summary>
    public static DeliveryTaskError? Unchangeable(DeliveryTaskSpec current, DeliveryTaskSpec next) =>
        next.TableName != current.TableName ? Refused(IdentityRules.TableNameField, next.TableName, current.TableName)
        : next.TaskType != current.TaskType ? Refused(IdentityRules.TaskTypeField, next.TaskType.WireName(), current.TaskType.WireName())
        : next.OssBucket != current.OssBucket ? Refused(OssTargetRules.BucketField, next.OssBucket, current.OssBucket)
        : next.OssEndpoint != current.OssEndpoint ? Refused(OssTargetRules.EndpointField, next.OssEndpoint, current.OssEndpoint)
        : !string.Equals(next.OssStsRole, current.OssStsRole, StringComparison.OrdinalIgnoreCase)
            ? Refused(OssTargetRules.RoleField, next.OssStsRole, current.OssStsRole)
        : null;

    private static DeliveryTaskError Refused(string field, string value, string current) =>
        BrokenRule.Invalid(new TaskField(field, value), $"cannot change: the task has '{current}'; create a new task for another.");
}

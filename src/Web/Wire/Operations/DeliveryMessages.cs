using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// The delivery messages to and from the engine's request and status. Every field is optional in the .proto; one
/// left out reaches the engine as null, and its validator names the field and the rule (<c>taskConfig.ossBucket is
/// required.</c>), as it does for the JSON API.
/// </summary>
public static class DeliveryMessages
{
    public static CreateDeliveryTaskRequest ToModel(Proto.CreateDeliveryTaskRequest request) => new(
        request.HasTableName ? request.TableName : null!,
        request.HasTaskName ? request.TaskName : null!,
        request.TaskConfig is { } config ? ToModel(config) : null!,
        request.HasTaskType ? WireEnumNames.NameOf(request.TaskType) : null);

    /// <summary>
    /// An update as the engine takes it: the request it stands for, with no taskType and no emulator block (the
    /// message has neither), which the engine reads as "keep the task's".
    /// </summary>
    public static CreateDeliveryTaskRequest ToModel(Proto.UpdateDeliveryTaskRequest request) => new(
        request.HasTable ? request.Table : null!,
        request.HasTaskName ? request.TaskName : null!,
        request.TaskConfig is { } config ? ToModel(config) : null!);

    private static DeliveryTaskConfig ToModel(Proto.OSSTaskConfig config) => new(
        config.HasOssPrefix ? config.OssPrefix : null!,
        config.HasOssBucket ? config.OssBucket : null!,
        config.HasOssEndpoint ? config.OssEndpoint : null!,
        config.HasOssStsRole ? config.OssStsRole : null!,
        [.. config.Schema.Select(column => new SchemaColumnConfig(
            column.HasColumnName ? column.ColumnName : null!,
            column.HasType ? WireEnumNames.NameOf(column.Type) : null!,
            column.HasOssColumnName ? column.OssColumnName : null,
            column.HasEncode ? WireEnumNames.NameOf(column.Encode) : null,
            column.HasTypeExtend ? column.TypeExtend : null))],
        config.HasOssDirtyPrefix ? config.OssDirtyPrefix : null,
        config.HasFormat ? WireEnumNames.NameOf(config.Format) : null,
        config.EventTimeColumn is { } eventTime
            ? new EventTimeColumnConfig(
                eventTime.HasColumnName ? eventTime.ColumnName : null!,
                eventTime.HasTimeFormat ? WireEnumNames.NameOf(eventTime.TimeFormat) : null!)
            : null);

    public static Proto.DeliveryTaskInfo ToMessage(DeliveryTaskSummary task) => new()
    {
        TableName = task.TableName,
        TaskName = task.TaskName,
        TaskType = (Proto.DeliveryTaskType)(int)task.TaskType,
    };

    public static Proto.DescribeDeliveryTaskResponse ToMessage(DeliveryTaskStatus status) => new()
    {
        TaskConfig = ToMessage(status.Definition.Request.TaskConfig),
        TaskType = (Proto.DeliveryTaskType)(int)status.Definition.TaskType,
        TaskSyncStat = new Proto.TaskSyncStat
        {
            TaskSyncPhase = (Proto.TaskSyncPhase)(int)status.State.Phase,
            // Nanoseconds, as the JSON API and the service report it.
            CurrentSyncTimestamp = status.State.CurrentSyncTime * 1_000_000,
            ErrorCode = (Proto.ErrorType)(int)status.State.ErrorCode,
            Detail = status.State.Detail,
        },
    };

    // The stored request has every default written out, so each field is set.
    private static Proto.OSSTaskConfig ToMessage(DeliveryTaskConfig config)
    {
        var message = new Proto.OSSTaskConfig
        {
            OssPrefix = config.OssPrefix,
            OssBucket = config.OssBucket,
            OssEndpoint = config.OssEndpoint,
            OssStsRole = config.OssStsRole,
            Formatter = Proto.TimeFormatter.Ydmformatter,
            Format = WireEnumNames.Parse<Proto.Format>(config.Format ?? "Parquet"),
        };
        if (config.OssDirtyPrefix is { } dirtyPrefix)
            message.OssDirtyPrefix = dirtyPrefix;
        if (config.EventTimeColumn is { } eventTime)
            message.EventTimeColumn = new Proto.EventColumn
            {
                ColumnName = eventTime.ColumnName,
                TimeFormat = WireEnumNames.Parse<Proto.EventTimeFormat>(eventTime.TimeFormat),
            };
        foreach (var column in config.Schema)
        {
            var entry = new Proto.ParquetSchema
            {
                ColumnName = column.ColumnName,
                OssColumnName = column.OssColumnName ?? column.ColumnName,
                Type = WireEnumNames.Parse<Proto.DataType>(column.Type),
                Encode = WireEnumNames.Parse<Proto.Encoding>(column.Encode ?? "PLAIN"),
            };
            if (column.TypeExtend is { } typeExtend)
                entry.TypeExtend = typeExtend;
            message.Schema.Add(entry);
        }
        return message;
    }
}

using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// A delivery task that passed every CreateDeliveryTask rule, typed and with every default filled in. Instance
/// defaults (flush settings, time zone) are the ones in force when the task was created.
/// </summary>
/// <param name="OssPrefix">Where delivered objects go (the task's ossPrefix).</param>
/// <param name="OssEndpoint">The configured endpoint's name, spelled as configured.</param>
/// <param name="OssStsRole">The role ARN as given; whether it grants access is decided at run time.</param>
/// <param name="OssDirtyPrefix">Where dirty-cell records go as JSON Lines objects; null when not delivered.</param>
/// <param name="EventTimeColumn">The column whose value is the partition time; null to use write time.</param>
/// <param name="Schema">The delivered columns, in Parquet column order.</param>
/// <param name="FlushInterval">How long a buffered row may wait before its partition is written.</param>
/// <param name="FlushSizeBytes">How much Parquet data a partition buffers before it is written.</param>
/// <param name="TimeZone">The zone in which prefix time variables expand.</param>
public sealed record DeliveryTaskSpec(
    string TableName,
    string TaskName,
    DeliveryTaskType TaskType,
    PrefixTemplate OssPrefix,
    string OssBucket,
    string OssEndpoint,
    string OssStsRole,
    PrefixTemplate? OssDirtyPrefix,
    EventTimeColumn? EventTimeColumn,
    IReadOnlyList<SchemaColumn> Schema,
    TimeSpan FlushInterval,
    long FlushSizeBytes,
    TimeZoneInfo TimeZone);

/// <summary>The table column <paramref name="ColumnName"/> whose value, read as <paramref name="Format"/>, is a row's partition time.</summary>
public sealed record EventTimeColumn(string ColumnName, EventTimeFormat Format);

public static class DeliveryTaskSpecs
{
    /// <summary>
    /// The request that gives this task again, with every default written out: what the catalog keeps and what
    /// DescribeDeliveryTask shows as taskConfig.
    /// </summary>
    public static CreateDeliveryTaskRequest ToRequest(this DeliveryTaskSpec spec) => new(
        spec.TableName,
        spec.TaskName,
        new DeliveryTaskConfig(
            spec.OssPrefix.Text,
            spec.OssBucket,
            spec.OssEndpoint,
            spec.OssStsRole,
            [.. spec.Schema.Select(column => new SchemaColumnConfig(
                column.ColumnName, column.Type.WireName(), column.OssColumnName, column.Encoding.WireName(), column.TypeExtend))],
            spec.OssDirtyPrefix?.Text,
            OssTargetRules.ParquetFormat,
            spec.EventTimeColumn is { } eventTime ? new EventTimeColumnConfig(eventTime.ColumnName, eventTime.Format.ToString()) : null),
        spec.TaskType.WireName(),
        new EmulatorTaskConfig(
            // Whole units, at least one: what is stored must pass the rules again when the task is loaded.
            (int)Math.Max(1, Math.Ceiling(spec.FlushInterval.TotalSeconds)),
            (int)Math.Max(1, (spec.FlushSizeBytes + 1024 * 1024 - 1) / (1024 * 1024)),
            spec.TimeZone.Id));
}

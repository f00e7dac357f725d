namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// CreateDeliveryTask as the API receives it: every field as sent on the wire, not yet validated. Optional fields
/// are nullable (null means absent); required ones may still arrive null and are rejected by
/// <see cref="DeliveryTaskValidator"/>.
/// </summary>
/// <param name="TaskType">BASE, INC or BASE_INC; absent means BASE_INC.</param>
/// <param name="Emulator">The emulator's extension block; absent means the instance's settings.</param>
public sealed record CreateDeliveryTaskRequest(
    string TableName,
    string TaskName,
    DeliveryTaskConfig TaskConfig,
    string? TaskType = null,
    EmulatorTaskConfig? Emulator = null);

/// <summary>The request's <c>taskConfig</c> (the service's OSSTaskConfig).</summary>
/// <param name="Format">Only <c>Parquet</c>; absent means Parquet.</param>
/// <param name="Schema">The delivered columns, in Parquet column order.</param>
public sealed record DeliveryTaskConfig(
    string OssPrefix,
    string OssBucket,
    string OssEndpoint,
    string OssStsRole,
    IReadOnlyList<SchemaColumnConfig> Schema,
    string? OssDirtyPrefix = null,
    string? Format = null,
    EventTimeColumnConfig? EventTimeColumn = null);

/// <summary>The request's <c>taskConfig.eventTimeColumn</c>.</summary>
/// <param name="TimeFormat">RFC822, RFC850, RFC1123, RFC3339 or Unix.</param>
public sealed record EventTimeColumnConfig(string ColumnName, string TimeFormat);

/// <summary>One entry of the request's <c>taskConfig.schema</c> (the service's ParquetSchema).</summary>
/// <param name="Type">BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, FLOAT, INT32 or INT96.</param>
/// <param name="OssColumnName">Absent means the same as <paramref name="ColumnName"/>.</param>
/// <param name="Encode">PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY or DELTA_LENGTH_BYTE_ARRAY; absent means PLAIN.</param>
/// <param name="TypeExtend">Kept as given; a DECIMAL's precision and scale, such as decimal(10,2); absent means DECIMAL(38,18).</param>
public sealed record SchemaColumnConfig(
    string ColumnName,
    string Type,
    string? OssColumnName = null,
    string? Encode = null,
    string? TypeExtend = null);

/// <summary>The request's <c>emulator</c> block: per-task overrides of instance settings.</summary>
/// <param name="FlushIntervalSeconds">How long a buffered row may wait before its partition is written.</param>
/// <param name="FlushSizeMiB">How much Parquet data a partition buffers before it is written.</param>
/// <param name="TimeZone">The IANA zone in which prefix time variables expand.</param>
public sealed record EmulatorTaskConfig(
    int? FlushIntervalSeconds = null,
    int? FlushSizeMiB = null,
    string? TimeZone = null);

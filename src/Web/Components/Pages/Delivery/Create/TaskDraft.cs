using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>
/// What the wizard's form holds, field by field; <see cref="ToRequest"/> turns it into the API's request and
/// <see cref="From"/> fills it from a task's (to edit the task).
/// </summary>
public sealed class TaskDraft
{
    public string TaskName { get; set; } = "";

    public string? TableName { get; set; }

    public DeliveryTaskType Mode { get; set; } = DeliveryTaskType.BaseInc;

    public string Endpoint { get; set; } = "";

    public string? Bucket { get; set; }

    public string Prefix { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>Blank: dirty records are not delivered as objects.</summary>
    public string DirtyPrefix { get; set; } = "";

    public List<SchemaRowDraft> Schema { get; } = [];

    /// <summary>The source column whose value is the partition time; null for the write time.</summary>
    public string? EventTimeColumn { get; set; }

    public EventTimeFormat TimeFormat { get; set; } = EventTimeFormat.RFC3339;

    /// <summary>Seconds a buffered row may wait before its partition is written; null for the instance's interval.</summary>
    public int? FlushIntervalSeconds { get; set; }

    /// <summary>MiB of Parquet a partition buffers before it is written; null for the instance's size.</summary>
    public int? FlushSizeMiB { get; set; }

    /// <summary>The IANA zone prefix time variables expand in; null for the instance's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// The draft of a task's stored request (every default written out, as the engine keeps it), to edit it. A type,
    /// encoding or time format it cannot read keeps the form's default and is judged by the rules on save.
    /// </summary>
    public static TaskDraft From(CreateDeliveryTaskRequest request)
    {
        var config = request.TaskConfig;
        var draft = new TaskDraft
        {
            TaskName = request.TaskName,
            TableName = request.TableName,
            Mode = DeliveryTaskTypes.TryParse(request.TaskType, out var mode) ? mode : DeliveryTaskType.BaseInc,
            Endpoint = config.OssEndpoint,
            Bucket = config.OssBucket,
            Prefix = config.OssPrefix,
            Role = config.OssStsRole,
            DirtyPrefix = config.OssDirtyPrefix ?? "",
            EventTimeColumn = config.EventTimeColumn?.ColumnName,
            TimeFormat = Enum.TryParse<EventTimeFormat>(config.EventTimeColumn?.TimeFormat, out var format) ? format : EventTimeFormat.RFC3339,
            FlushIntervalSeconds = request.Emulator?.FlushIntervalSeconds,
            FlushSizeMiB = request.Emulator?.FlushSizeMiB,
            TimeZone = request.Emulator?.TimeZone,
        };
        draft.Schema.AddRange(config.Schema.Select(column => new SchemaRowDraft
        {
            ColumnName = column.ColumnName,
            OssColumnName = column.OssColumnName ?? column.ColumnName,
            Type = ParquetTypes.TryParse(column.Type, out var type) ? type : ParquetType.Utf8,
            Encoding = ColumnEncodings.TryParse(column.Encode ?? "PLAIN", out var encoding) ? encoding : ColumnEncoding.Plain,
            TypeExtend = column.TypeExtend ?? "",
        }));
        return draft;
    }

    /// <summary>
    /// The CreateDeliveryTask body as the API takes it. Fields left empty stay empty, so the engine's validator
    /// names them ("... is required."); emulator settings left empty are left to the instance.
    /// </summary>
    public CreateDeliveryTaskRequest ToRequest() => new(
        TableName ?? "",
        TaskName,
        new DeliveryTaskConfig(
            Prefix,
            Bucket ?? "",
            Endpoint,
            Role,
            [.. Schema.Select(row => row.ToConfig())],
            DirtyPrefix.Length == 0 ? null : DirtyPrefix,
            EventTimeColumn: EventTimeColumn is { } column ? new EventTimeColumnConfig(column, TimeFormat.ToString()) : null),
        Mode.WireName(),
        FlushIntervalSeconds is null && FlushSizeMiB is null && TimeZone is null ? null
            : new EmulatorTaskConfig(FlushIntervalSeconds, FlushSizeMiB, TimeZone));
}

/// <summary>One row of the field mapper.</summary>
public sealed class SchemaRowDraft
{
    private static int _nextId;

    /// <summary>Keeps a row's inputs attached to it when rows move (Blazor's @key).</summary>
    public int Id { get; } = Interlocked.Increment(ref _nextId);

    public string ColumnName { get; set; } = "";

    public string OssColumnName { get; set; } = "";

    public ParquetType Type { get; set; } = ParquetType.Utf8;

    public ColumnEncoding Encoding { get; set; } = ColumnEncoding.Plain;

    /// <summary>The type extension as typed (a DECIMAL's precision and scale); empty sends none.</summary>
    public string TypeExtend { get; set; } = "";

    private string? TypeExtendOrNull => TypeExtend.Length == 0 ? null : TypeExtend;

    public SchemaColumnConfig ToConfig() => new(ColumnName, Type.WireName(), OssColumnName, Encoding.WireName(), TypeExtendOrNull);

    /// <summary>The engine's column for this row, for previews; the destination name may still be invalid.</summary>
    public SchemaColumn ToColumn() => new(ColumnName, OssColumnName, Type, Encoding, TypeExtendOrNull);

    /// <summary>False while a DECIMAL row's precision and scale do not read, so no preview can lay the column out yet.</summary>
    public bool HasShape => Type != ParquetType.Decimal || DecimalShape.TryParse(TypeExtend, out _);

    public static SchemaRowDraft From(SchemaColumn column) => new()
    {
        ColumnName = column.ColumnName,
        OssColumnName = column.OssColumnName,
        Type = column.Type,
        Encoding = column.Encoding,
        TypeExtend = column.TypeExtend ?? "",
    };
}

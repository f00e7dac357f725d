using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Tasks;

/// <summary>A valid baseline request, the instance it is valid on, and edits that change one field by its path.</summary>
internal static partial class TaskRequests
{
    public const string AccountId = "1234567890123456";
    public const string Role = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";

    public static readonly TableMeta Orders = new(
        "orders",
        [new PrimaryKeyColumn("id", PrimaryKeyType.String), new PrimaryKeyColumn("seq", PrimaryKeyType.Integer)],
        [new DefinedColumn("amount", ColumnType.Double)],
        new TableOptions(), new StreamSpecification(), Id: 1, CreationTime: 0);

    public static CreateDeliveryTaskRequest Baseline() => new(
        "orders",
        "lake-orders",
        new DeliveryTaskConfig(
            "lake/$yyyy/$MM/$dd",
            "my-bucket",
            "oss-cn-hangzhou.aliyuncs.com",
            Role,
            [new SchemaColumnConfig("id", "UTF8"), new SchemaColumnConfig("seq", "INT64"), new SchemaColumnConfig("amount", "DOUBLE")]));

    public static TaskValidationContext Context(params string[] usedTaskNames) => new()
    {
        EndpointNames = ["oss-cn-hangzhou.aliyuncs.com", "minio"],
        AccountId = AccountId,
        FindTable = name => name == Orders.Name ? Orders : null,
        TaskNameInUse = usedTaskNames.Contains,
    };

    /// <summary>The baseline with the field at <paramref name="path"/> (as in error messages) set to <paramref name="value"/>.</summary>
    public static CreateDeliveryTaskRequest With(string path, string? value) => With(Baseline(), path, value);

    public static CreateDeliveryTaskRequest With(CreateDeliveryTaskRequest r, string path, string? value)
    {
        var c = r.TaskConfig;
        var e = r.Emulator ?? new EmulatorTaskConfig();
        var column = SchemaPath().Match(path);
        if (column.Success)
            return r with { TaskConfig = c with { Schema = WithColumn(c.Schema, int.Parse(column.Groups[1].Value), column.Groups[2].Value, value) } };
        return path switch
        {
            "tableName" => r with { TableName = value! },
            "taskName" => r with { TaskName = value! },
            "taskType" => r with { TaskType = value },
            "taskConfig" => r with { TaskConfig = null! },
            "taskConfig.ossPrefix" => r with { TaskConfig = c with { OssPrefix = value! } },
            "taskConfig.ossBucket" => r with { TaskConfig = c with { OssBucket = value! } },
            "taskConfig.ossEndpoint" => r with { TaskConfig = c with { OssEndpoint = value! } },
            "taskConfig.ossStsRole" => r with { TaskConfig = c with { OssStsRole = value! } },
            "taskConfig.ossDirtyPrefix" => r with { TaskConfig = c with { OssDirtyPrefix = value } },
            "taskConfig.format" => r with { TaskConfig = c with { Format = value } },
            "taskConfig.eventTimeColumn.columnName" => r with { TaskConfig = c with { EventTimeColumn = new(value!, "RFC3339") } },
            "taskConfig.eventTimeColumn.timeFormat" => r with { TaskConfig = c with { EventTimeColumn = new("ts", value!) } },
            "taskConfig.schema" => r with { TaskConfig = c with { Schema = value is null ? null! : [] } },
            "emulator.flushIntervalSeconds" => r with { Emulator = e with { FlushIntervalSeconds = Number(value) } },
            "emulator.flushSizeMiB" => r with { Emulator = e with { FlushSizeMiB = Number(value) } },
            "emulator.timeZone" => r with { Emulator = e with { TimeZone = value } },
            _ => throw new ArgumentException($"No edit for '{path}'.", nameof(path)),
        };
    }

    private static int? Number(string? value) => value is null ? null : int.Parse(value);

    private static List<SchemaColumnConfig> WithColumn(IReadOnlyList<SchemaColumnConfig> schema, int index, string field, string? value)
    {
        var columns = schema.ToList();
        var old = index < columns.Count ? columns[index] : new SchemaColumnConfig("extra", "UTF8");
        var edited = field switch
        {
            "" => null!,
            ".columnName" => old with { ColumnName = value! },
            ".ossColumnName" => old with { OssColumnName = value },
            ".type" => old with { Type = value! },
            ".encode" => old with { Encode = value },
            ".typeExtend" => old with { TypeExtend = value },
            _ => throw new ArgumentException($"No edit for schema field '{field}'.", nameof(field)),
        };
        if (index < columns.Count)
            columns[index] = edited;
        else
            columns.Add(edited);
        return columns;
    }

    [GeneratedRegex(@"^taskConfig\.schema\[(\d+)\](.*)$")]
    private static partial Regex SchemaPath();
}

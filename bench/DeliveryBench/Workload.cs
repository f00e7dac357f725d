using System.Globalization;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.DeliveryBench;

/// <summary>
/// The perf-anchors row shape: row i has the 16-character STRING key <c>pk-0000000000042</c> and five attribute
/// columns: v_long INTEGER (i·2654435761 mod 1000000007), value DOUBLE (v_long·0.001), flag BOOLEAN (i mod 3 = 0),
/// label STRING (<c>label-</c> + 14 digits, 20 chars; absent, so null, on every 10th row), ts INTEGER
/// (1700000000000 + 37·i, or the writer's wall clock in the freshness run).
/// </summary>
internal static class Workload
{
    public const string KeyName = "pk";
    public const int BatchRows = RowWriter.MaxBatchRows;

    /// <summary>The task schema: the key and all five attributes, each as its own Parquet type, PLAIN.</summary>
    public static readonly IReadOnlyList<SchemaColumnConfig> TaskSchema =
    [
        new("pk", "UTF8"), new("v_long", "INT64"), new("value", "DOUBLE"), new("flag", "BOOL"), new("label", "UTF8"), new("ts", "INT64"),
    ];

    /// <summary>The same schema as the engine uses it (for the bench's stage-by-stage replica).</summary>
    public static readonly IReadOnlyList<SchemaColumn> Columns =
    [
        new("pk", "pk", ParquetType.Utf8), new("v_long", "v_long", ParquetType.Int64), new("value", "value", ParquetType.Double),
        new("flag", "flag", ParquetType.Bool), new("label", "label", ParquetType.Utf8), new("ts", "ts", ParquetType.Int64),
    ];

    public static void CreateTable(TableDefinitions tables, string table) =>
        tables.CreateTable(table, [new PrimaryKeyColumn(KeyName, PrimaryKeyType.String)]);

    public static string Key(long i) => "pk-" + i.ToString("D13", CultureInfo.InvariantCulture);

    /// <summary>Row i as a BatchWriteRow client builds it: PUT, condition IGNORE, server timestamps.</summary>
    public static RowWrite Write(long i, long? ts = null)
    {
        var vLong = (long)((ulong)i * 2654435761UL % 1_000_000_007UL);
        var puts = new List<ColumnPut>(5)
        {
            new("v_long", Value.Integer(vLong)),
            new("value", Value.Double(vLong * 0.001)),
            new("flag", Value.Boolean(i % 3 == 0)),
        };
        if (i % 10 != 0)
            puts.Add(new("label", Value.String("label-" + (vLong % 100_000).ToString("D14", CultureInfo.InvariantCulture))));
        puts.Add(new("ts", Value.Integer(ts ?? 1_700_000_000_000 + 37 * i)));
        return new RowWrite(WriteType.Put, [new KeyColumn(KeyName, Value.String(Key(i)))], puts);
    }

    /// <summary>Writes rows 0..rows-1 in ascending key order, 200 per BatchWriteRow (untimed set-up).</summary>
    public static void Load(RowWriter writer, string table, long rows, Action<long>? progress = null)
    {
        var writes = new RowWrite[BatchRows];
        for (long start = 0; start < rows; start += BatchRows)
        {
            var count = (int)Math.Min(BatchRows, rows - start);
            if (writes.Length != count)
                writes = new RowWrite[count];
            for (var j = 0; j < count; j++)
                writes[j] = Write(start + j);
            Check(writer.BatchWriteRow([(table, writes)]));
            if (progress is not null && (start / BatchRows) % 5000 == 4999)
                progress(start + count);
        }
    }

    public static void Check(IReadOnlyList<IReadOnlyList<RowWriteResult>> results)
    {
        foreach (var result in results[0])
        {
            if (!result.IsOk)
                throw new InvalidOperationException($"{result.Error!.Code}: {result.Error.Message}");
        }
    }

    public static long Touch(Value value) => value.Kind switch
    {
        ValueKind.Integer => value.AsInteger,
        ValueKind.Double => (long)value.AsDouble,
        ValueKind.Boolean => value.AsBoolean ? 1 : 0,
        ValueKind.String => value.AsString.Length,
        ValueKind.Binary => value.AsBinary.Length,
        _ => throw new InvalidOperationException($"unexpected {value.TypeName}"),
    };
}

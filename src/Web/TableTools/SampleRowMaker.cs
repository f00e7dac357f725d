using System.Buffers.Binary;
using System.Globalization;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// Makes sample rows for a table from a row number. Every key column gets a value from the number (INTEGER the
/// number, STRING <c>row-000000000042</c>, BINARY its 8 big-endian bytes), so key order is number order and
/// different numbers never share a key; an auto-increment column is left to the store. Every defined column gets
/// a value of its type; a table without defined columns gets <c>name</c>, <c>amount</c>, <c>quantity</c>,
/// <c>active</c> and <c>created</c> (the write time in RFC 3339, for event-time demos). Values vary with the
/// number but are the same for the same inputs.
/// </summary>
public sealed class SampleRowMaker(TableMeta table)
{
    private static readonly string[] Names = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Dennis"];

    public TableMeta Table => table;

    public RowWrite Make(long number, DateTimeOffset now)
    {
        var key = new KeyColumn[table.PrimaryKey.Count];
        for (var i = 0; i < key.Length; i++)
        {
            var column = table.PrimaryKey[i];
            key[i] = new KeyColumn(column.Name, column.AutoIncrement ? Value.AutoIncrement : KeyValue(column.Type, number));
        }
        ColumnPut[] columns = table.DefinedColumns.Count > 0
            ? [.. table.DefinedColumns.Select(c => new ColumnPut(c.Name, CellValue(c.Type, c.Name, number)))]
            :
            [
                new("name", Value.String($"{Names[number % Names.Length]} {number}")),
                new("amount", Value.Double(Spread(number, 100_000) / 100.0)),
                new("quantity", Value.Integer(1 + Spread(number, 100))),
                new("active", Value.Boolean(number % 3 != 0)),
                new("created", Value.String(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))),
            ];
        return new RowWrite(WriteType.Put, key, columns);
    }

    /// <summary>
    /// The first number whose rows are not in the table yet (1 in an empty table): one past the highest number
    /// found among its keys, so a second run adds rows after the first instead of overwriting them. Looks at the
    /// last rows (up to <paramref name="scan"/>) in the range of keys this maker makes.
    /// </summary>
    public long FirstFreeNumber(TableService store, int scan = 1_000)
    {
        var first = table.PrimaryKey[0];
        var (low, high) = first.Type switch
        {
            PrimaryKeyType.Integer => (Value.Integer(0), Value.Integer(long.MaxValue)),
            PrimaryKeyType.String => (Value.String(StringKey(0)), Value.String(StringKey(999_999_999_999))),
            _ => (Value.Binary([]), Value.Binary(BinaryKey(long.MaxValue))),
        };
        var start = Bound(high, Value.InfMax);
        var end = Bound(low, Value.InfMin);
        var highest = -1L;
        while (scan > 0 && start is not null)
        {
            var page = store.GetRange(new GetRangeRequest(table.Name, Direction.Backward, start, end, Limit: Math.Min(scan, 100),
                ColumnsToGet: [first.Name]));
            foreach (var row in page.Rows)
                if (NumberOf(row.PrimaryKey[0].Value) is { } number && number > highest)
                    highest = number;
            // Rows this maker made are in number order, so the first one that reads as a number is the highest.
            if (highest >= 0)
                break;
            scan -= page.Rows.Count;
            start = page.NextStartPrimaryKey;
        }
        return Math.Max(1, highest + 1);
    }

    /// <summary>The number a first key column value was made from, or null when this maker did not make it.</summary>
    public static long? NumberOf(Value value) => value.Kind switch
    {
        ValueKind.Integer when value.AsInteger >= 0 => value.AsInteger,
        ValueKind.String when value.AsString is { Length: 16 } text && text.StartsWith("row-", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        ValueKind.Binary when value.AsBinary.Length == 8 => BinaryPrimitives.ReadInt64BigEndian(value.AsBinary) is >= 0 and var n ? n : null,
        _ => null,
    };

    public static string StringKey(long number) => $"row-{number:D12}";

    private static byte[] BinaryKey(long number)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, number);
        return bytes;
    }

    private static Value KeyValue(PrimaryKeyType type, long number) => type switch
    {
        PrimaryKeyType.Integer => Value.Integer(number),
        PrimaryKeyType.String => Value.String(StringKey(number)),
        _ => Value.Binary(BinaryKey(number)),
    };

    private static Value CellValue(ColumnType type, string name, long number) => type switch
    {
        ColumnType.Integer => Value.Integer(Spread(number, 10_000)),
        ColumnType.Double => Value.Double(Spread(number, 100_000) / 100.0),
        ColumnType.Boolean => Value.Boolean(number % 2 == 0),
        ColumnType.Binary => Value.Binary(BinaryKey(number)),
        _ => Value.String($"{name} {number}"),
    };

    // A cheap scramble so neighbouring rows do not hold neighbouring values.
    private static long Spread(long number, long range) => (long)((ulong)number * 2_654_435_761UL % (ulong)range);

    private IReadOnlyList<KeyColumn> Bound(Value first, Value rest) =>
        [.. table.PrimaryKey.Select((column, i) => new KeyColumn(column.Name, i == 0 ? first : rest))];
}

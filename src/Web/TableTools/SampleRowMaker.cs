using System.Buffers.Binary;
using System.Globalization;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// Makes sample rows that exercise delivery, from a row number. The last key column is unique (the number: INTEGER
/// the number, STRING <c>row-000000000042</c>, BINARY its 8 big-endian bytes) unless an auto-increment column makes
/// keys unique already; the other key columns repeat a few values (<c>berlin</c>, <c>paris</c>, ...), so rows share
/// partition keys. Attribute cells follow <see cref="SampleCells"/>: times spread over the last two days in
/// time-like columns, words, numbers and booleans elsewhere, and a chosen share of dirty cells. A table without
/// defined columns gets <c>name</c>, <c>amount</c>, <c>quantity</c>, <c>active</c> and <c>created</c>. The same
/// table, seed, number and time make the same row.
/// </summary>
public sealed class SampleRowMaker
{
    private static readonly DefinedColumn[] DemoColumns =
    [
        new("name", ColumnType.String), new("amount", ColumnType.Double), new("quantity", ColumnType.Integer),
        new("active", ColumnType.Boolean), new("created", ColumnType.String),
    ];

    private readonly TableMeta _table;
    private readonly SampleCells _cells;
    private readonly IReadOnlyList<DefinedColumn> _columns;
    // The key column whose value is the row number; -1 when an auto-increment column keeps keys unique.
    private readonly int _unique;

    /// <param name="seed">Picks the values; the same seed makes the same rows.</param>
    /// <param name="dirtyPercent">0-100: the share of attribute cells written with a wrong type.</param>
    public SampleRowMaker(TableMeta table, int seed = 0, int dirtyPercent = 0)
    {
        if (dirtyPercent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(dirtyPercent), dirtyPercent, "must be 0-100");
        (_table, _cells) = (table, new SampleCells(seed, dirtyPercent));
        _columns = table.DefinedColumns.Count > 0 ? table.DefinedColumns : DemoColumns;
        _unique = table.PrimaryKey.Any(k => k.AutoIncrement) ? -1 : table.PrimaryKey.Count - 1;
    }

    public TableMeta Table => _table;

    /// <summary>The columns each row fills: the defined columns, or the demo columns of a table without any.</summary>
    public IReadOnlyList<DefinedColumn> Columns => _columns;

    /// <summary>What each column holds, in the order of the key and then <see cref="Columns"/>, for the panel to show.</summary>
    public IEnumerable<(string Column, string Holds)> Describe()
    {
        for (var i = 0; i < _table.PrimaryKey.Count; i++)
        {
            var key = _table.PrimaryKey[i];
            yield return (key.Name, key.AutoIncrement ? "assigned on write"
                : i == _unique ? "unique"
                : $"one of {string.Join(", ", SampleCells.RepeatedKeyValues(key).Select(v => v.ToString()))}");
        }
        foreach (var column in _columns)
            yield return (column.Name, SampleCells.Describe(column));
    }

    public RowWrite Make(long number, DateTimeOffset now)
    {
        var key = new KeyColumn[_table.PrimaryKey.Count];
        for (var i = 0; i < key.Length; i++)
        {
            var column = _table.PrimaryKey[i];
            key[i] = new KeyColumn(column.Name, column.AutoIncrement ? Value.AutoIncrement
                : i == _unique ? UniqueValue(column.Type, number)
                : _cells.RepeatedKeyValue(column, i, number));
        }
        var rowTime = _cells.RowTime(number, now);
        ColumnPut[] puts = [.. _columns.Select((c, i) => new ColumnPut(c.Name, _cells.Cell(c, i, number, rowTime)))];
        return new RowWrite(WriteType.Put, key, puts);
    }

    /// <summary>
    /// The first number whose rows are not in the table yet (1 in an empty table): one past the highest number
    /// found in the unique key column, so a second run adds rows after the first instead of overwriting them. Looks
    /// at the last rows (up to <paramref name="scan"/>) of every combination of repeated key values. With an
    /// auto-increment column no key can repeat; the row count then only keeps values varying from run to run.
    /// </summary>
    public long FirstFreeNumber(TableDefinitions tables, LiveRows rows, int scan = 1_000)
    {
        if (_unique < 0)
            return tables.DescribeTable(_table.Name).RowCount + 1;
        var highest = -1L;
        foreach (var leading in LeadingCombinations())
            highest = Math.Max(highest, HighestNumber(rows, leading, scan));
        return Math.Max(1, highest + 1);
    }

    private IEnumerable<Value[]> LeadingCombinations()
    {
        IEnumerable<Value[]> combinations = [[]];
        for (var i = 0; i < _unique; i++)
        {
            var values = SampleCells.RepeatedKeyValues(_table.PrimaryKey[i]);
            combinations = combinations.SelectMany(prefix => values.Select(v => (Value[])[.. prefix, v]));
        }
        return combinations;
    }

    private long HighestNumber(LiveRows rows, Value[] leading, int scan)
    {
        var column = _table.PrimaryKey[_unique];
        var (low, high) = column.Type switch
        {
            PrimaryKeyType.Integer => (Value.Integer(0), Value.Integer(long.MaxValue)),
            PrimaryKeyType.String => (Value.String(StringKey(0)), Value.String(StringKey(999_999_999_999))),
            _ => (Value.Binary([]), Value.Binary(BinaryKey(long.MaxValue))),
        };
        IReadOnlyList<KeyColumn>? start = Bound(leading, high);
        var end = Bound(leading, low);
        while (scan > 0 && start is not null)
        {
            var page = rows.GetRange(new GetRangeRequest(_table.Name, Direction.Backward, start, end, Limit: Math.Min(scan, 100),
                ColumnsToGet: [column.Name]));
            // Rows this maker made are in number order, so the first one that reads as a number is the highest.
            foreach (var row in page.Rows)
                if (NumberOf(row.PrimaryKey[_unique].Value) is { } number)
                    return number;
            scan -= page.Rows.Count;
            start = page.NextStartPrimaryKey;
        }
        return -1;
    }

    /// <summary>The number a unique key value was made from, or null when this maker did not make it.</summary>
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

    private static Value UniqueValue(PrimaryKeyType type, long number) => type switch
    {
        PrimaryKeyType.Integer => Value.Integer(number),
        PrimaryKeyType.String => Value.String(StringKey(number)),
        _ => Value.Binary(BinaryKey(number)),
    };

    // The range of one combination of leading values; columns after the unique one (none) and before it are fixed.
    private KeyColumn[] Bound(Value[] leading, Value unique) =>
        [.. _table.PrimaryKey.Select((column, i) => new KeyColumn(column.Name, i < _unique ? leading[i] : unique))];
}

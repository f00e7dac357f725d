using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>The first rows of a table in key order: what the task designer guesses types from and previews with.</summary>
public static class RowSample
{
    public const int DefaultSize = 100;

    /// <summary>Up to <paramref name="size"/> rows from the start of the table, newest version of each cell.</summary>
    public static IReadOnlyList<Row> Read(TableService tables, string tableName, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var key = tables.Table(tableName).PrimaryKey;
        IReadOnlyList<KeyColumn> start = [.. key.Select(k => new KeyColumn(k.Name, Value.InfMin))];
        IReadOnlyList<KeyColumn> end = [.. key.Select(k => new KeyColumn(k.Name, Value.InfMax))];
        var rows = new List<Row>(Math.Min(size, DefaultSize));
        while (rows.Count < size)
        {
            var page = tables.GetRange(new GetRangeRequest(tableName, Direction.Forward, start, end, size - rows.Count));
            rows.AddRange(page.Rows.Take(size - rows.Count));
            if (page.NextStartPrimaryKey is not { } next)
                break;
            start = next;
        }
        return rows;
    }

    /// <summary>
    /// The time a BASE delivery partitions the row by when no event-time column is set: the newest version
    /// timestamp among its cells (milliseconds), or null for a row with no attribute cells (the snapshot time).
    /// </summary>
    public static DateTimeOffset? WriteTime(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Columns.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.Columns.Max(cell => cell.Timestamp));
    }
}

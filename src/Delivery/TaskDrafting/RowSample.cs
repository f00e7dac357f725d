using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>The first rows of a table in key order: what the task designer guesses types from and previews with.</summary>
public static class RowSample
{
    public const int DefaultSize = 100;

    /// <summary>Up to <paramref name="size"/> rows from the start of the table, newest version of each cell.</summary>
    public static IReadOnlyList<Row> Read(TableDefinitions tables, LiveRows rows, string tableName, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var key = tables.Table(tableName).PrimaryKey;
        IReadOnlyList<KeyColumn> start = [.. key.Select(k => new KeyColumn(k.Name, Value.InfMin))];
        IReadOnlyList<KeyColumn> end = [.. key.Select(k => new KeyColumn(k.Name, Value.InfMax))];
        var sample = new List<Row>(Math.Min(size, DefaultSize));
        while (sample.Count < size)
        {
            var page = rows.GetRange(new GetRangeRequest(tableName, Direction.Forward, start, end, size - sample.Count));
            sample.AddRange(page.Rows.Take(size - sample.Count));
            if (page.NextStartPrimaryKey is not { } next)
                break;
            start = next;
        }
        return sample;
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

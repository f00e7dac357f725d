using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>Builds the (name, value) pairs <see cref="SchemaMapper"/> maps, from a stored row or a change record.</summary>
public static class SourceCells
{
    /// <summary>
    /// The primary key, then the row's cells as read (newest version first), so the mapper takes each column's
    /// newest version.
    /// </summary>
    public static IReadOnlyList<(string Name, Value Value)> FromRow(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cells = new List<(string Name, Value Value)>(row.PrimaryKey.Count + row.Columns.Count);
        foreach (var key in row.PrimaryKey)
            cells.Add((key.Name, key.Value));
        foreach (var cell in row.Columns)
            cells.Add((cell.Name, cell.Value));
        return cells;
    }

    /// <summary>
    /// The primary key, then only the columns the change PUT (the newest timestamp when one column was put twice);
    /// version and column deletes contribute nothing. Callers skip DeleteRow changes: they deliver no row.
    /// </summary>
    public static IReadOnlyList<(string Name, Value Value)> FromChange(ChangeRecord change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var cells = new List<(string Name, Value Value)>(change.PrimaryKey.Count + change.Columns.Count);
        foreach (var key in change.PrimaryKey)
            cells.Add((key.Name, key.Value));
        var first = cells.Count;
        var stamps = new List<long>(change.Columns.Count);
        foreach (var column in change.Columns)
        {
            if (column.Type != ColumnChangeType.Put || column.Value is not { } value)
                continue;
            var stamp = column.Timestamp ?? long.MinValue;
            var earlier = IndexOf(cells, first, column.Name);
            if (earlier < 0)
            {
                cells.Add((column.Name, value));
                stamps.Add(stamp);
            }
            else if (stamp >= stamps[earlier - first])
            {
                cells[earlier] = (column.Name, value);
                stamps[earlier - first] = stamp;
            }
        }
        return cells;
    }

    private static int IndexOf(List<(string Name, Value Value)> cells, int from, string name)
    {
        for (var i = from; i < cells.Count; i++)
        {
            if (cells[i].Name == name)
                return i;
        }
        return -1;
    }
}

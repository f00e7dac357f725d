using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>The cells a Put or Update leaves in a row, with the table's maxVersions and timeToLive applied.</summary>
internal static class RowMerge
{
    /// <param name="current">The row's visible cells before the write (see <see cref="Visible"/>); null when it is missing. Put ignores them.</param>
    /// <param name="incremented">The cells <see cref="Increment"/> computed for the write.</param>
    /// <returns>The row's new cells, or null when an update of a missing row only deletes (nothing to create).</returns>
    public static List<Cell>? Apply(TableMeta table, RowWrite write, List<Cell>? current, IReadOnlyList<Cell> incremented, long now)
    {
        if (write.Type == WriteType.Update && current is null && write.Puts.Count == 0 && incremented.Count == 0)
            return null;
        var cells = write.Type == WriteType.Put || current is null ? new List<Cell>(write.Puts.Count + incremented.Count) : current;
        if (write.DeleteAll.Count > 0)
            cells.RemoveAll(c => write.DeleteAll.Contains(c.Name));
        foreach (var delete in write.DeleteVersions)
            cells.RemoveAll(c => c.Name == delete.Name && c.Timestamp == delete.Timestamp);
        for (var i = 0; i < write.Puts.Count; i++)
            Upsert(cells, new Cell(write.Puts[i].Name, write.Puts[i].Value, write.Puts[i].Timestamp ?? now));
        for (var i = 0; i < incremented.Count; i++)
            Upsert(cells, incremented[i]);
        cells.Sort(RowCodec.Compare);
        return Retain(cells, table.Options, now);
    }

    /// <summary>A stored row's cells as a read sees them: expired versions (timeToLive) and surplus versions gone.</summary>
    public static List<Cell> Visible(TableMeta table, byte[] stored, long now) => Retain(RowCodec.Decode(stored), table.Options, now);

    /// <summary>
    /// The new cell of each incremented column: its latest version plus the delta (0 when the column is absent),
    /// at the server's time, or at the latest version's own time when a client timestamp put that in the future,
    /// so the new value replaces it and stays the latest.
    /// </summary>
    /// <param name="current">The row's visible cells; null when the row is missing.</param>
    public static Cell[] Increment(RowWrite write, List<Cell>? current, long now, out string? error)
    {
        error = null;
        if (write.Increments.Count == 0)
            return [];
        var cells = new Cell[write.Increments.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var (name, delta) = write.Increments[i];
            Cell? latest = null;
            foreach (var cell in current ?? [])
                if (cell.Name == name && (latest is null || cell.Timestamp > latest.Value.Timestamp))
                    latest = cell;
            var before = 0L;
            if (latest is { } found)
            {
                if (found.Value.Kind != ValueKind.Integer)
                {
                    error = $"Column '{name}' is {found.Value.TypeName}, not INTEGER, and cannot be incremented.";
                    return [];
                }
                before = found.Value.AsInteger;
            }
            var after = before + delta;
            // Signed overflow: both operands share a sign that the sum does not.
            if (((before ^ after) & (delta ^ after)) < 0)
            {
                error = $"Incrementing column '{name}' ({before}) by {delta} overflows INTEGER.";
                return [];
            }
            cells[i] = new Cell(name, Value.Integer(after), Math.Max(now, latest?.Timestamp ?? now));
        }
        return cells;
    }

    // A version with the same column and timestamp is replaced: the later write wins.
    private static void Upsert(List<Cell> cells, Cell cell)
    {
        for (var i = 0; i < cells.Count; i++)
            if (cells[i].Timestamp == cell.Timestamp && cells[i].Name == cell.Name)
            {
                cells[i] = cell;
                return;
            }
        cells.Add(cell);
    }

    /// <summary>Keeps the newest maxVersions versions of each column that have not outlived timeToLive.</summary>
    /// <returns>The same list when every cell stays (the common case: one version each, no TTL).</returns>
    public static List<Cell> Retain(List<Cell> sortedCells, TableOptions options, long now)
    {
        if (options.TimeToLive == -1 && OneVersionEach(sortedCells))
            return sortedCells;
        var oldest = options.TimeToLive == -1 ? long.MinValue : now - options.TimeToLive * 1000L;
        var kept = new List<Cell>(sortedCells.Count);
        var versions = 0;
        for (var i = 0; i < sortedCells.Count; i++)
        {
            var cell = sortedCells[i];
            versions = i > 0 && sortedCells[i - 1].Name == cell.Name ? versions + 1 : 1;
            if (versions <= options.MaxVersions && cell.Timestamp >= oldest)
                kept.Add(cell);
        }
        return kept;
    }

    private static bool OneVersionEach(List<Cell> sortedCells)
    {
        for (var i = 1; i < sortedCells.Count; i++)
            if (sortedCells[i - 1].Name == sortedCells[i].Name)
                return false;
        return true;
    }
}

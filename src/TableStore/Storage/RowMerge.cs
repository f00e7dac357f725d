using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>The cells a Put or Update leaves in a row, with the table's maxVersions and timeToLive applied.</summary>
internal static class RowMerge
{
    /// <returns>The row's new cells, or null when an update of a missing row only deletes (nothing to create).</returns>
    public static List<Cell>? Apply(TableMeta table, RowWrite write, byte[]? stored, long now)
    {
        if (write.Type == WriteType.Update && stored is null && write.Puts.Count == 0)
            return null;
        var cells = write.Type == WriteType.Put || stored is null ? new List<Cell>(write.Puts.Count) : RowCodec.Decode(stored);
        if (write.DeleteAll.Count > 0)
            cells.RemoveAll(c => write.DeleteAll.Contains(c.Name));
        foreach (var delete in write.DeleteVersions)
            cells.RemoveAll(c => c.Name == delete.Name && c.Timestamp == delete.Timestamp);
        for (var i = 0; i < write.Puts.Count; i++)
            Upsert(cells, new Cell(write.Puts[i].Name, write.Puts[i].Value, write.Puts[i].Timestamp ?? now));
        cells.Sort(RowCodec.Compare);
        return Retain(cells, table.Options, now);
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

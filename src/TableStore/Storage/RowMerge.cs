using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>The cells a Put or Update leaves in a row, with the table's maxVersions and timeToLive applied.</summary>
internal static class RowMerge
{
    /// <returns>The row's new cells, or null when an update of a missing row only deletes (nothing to create).</returns>
    public static List<Cell>? Apply(TableMeta table, RowWrite write, byte[]? stored, long now)
    {
        List<Cell> cells;
        if (write.Type == WriteType.Put || stored is null)
        {
            if (write.Type == WriteType.Update && stored is null && write.Puts.Count == 0)
                return null;
            cells = [];
        }
        else
        {
            cells = RowCodec.Decode(stored);
            if (write.DeleteAll.Count > 0)
            {
                var names = write.DeleteAll.ToHashSet(StringComparer.Ordinal);
                cells.RemoveAll(c => names.Contains(c.Name));
            }
            foreach (var delete in write.DeleteVersions)
                cells.RemoveAll(c => c.Name == delete.Name && c.Timestamp == delete.Timestamp);
        }
        foreach (var put in write.Puts)
        {
            var timestamp = put.Timestamp ?? now;
            cells.RemoveAll(c => c.Name == put.Name && c.Timestamp == timestamp);
            cells.Add(new Cell(put.Name, put.Value, timestamp));
        }
        cells.Sort(RowCodec.Compare);
        return Retain(cells, table.Options, now);
    }

    /// <summary>Keeps the newest maxVersions versions of each column that have not outlived timeToLive.</summary>
    public static List<Cell> Retain(List<Cell> sortedCells, TableOptions options, long now)
    {
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
}

using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// A row's stored cells: a count, then each version as name, timestamp and value, ordered by column name
/// (ordinal) and, within a column, newest first.
/// </summary>
internal static class RowCodec
{
    public static byte[] Encode(IReadOnlyList<Cell> cells, ValueWriter writer)
    {
        writer.Clear();
        writer.VarUInt((ulong)cells.Count);
        foreach (var cell in cells)
        {
            writer.String(cell.Name);
            writer.Int64(cell.Timestamp);
            writer.Value(cell.Value);
        }
        return writer.ToArray();
    }

    public static List<Cell> Decode(ReadOnlySpan<byte> data)
    {
        var reader = new ValueReader(data);
        var count = (int)reader.VarUInt();
        var cells = new List<Cell>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.String();
            var timestamp = reader.Int64();
            cells.Add(new Cell(name, reader.Value(), timestamp));
        }
        return cells;
    }

    /// <summary>The canonical order of stored cells: by name, then newest first.</summary>
    public static int Compare(Cell a, Cell b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : b.Timestamp.CompareTo(a.Timestamp);
    }
}

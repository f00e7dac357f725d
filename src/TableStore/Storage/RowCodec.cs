using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// A row's stored cells: a count, then each version as name, timestamp and value, ordered by column name
/// (ordinal) and, within a column, newest first.
/// </summary>
internal static class RowCodec
{
    /// <summary>Writes the cells into <paramref name="writer"/> (cleared first); read them from its WrittenSpan.</summary>
    public static void Encode(IReadOnlyList<Cell> cells, ValueWriter writer)
    {
        writer.Clear();
        writer.VarUInt((ulong)cells.Count);
        foreach (var cell in cells)
        {
            writer.String(cell.Name);
            writer.Int64(cell.Timestamp);
            writer.Value(cell.Value);
        }
    }

    public static List<Cell> Decode(ReadOnlySpan<byte> data)
    {
        var reader = new ValueReader(data);
        var count = (int)reader.VarUInt();
        var cells = new List<Cell>(count);
        for (var i = 0; i < count; i++)
        {
            var name = ColumnNames.Get(reader.LengthPrefixed());
            var timestamp = reader.Int64();
            cells.Add(new Cell(name, reader.Value(), timestamp));
        }
        return cells;
    }

    /// <summary>Column names decoded once per thread: rows repeat the same few names, so a scan need not allocate them.</summary>
    private static class ColumnNames
    {
        private const int MaxCached = 4096;
        private const int MaxLength = 64;

        [ThreadStatic]
        private static Dictionary<string, string>? t_names;

        public static string Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxLength)
                return System.Text.Encoding.UTF8.GetString(utf8);
            Span<char> chars = stackalloc char[MaxLength];
            chars = chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)];
            var names = t_names ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var name))
                return name;
            name = new string(chars);
            if (names.Count < MaxCached)
                names[name] = name;
            return name;
        }
    }

    /// <summary>The canonical order of stored cells: by name, then newest first.</summary>
    public static int Compare(Cell a, Cell b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : b.Timestamp.CompareTo(a.Timestamp);
    }
}

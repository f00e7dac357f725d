using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// Maps one source row, given as (name, value) pairs, to a Parquet row in schema order. A cell that converts to its
/// column (its <see cref="CellConversion"/>) is converted once and kept in the column's stored form; any other
/// cell, and every BINARY
/// cell, is dirty: delivered as null and reported. A column with no cell is null and not dirty. When a name occurs
/// more than once, the first pair wins (sources list the newest version first). Safe to share between threads.
/// </summary>
public sealed class SchemaMapper
{
    private readonly SchemaColumn[] _schema;
    private readonly CellConversion[] _conversions;
    private readonly Dictionary<string, int[]> _targets;

    public SchemaMapper(IReadOnlyList<SchemaColumn> schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Count == 0)
            throw new ArgumentException("A schema needs at least one column.", nameof(schema));
        _schema = [.. schema];
        _conversions = [.. _schema.Select(CellConversion.For)];
        _targets = _schema
            .Select((column, index) => (column.ColumnName, index))
            .GroupBy(target => target.ColumnName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(target => target.index).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<SchemaColumn> Schema => _schema;

    /// <summary>True when a cell of <paramref name="columnName"/> holding <paramref name="value"/> is delivered as a value.</summary>
    public bool Delivers(string columnName, Value value)
    {
        if (!_targets.TryGetValue(columnName, out var targets))
            return false;
        foreach (var i in targets)
        {
            if (_conversions[i].TryConvert(value, out _))
                return true;
        }
        return false;
    }

    /// <summary>Maps <paramref name="cells"/> to a new row and the list of its dirty cells.</summary>
    public MappedRow Map(IReadOnlyList<(string Name, Value Value)> cells)
    {
        var values = new Value?[_schema.Length];
        var dirty = new List<DirtyCell>(0);
        MapInto(cells, values, dirty);
        return new MappedRow(values, dirty);
    }

    /// <summary>
    /// Maps <paramref name="cells"/> into <paramref name="row"/> (one slot per schema column, overwritten), adds
    /// each dirty cell to <paramref name="dirty"/> when given, and returns how many cells were dirty.
    /// </summary>
    public int MapInto(IReadOnlyList<(string Name, Value Value)> cells, Span<Value?> row, ICollection<DirtyCell>? dirty = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (row.Length != _schema.Length)
            throw new ArgumentException($"The row has {row.Length} slots; the schema has {_schema.Length} columns.", nameof(row));
        row.Clear();
        Span<bool> seen = _schema.Length <= 256 ? stackalloc bool[_schema.Length] : new bool[_schema.Length];
        var dirtyCount = 0;
        for (var c = 0; c < cells.Count; c++)
        {
            var (name, value) = cells[c];
            if (!_targets.TryGetValue(name, out var targets))
                continue;
            foreach (var i in targets)
            {
                if (seen[i])
                    continue;
                seen[i] = true;
                if (_conversions[i].TryConvert(value, out var stored))
                {
                    row[i] = stored;
                    continue;
                }
                dirtyCount++;
                dirty?.Add(DirtyCell.Of(_schema[i], value));
            }
        }
        return dirtyCount;
    }
}

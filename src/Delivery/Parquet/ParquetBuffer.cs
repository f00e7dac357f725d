using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// Mapped rows waiting to become one Parquet object, kept column by column in growing typed arrays (no object per
/// row). <see cref="EstimatedBytes"/> tells a caller when to flush at a size threshold. Not thread-safe.
/// </summary>
public sealed class ParquetBuffer
{
    private readonly SchemaColumn[] _schema;
    private readonly ColumnBuffer[] _columns;
    private readonly ValueKind[] _storedKinds;

    public ParquetBuffer(IReadOnlyList<SchemaColumn> schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Count == 0)
            throw new ArgumentException("A schema needs at least one column.", nameof(schema));
        _schema = [.. schema];
        _columns = [.. _schema.Select(column => ColumnLayout.Of(column).NewBuffer())];
        _storedKinds = [.. _schema.Select(column => CellConversion.For(column).StoredKind)];
    }

    public IReadOnlyList<SchemaColumn> Schema => _schema;

    public int RowCount { get; private set; }

    /// <summary>
    /// The buffered data's size as PLAIN-encoded, uncompressed Parquet values (strings as UTF-8 with their length
    /// prefix, each fixed-size value at its width, 1 bit per BOOL and per definition level). Compression and dictionaries
    /// only make the written object smaller.
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            long total = 0;
            foreach (var column in _columns)
                total += column.EstimatedBytes;
            return total;
        }
    }

    /// <summary>
    /// Adds one row: a slot per schema column, null or the column's stored form of a cell (as
    /// <see cref="SchemaMapper"/> produces, see <see cref="CellConversion.TryConvert"/>), written as it is. A row
    /// whose slot holds another kind is rejected whole.
    /// </summary>
    public void Append(ReadOnlySpan<Value?> row)
    {
        if (row.Length != _schema.Length)
            throw new ArgumentException($"The row has {row.Length} values; the schema has {_schema.Length} columns.", nameof(row));
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is { } value && value.Kind != _storedKinds[i])
                throw new ArgumentException(
                    $"Column {_schema[i].OssColumnName} is {_schema[i].Type.WireName()}; a {value.TypeName} value is not its stored form.", nameof(row));
        }
        for (var i = 0; i < row.Length; i++)
            _columns[i].Add(row[i]);
        RowCount++;
    }

    /// <summary>Drops every row; the arrays keep their capacity for the next rows.</summary>
    public void Clear()
    {
        foreach (var column in _columns)
            column.Clear();
        RowCount = 0;
    }

    internal ColumnBuffer Column(int index) => _columns[index];
}

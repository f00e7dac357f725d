using System.Buffers;
using DeliveryConsole.Delivery.Schema;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// Writes a <see cref="ParquetBuffer"/> as one Parquet object: one OPTIONAL column per schema entry in schema
/// order named by its ossColumnName (UTF8 as BYTE_ARRAY with the STRING logical type, INT64, DOUBLE, BOOLEAN),
/// each written in its schema encoding, SNAPPY-compressed, in row groups of at most
/// <see cref="MaxRowsPerRowGroup"/> rows. An empty buffer gives a valid object with the schema and no row group.
/// </summary>
public sealed class ParquetObjectWriter
{
    public const int DefaultMaxRowsPerRowGroup = 100_000;

    private readonly SchemaColumn[] _schema;

    /// <exception cref="NotSupportedException">A column asks for an encoding the writer cannot honour for its type.</exception>
    public ParquetObjectWriter(IReadOnlyList<SchemaColumn> schema, int maxRowsPerRowGroup = DefaultMaxRowsPerRowGroup)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerRowGroup, 1);
        if (schema.Count == 0)
            throw new ArgumentException("A schema needs at least one column.", nameof(schema));
        foreach (var column in schema)
        {
            if (ParquetEncodings.WhyNot(column.Type, column.Encoding) is { } reason)
                throw new NotSupportedException(
                    $"Column {column.OssColumnName}: {column.Encoding.WireName()} for {column.Type.WireName()} is not supported: {reason}.");
        }
        _schema = [.. schema];
        MaxRowsPerRowGroup = maxRowsPerRowGroup;
    }

    public IReadOnlyList<SchemaColumn> Schema => _schema;

    public int MaxRowsPerRowGroup { get; }

    /// <summary>Writes every buffered row to <paramref name="output"/> (need not seek; left open). The buffer is unchanged.</summary>
    public async Task WriteAsync(ParquetBuffer buffer, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(output);
        if (!buffer.Schema.SequenceEqual(_schema))
            throw new ArgumentException("The buffer was made for another schema.", nameof(buffer));

        var fields = _schema.Select(Field).ToArray();
        var parquetSchema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(parquetSchema, output, Options(fields), false, cancellationToken);
        var levels = ArrayPool<int>.Shared.Rent(Math.Min(MaxRowsPerRowGroup, Math.Max(1, buffer.RowCount)));
        try
        {
            var nextValue = new int[fields.Length];
            for (var firstRow = 0; firstRow < buffer.RowCount; firstRow += MaxRowsPerRowGroup)
            {
                var rows = Math.Min(MaxRowsPerRowGroup, buffer.RowCount - firstRow);
                using var rowGroup = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    var column = buffer.Column(c);
                    var values = column.FillLevels(firstRow, levels.AsSpan(0, rows));
                    await column.WriteAsync(rowGroup, fields[c], nextValue[c], values, levels.AsMemory(0, rows), cancellationToken);
                    nextValue[c] += values;
                }
                rowGroup.CompleteValidate();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    private static DataField Field(SchemaColumn column) => column.Type switch
    {
        ParquetType.Bool => new DataField<bool?>(column.OssColumnName),
        ParquetType.Int64 => new DataField<long?>(column.OssColumnName),
        ParquetType.Utf8 => new DataField<string>(column.OssColumnName, nullable: true),
        ParquetType.Double => new DataField<double?>(column.OssColumnName),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    private ParquetOptions Options(DataField[] fields)
    {
        // Parquet.Net dictionary-encodes a hinted column only while its share of distinct values stays under this
        // threshold; 1.0 means always, so PLAIN_DICTIONARY is never silently replaced by PLAIN.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingThreshold = 1.0 };
        for (var i = 0; i < fields.Length; i++)
        {
            EncodingHint? hint = _schema[i].Encoding switch
            {
                ColumnEncoding.PlainDictionary => EncodingHint.Dictionary,
                ColumnEncoding.DeltaBinaryPacked => EncodingHint.DeltaBinaryPacked,
                _ => null,
            };
            if (hint is { } chosen)
                options.ColumnEncodingHints[fields[i].Path.ToString()] = chosen;
        }
        return options;
    }
}

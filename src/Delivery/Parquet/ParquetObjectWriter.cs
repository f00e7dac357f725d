using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// Writes a <see cref="ParquetBuffer"/> as one Parquet object: one OPTIONAL column per schema entry in schema
/// order named by its ossColumnName and laid out as its <see cref="ColumnLayout"/> says, each written in its schema encoding, SNAPPY-compressed, in row groups of at most
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
            if (ParquetEncodings.WhyNot(column) is { } reason)
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
        await using var parquet = await OpenAsync(output, cancellationToken);
        await parquet.WriteRowGroupsAsync(buffer, cancellationToken);
    }

    /// <summary>
    /// Starts an object on <paramref name="output"/> (need not seek; left open) whose row groups are written as they
    /// fill, so a large object never holds all its rows in memory; disposing it writes the footer.
    /// </summary>
    public async Task<ParquetObjectStream> OpenAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ParquetEncodings.NeedsArrow(_schema))
            return new ParquetObjectStream(this, new ArrowObjectWriter(
                [.. _schema.Select(column => ColumnLayout.Of(column).ArrowColumn(column.OssColumnName, column.Encoding))], output));
        var fields = _schema.Select(column => ColumnLayout.Of(column).Field(column.OssColumnName)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, Options(fields), false, cancellationToken);
        return new ParquetObjectStream(this, writer, fields);
    }

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

using DeliveryConsole.Delivery.Schema;
using ParquetSharp;
using ParquetSharp.Schema;

namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// Writes one Parquet object with Arrow C++ (through ParquetSharp), the writer for the encodings Parquet.Net 6.1.0
/// cannot write (docs/parquet-encodings.md): one OPTIONAL column per <see cref="ArrowColumn"/> in order, each in its
/// own encoding, SNAPPY-compressed, in the row groups the caller appends. <see cref="Complete"/> writes the footer;
/// disposing without it (after a failure) writes nothing more, so the output never holds a footer over missing rows.
/// An object with no row group is valid and holds the schema only.
/// </summary>
public sealed class ArrowObjectWriter : IDisposable
{
    /// <summary>
    /// Arrow falls back to PLAIN once a column chunk's dictionary outgrows this many bytes (1 MiB by default); a
    /// column asked to be dictionary-encoded stays so up to the largest page Parquet can describe.
    /// </summary>
    private const long DictionaryPageLimit = int.MaxValue;

    private readonly ArrowColumn[] _columns;
    private readonly PositionedOutput _output;
    private readonly ParquetFileWriter _file;
    private ArrowRowGroup? _openRowGroup;
    private string? _abandoned;
    private bool _closed;
    private bool _released;

    /// <param name="columns">At least one column; names must differ.</param>
    /// <param name="output">Where the object goes; written forward only, and left open.</param>
    public ArrowObjectWriter(IReadOnlyList<ArrowColumn> columns, Stream output)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(output);
        if (columns.Count == 0)
            throw new ArgumentException("An object needs at least one column.", nameof(columns));
        if (columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Column {twice.Key} appears more than once.", nameof(columns));
        _columns = [.. columns];
        _output = new PositionedOutput(output);
        using var schema = Schema(_columns);
        using var properties = Properties(_columns);
        _file = new ParquetFileWriter(_output, schema, properties, keyValueMetadata: null, leaveOpen: true);
    }

    public IReadOnlyList<ArrowColumn> Columns => _columns;

    /// <summary>The rows of the row groups completed so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Starts a row group: write every column once, in order, then dispose it before starting the next.</summary>
    public ArrowRowGroup AppendRowGroup()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ThrowIfUnfinished();
        return _openRowGroup = new ArrowRowGroup(this, _file.AppendRowGroup());
    }

    /// <summary>Writes the footer: the object is complete. Throws if a row group was left unfinished.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ThrowIfUnfinished();
        _file.Close();
        _closed = true;
        Dispose();
    }

    /// <summary>Releases the native writer; without <see cref="Complete"/> first, nothing more reaches the output.</summary>
    public void Dispose()
    {
        if (_released)
            return;
        _released = true;
        if (!_closed)
        {
            _closed = true;
            _output.Detach();
        }
        _file.Dispose();
        _output.Dispose();
    }

    internal void RowGroupClosed(ArrowRowGroup rowGroup, string? unfinished)
    {
        _openRowGroup = null;
        if (unfinished is null)
            RowCount += rowGroup.RowCount;
        else
            _abandoned ??= unfinished;
    }

    private void ThrowIfUnfinished()
    {
        if (_openRowGroup is not null)
            throw new InvalidOperationException("The previous row group is still open.");
        if (_abandoned is not null)
            throw new InvalidOperationException($"A row group was left unfinished ({_abandoned}): the object would miss rows.");
    }

    private static GroupNode Schema(ArrowColumn[] columns)
    {
        var nodes = new Node[columns.Length];
        try
        {
            for (var i = 0; i < columns.Length; i++)
            {
                using var logical = columns[i].Logical.ToNative();
                nodes[i] = new PrimitiveNode(columns[i].Name, Repetition.Optional, logical, columns[i].Physical, columns[i].FixedLength);
            }
            return new GroupNode("schema", Repetition.Required, nodes, logicalType: null);
        }
        finally
        {
            foreach (var node in nodes)
                node?.Dispose();
        }
    }

    private static WriterProperties Properties(ArrowColumn[] columns)
    {
        using var builder = new WriterPropertiesBuilder();
        // Format version 1.0 names the dictionary encoding PLAIN_DICTIONARY, as Tablestore and Parquet.Net do;
        // 2.x would call it RLE_DICTIONARY. Every type this writer takes is written and read back under 1.0 (tests).
        builder.Version(ParquetVersion.PARQUET_1_0).Compression(Compression.Snappy).DictionaryPagesizeLimit(DictionaryPageLimit);
        foreach (var column in columns)
        {
            if (column.Encoding == ColumnEncoding.PlainDictionary)
                builder.EnableDictionary(column.Name);
            else
                builder.DisableDictionary(column.Name).Encoding(column.Name, Native(column.Encoding));
        }
        return builder.Build();
    }

    private static Encoding Native(ColumnEncoding encoding) => encoding switch
    {
        ColumnEncoding.Plain => Encoding.Plain,
        ColumnEncoding.DeltaBinaryPacked => Encoding.DeltaBinaryPacked,
        ColumnEncoding.DeltaByteArray => Encoding.DeltaByteArray,
        ColumnEncoding.DeltaLengthByteArray => Encoding.DeltaLengthByteArray,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };
}

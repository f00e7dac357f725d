using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// A Parquet object being written: each call adds a buffer's rows as row groups of at most
/// <see cref="ParquetObjectWriter.MaxRowsPerRowGroup"/> rows; disposing writes the footer. Made by
/// <see cref="ParquetObjectWriter.OpenAsync"/>.
/// </summary>
public sealed class ParquetObjectStream : IAsyncDisposable
{
    private readonly ParquetObjectWriter _owner;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    internal ParquetObjectStream(ParquetObjectWriter owner, ParquetWriter writer, DataField[] fields)
    {
        _owner = owner;
        _writer = writer;
        _fields = fields;
    }

    /// <summary>The rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Writes every row of <paramref name="buffer"/>; the buffer is unchanged, so the caller may clear and reuse it.</summary>
    public async Task WriteRowGroupsAsync(ParquetBuffer buffer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!buffer.Schema.SequenceEqual(_owner.Schema))
            throw new ArgumentException("The buffer was made for another schema.", nameof(buffer));
        var groupRows = _owner.MaxRowsPerRowGroup;
        var levels = ArrayPool<int>.Shared.Rent(Math.Min(groupRows, Math.Max(1, buffer.RowCount)));
        try
        {
            var nextValue = new int[_fields.Length];
            for (var firstRow = 0; firstRow < buffer.RowCount; firstRow += groupRows)
            {
                var rows = Math.Min(groupRows, buffer.RowCount - firstRow);
                using var rowGroup = _writer.CreateRowGroup();
                for (var c = 0; c < _fields.Length; c++)
                {
                    var column = buffer.Column(c);
                    var values = column.FillLevels(firstRow, levels.AsSpan(0, rows));
                    await column.WriteAsync(rowGroup, _fields[c], nextValue[c], values, levels.AsMemory(0, rows), cancellationToken);
                    nextValue[c] += values;
                }
                rowGroup.CompleteValidate();
            }
            RowCount += buffer.RowCount;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}

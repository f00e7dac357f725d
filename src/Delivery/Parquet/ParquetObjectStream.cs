using System.Buffers;
using DeliveryConsole.Delivery.Parquet.Arrow;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// A Parquet object being written: each call adds a buffer's rows as row groups of at most
/// <see cref="ParquetObjectWriter.MaxRowsPerRowGroup"/> rows; disposing writes the footer. Made by
/// <see cref="ParquetObjectWriter.OpenAsync"/>, with Parquet.Net or, when a column asks for an encoding only Arrow
/// writes, with <see cref="ArrowObjectWriter"/> (docs/parquet-encodings.md).
/// </summary>
public sealed class ParquetObjectStream : IAsyncDisposable
{
    private readonly ParquetObjectWriter _owner;
    private readonly ParquetWriter? _writer;
    private readonly DataField[] _fields;
    private readonly ArrowObjectWriter? _arrow;

    internal ParquetObjectStream(ParquetObjectWriter owner, ParquetWriter writer, DataField[] fields)
    {
        _owner = owner;
        _writer = writer;
        _fields = fields;
    }

    internal ParquetObjectStream(ParquetObjectWriter owner, ArrowObjectWriter arrow)
    {
        _owner = owner;
        _arrow = arrow;
        _fields = [];
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
            var columns = buffer.Schema.Count;
            var nextValue = new int[columns];
            for (var firstRow = 0; firstRow < buffer.RowCount; firstRow += groupRows)
            {
                var rows = Math.Min(groupRows, buffer.RowCount - firstRow);
                if (_arrow is not null)
                {
                    using var arrowGroup = _arrow.AppendRowGroup();
                    for (var c = 0; c < columns; c++)
                    {
                        var column = buffer.Column(c);
                        var values = column.FillLevels(firstRow, levels.AsSpan(0, rows));
                        column.WriteArrow(arrowGroup, firstRow, rows, nextValue[c], values);
                        nextValue[c] += values;
                    }
                    continue;
                }
                using var rowGroup = _writer!.CreateRowGroup();
                for (var c = 0; c < columns; c++)
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

    public ValueTask DisposeAsync()
    {
        if (_arrow is null)
            return _writer!.DisposeAsync();
        _arrow.Complete();
        return ValueTask.CompletedTask;
    }
}

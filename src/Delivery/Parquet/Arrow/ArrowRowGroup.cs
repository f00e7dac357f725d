using System.Buffers;
using System.Runtime.InteropServices;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// A row group being written by <see cref="ArrowObjectWriter"/>: each column once, in schema order, as a presence
/// flag per row (1 = a value, 0 = null) and that column's non-null values packed densely in row order. Disposing
/// completes the group once every column is written; a group disposed earlier (after a failure) is abandoned, and
/// the object can then no longer be completed.
/// </summary>
public sealed class ArrowRowGroup : IDisposable
{
    private readonly ArrowObjectWriter _owner;
    private readonly RowGroupWriter _writer;
    private int _nextColumn;
    private bool _disposed;

    internal ArrowRowGroup(ArrowObjectWriter owner, RowGroupWriter writer)
    {
        _owner = owner;
        _writer = writer;
    }

    /// <summary>The rows of this group, set by its first column.</summary>
    public int RowCount { get; private set; } = -1;

    public void WriteBooleans(ReadOnlySpan<byte> present, ReadOnlySpan<bool> values) => Write(PhysicalType.Boolean, present, values);

    public void WriteInt32s(ReadOnlySpan<byte> present, ReadOnlySpan<int> values) => Write(PhysicalType.Int32, present, values);

    public void WriteInt64s(ReadOnlySpan<byte> present, ReadOnlySpan<long> values) => Write(PhysicalType.Int64, present, values);

    public void WriteInt96s(ReadOnlySpan<byte> present, ReadOnlySpan<Int96> values) => Write(PhysicalType.Int96, present, values);

    public void WriteFloats(ReadOnlySpan<byte> present, ReadOnlySpan<float> values) => Write(PhysicalType.Float, present, values);

    public void WriteDoubles(ReadOnlySpan<byte> present, ReadOnlySpan<double> values) => Write(PhysicalType.Double, present, values);

    /// <summary>A BYTE_ARRAY column of text, stored as UTF-8.</summary>
    public void WriteStrings(ReadOnlySpan<byte> present, ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        var bytes = 0L;
        foreach (var value in values)
            bytes += System.Text.Encoding.UTF8.GetByteCount(value.Span);
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)bytes));
        var ends = ArrayPool<int>.Shared.Rent(values.Length);
        try
        {
            var end = 0;
            for (var i = 0; i < values.Length; i++)
                ends[i] = end += System.Text.Encoding.UTF8.GetBytes(values[i].Span, buffer.AsSpan(end));
            WriteByteArrays(present, buffer, ends.AsSpan(0, values.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>A BYTE_ARRAY column.</summary>
    public void WriteByteArrays(ReadOnlySpan<byte> present, ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        var bytes = 0L;
        foreach (var value in values)
            bytes += value.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)bytes));
        var ends = ArrayPool<int>.Shared.Rent(values.Length);
        try
        {
            var end = 0;
            for (var i = 0; i < values.Length; i++)
            {
                values[i].Span.CopyTo(buffer.AsSpan(end));
                ends[i] = end += values[i].Length;
            }
            WriteByteArrays(present, buffer, ends.AsSpan(0, values.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>
    /// A FIXED_LEN_BYTE_ARRAY column: the non-null values back to back, <see cref="ArrowColumn.FixedLength"/> bytes
    /// each (a DECIMAL as a big-endian two's-complement integer, for instance).
    /// </summary>
    public void WriteFixedLengthByteArrays(ReadOnlySpan<byte> present, ReadOnlySpan<byte> values)
    {
        var length = NextColumn(PhysicalType.FixedLenByteArray).FixedLength;
        if (values.Length % length != 0)
            throw new ArgumentException($"The values are not a whole number of {length}-byte values.", nameof(values));
        var count = values.Length / length;
        var pinned = values.ToArray();
        var handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        var pointers = ArrayPool<FixedLenByteArray>.Shared.Rent(count);
        try
        {
            var start = handle.AddrOfPinnedObject();
            for (var i = 0; i < count; i++)
                pointers[i] = new FixedLenByteArray(start + i * length);
            WriteColumn(present, pointers.AsSpan(0, count));
        }
        finally
        {
            handle.Free();
            ArrayPool<FixedLenByteArray>.Shared.Return(pointers);
        }
    }

    /// <summary>Completes the group if every column was written, else abandons it; never throws for that.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        var unfinished = _nextColumn == _owner.Columns.Count ? null : $"{_nextColumn} of {_owner.Columns.Count} columns written";
        try
        {
            if (unfinished is null)
                _writer.Close();
        }
        finally
        {
            _writer.Dispose();
            _owner.RowGroupClosed(this, unfinished);
        }
    }

    /// <summary>Writes values whose bytes end at <paramref name="ends"/> in <paramref name="buffer"/>.</summary>
    private void WriteByteArrays(ReadOnlySpan<byte> present, byte[] buffer, ReadOnlySpan<int> ends)
    {
        NextColumn(PhysicalType.ByteArray);
        var handle = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        var pointers = ArrayPool<ByteArray>.Shared.Rent(ends.Length);
        try
        {
            var start = handle.AddrOfPinnedObject();
            var previous = 0;
            for (var i = 0; i < ends.Length; i++)
            {
                pointers[i] = new ByteArray(start + previous, ends[i] - previous);
                previous = ends[i];
            }
            WriteColumn(present, pointers.AsSpan(0, ends.Length));
        }
        finally
        {
            handle.Free();
            ArrayPool<ByteArray>.Shared.Return(pointers);
        }
    }

    private void Write<T>(PhysicalType physical, ReadOnlySpan<byte> present, ReadOnlySpan<T> values) where T : unmanaged
    {
        NextColumn(physical);
        WriteColumn(present, values);
    }

    private ArrowColumn NextColumn(PhysicalType physical)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_nextColumn == _owner.Columns.Count)
            throw new InvalidOperationException("Every column of the row group is written already.");
        var column = _owner.Columns[_nextColumn];
        if (column.Physical != physical)
            throw new InvalidOperationException($"Column {column.Name} holds {column.Physical} values, not {physical}.");
        return column;
    }

    /// <summary>Writes the column <see cref="NextColumn"/> checked: definition level 1 for a value, 0 for a null.</summary>
    private void WriteColumn<T>(ReadOnlySpan<byte> present, ReadOnlySpan<T> values) where T : unmanaged
    {
        var column = _owner.Columns[_nextColumn];
        if (RowCount >= 0 && present.Length != RowCount)
            throw new ArgumentException($"Column {column.Name} has {present.Length} rows; the row group has {RowCount}.", nameof(present));
        var levels = ArrayPool<short>.Shared.Rent(Math.Max(1, present.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < present.Length; i++)
                count += levels[i] = present[i] == 0 ? (short)0 : (short)1;
            if (count != values.Length)
                throw new ArgumentException($"Column {column.Name} has {count} present rows but {values.Length} values.", nameof(values));
            RowCount = present.Length;
            using var writer = (ColumnWriter<T>)_writer.NextColumn();
            writer.WriteBatch(present.Length, levels.AsSpan(0, present.Length), [], values);
            writer.Close();
        }
        finally
        {
            ArrayPool<short>.Shared.Return(levels);
        }
        _nextColumn++;
    }
}

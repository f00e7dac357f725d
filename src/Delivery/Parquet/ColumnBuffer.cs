using System.Runtime.CompilerServices;
using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.TableStore.Model;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// One column of buffered rows: a presence flag per row and the non-null values packed densely, which is what the
/// writer hands to Parquet.Net (values plus definition levels) without per-row objects.
/// </summary>
internal abstract class ColumnBuffer
{
    private byte[] _present = [];

    public int RowCount { get; private set; }

    public int ValueCount { get; private set; }

    /// <summary>Bytes of the PLAIN-encoded values plus one bit per row for definition levels.</summary>
    public long EstimatedBytes => ValueBytes + (RowCount + 7) / 8;

    protected abstract long ValueBytes { get; }

    public void Add(Value? value)
    {
        if (RowCount == _present.Length)
            Array.Resize(ref _present, Math.Max(16, _present.Length * 2));
        if (value is { } present)
        {
            AddValue(present, ValueCount);
            ValueCount++;
            _present[RowCount++] = 1;
        }
        else
        {
            _present[RowCount++] = 0;
        }
    }

    /// <summary>Fills the definition levels of the rows from <paramref name="firstRow"/> and counts the non-null ones.</summary>
    public int FillLevels(int firstRow, Span<int> levels)
    {
        var present = _present.AsSpan(firstRow, levels.Length);
        var count = 0;
        for (var i = 0; i < present.Length; i++)
        {
            levels[i] = present[i];
            count += present[i];
        }
        return count;
    }

    public abstract Task WriteAsync(
        ParquetRowGroupWriter rowGroup, DataField field, int firstValue, int valueCount, ReadOnlyMemory<int> levels,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rows from <paramref name="firstRow"/> (<paramref name="valueCount"/> values from
    /// <paramref name="firstValue"/>) as the next column of an Arrow row group, in the column's physical form.
    /// </summary>
    public void WriteArrow(ArrowRowGroup rowGroup, int firstRow, int rows, int firstValue, int valueCount) =>
        WriteArrowValues(rowGroup, _present.AsSpan(firstRow, rows), firstValue, valueCount);

    protected abstract void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount);

    public virtual void Clear()
    {
        RowCount = 0;
        ValueCount = 0;
    }

    protected abstract void AddValue(Value value, int index);
}

internal abstract class ColumnBuffer<T> : ColumnBuffer where T : struct
{
    private T[] _values = [];

    protected abstract T Convert(Value value);

    protected ReadOnlySpan<T> Values(int first, int count) => _values.AsSpan(first, count);

    /// <summary>The values from <paramref name="first"/> converted to another physical form, in a rented array the caller returns.</summary>
    protected TOut[] Rent<TOut>(int first, int count, Func<T, TOut> convert)
    {
        var converted = System.Buffers.ArrayPool<TOut>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
            converted[i] = convert(_values[first + i]);
        return converted;
    }

    protected override void AddValue(Value value, int index)
    {
        if (index == _values.Length)
            Array.Resize(ref _values, Math.Max(16, _values.Length * 2));
        _values[index] = Convert(value);
    }

    public override Task WriteAsync(
        ParquetRowGroupWriter rowGroup, DataField field, int firstValue, int valueCount, ReadOnlyMemory<int> levels,
        CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync<T>(field, _values.AsMemory(firstValue, valueCount), levels, null, cancellationToken);

    public override void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            Array.Clear(_values, 0, ValueCount);
        base.Clear();
    }
}

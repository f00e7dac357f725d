using System.Text;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Parquet;

internal sealed class Int64ColumnBuffer : ColumnBuffer<long>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override long Convert(Value value) => value.AsInteger;
}

/// <summary>Holds stored values (CellConversions.TryConvert): an Integer already within int's range.</summary>
internal sealed class Int32ColumnBuffer : ColumnBuffer<int>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override int Convert(Value value) => (int)value.AsInteger;
}

/// <summary>Holds stored values (CellConversions.TryConvert): a Double already rounded to float.</summary>
internal sealed class FloatColumnBuffer : ColumnBuffer<float>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override float Convert(Value value) => (float)value.AsDouble;
}

/// <summary>Holds stored values (CellConversions.TryConvert): an Integer of days since 1970-01-01 within DateOnly's range.</summary>
internal sealed class DateColumnBuffer : ColumnBuffer<DateOnly>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override DateOnly Convert(Value value) => CellConversions.StoredDate(value);
}

internal sealed class DoubleColumnBuffer : ColumnBuffer<double>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override double Convert(Value value) => value.AsDouble;
}

internal sealed class BoolColumnBuffer : ColumnBuffer<bool>
{
    protected override long ValueBytes => (ValueCount + 7L) / 8;

    protected override bool Convert(Value value) => value.AsBoolean;
}

/// <summary>Keeps the strings themselves (Parquet.Net takes them as character memory), not UTF-8 copies.</summary>
internal sealed class Utf8ColumnBuffer : ColumnBuffer<ReadOnlyMemory<char>>
{
    private long _bytes;

    protected override long ValueBytes => _bytes;

    protected override ReadOnlyMemory<char> Convert(Value value)
    {
        var text = value.AsString;
        _bytes += sizeof(int) + Encoding.UTF8.GetByteCount(text);
        return text.AsMemory();
    }

    public override void Clear()
    {
        _bytes = 0;
        base.Clear();
    }
}

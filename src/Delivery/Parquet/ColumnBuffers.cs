using System.Numerics;
using System.Text;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using Parquet.Data;

namespace DeliveryConsole.Delivery.Parquet;

internal sealed class Int64ColumnBuffer : ColumnBuffer<long>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override long Convert(Value value) => value.AsInteger;
}

/// <summary>Holds stored values (CellConversion.TryConvert): an Integer already within int's range.</summary>
internal sealed class Int32ColumnBuffer : ColumnBuffer<int>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override int Convert(Value value) => (int)value.AsInteger;
}

/// <summary>Holds stored values (CellConversion.TryConvert): a Double already rounded to float.</summary>
internal sealed class FloatColumnBuffer : ColumnBuffer<float>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override float Convert(Value value) => (float)value.AsDouble;
}

/// <summary>Holds stored values (CellConversion.TryConvert): an Integer of days since 1970-01-01 within DateOnly's range.</summary>
internal sealed class DateColumnBuffer : ColumnBuffer<DateOnly>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override DateOnly Convert(Value value) => TimeConversions.StoredDate(value);
}

/// <summary>
/// Holds stored values (CellConversion.TryConvert): an Integer count of 1/<paramref name="unitsPerSecond"/> seconds
/// since the epoch, handed to Parquet.Net as the UTC DateTime it stands for (its TIMESTAMP and INT96 fields take
/// DateTime only).
/// </summary>
internal sealed class InstantColumnBuffer(long unitsPerSecond) : ColumnBuffer<DateTime>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override DateTime Convert(Value value) => TimeConversions.StoredInstant(value, unitsPerSecond);
}

/// <summary>
/// Holds stored values (CellConversion.TryConvert): DECIMAL(p&lt;=18,s)'s unscaled Integer, handed to Parquet.Net as
/// the exact decimal it stands for, which Parquet.Net scales back to the same integer.
/// </summary>
internal sealed class DecimalColumnBuffer(int scale) : ColumnBuffer<decimal>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override decimal Convert(Value value)
    {
        var unscaled = value.AsInteger;
        var magnitude = unscaled < 0 ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
    }
}

/// <summary>Holds stored values (CellConversion.TryConvert): DECIMAL(p&gt;18,s)'s unscaled integer as its two's complement bytes.</summary>
internal sealed class BigDecimalColumnBuffer(DecimalShape shape) : ColumnBuffer<BigDecimal>
{
    protected override long ValueBytes => (long)BigDecimal.GetBufferSize(shape.Precision) * ValueCount;

    protected override BigDecimal Convert(Value value) => new(new BigInteger(value.AsBinary), shape.Precision, shape.Scale);
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

using System.Buffers;
using System.Numerics;
using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using Parquet.Data;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Parquet;

// Each buffer holds stored values (CellConversion.TryConvert) in the CLR form Parquet.Net writes, and hands the
// Arrow writer the column's physical form (the docs/parquet-encodings.md table).

internal sealed class Int64ColumnBuffer : ColumnBuffer<long>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override long Convert(Value value) => value.AsInteger;

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteInt64s(present, Values(firstValue, valueCount));
}

/// <summary>An Integer already within int's range (INT32, TIME_MILLIS).</summary>
internal sealed class Int32ColumnBuffer : ColumnBuffer<int>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override int Convert(Value value) => (int)value.AsInteger;

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteInt32s(present, Values(firstValue, valueCount));
}

/// <summary>A Double already rounded to float.</summary>
internal sealed class FloatColumnBuffer : ColumnBuffer<float>
{
    protected override long ValueBytes => 4L * ValueCount;

    protected override float Convert(Value value) => (float)value.AsDouble;

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteFloats(present, Values(firstValue, valueCount));
}

/// <summary>An Integer of days since 1970-01-01 within DateOnly's range.</summary>
internal sealed class DateColumnBuffer : ColumnBuffer<DateOnly>
{
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    protected override long ValueBytes => 4L * ValueCount;

    protected override DateOnly Convert(Value value) => TimeConversions.StoredDate(value);

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount)
    {
        var days = Rent(firstValue, valueCount, date => date.DayNumber - UnixEpochDayNumber);
        try
        {
            rowGroup.WriteInt32s(present, days.AsSpan(0, valueCount));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(days);
        }
    }
}

/// <summary>
/// An Integer count of 1/<paramref name="unitsPerSecond"/> seconds since the epoch, handed to Parquet.Net as the UTC
/// DateTime it stands for (its TIMESTAMP and INT96 fields take DateTime only); to Arrow as that count again, or for
/// INT96 as nanoseconds of the day and a Julian day.
/// </summary>
internal sealed class InstantColumnBuffer(long unitsPerSecond, bool int96) : ColumnBuffer<DateTime>
{
    private const int UnixEpochJulianDay = 2_440_588;

    protected override long ValueBytes => (int96 ? 12L : 8L) * ValueCount;

    protected override DateTime Convert(Value value) => TimeConversions.StoredInstant(value, unitsPerSecond);

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount)
    {
        if (int96)
        {
            var times = Rent(firstValue, valueCount, ToInt96);
            try
            {
                rowGroup.WriteInt96s(present, times.AsSpan(0, valueCount));
            }
            finally
            {
                ArrayPool<Int96>.Shared.Return(times);
            }
            return;
        }
        var ticksPerUnit = TimeSpan.TicksPerSecond / unitsPerSecond;
        var counts = Rent(firstValue, valueCount, time => (time - DateTime.UnixEpoch).Ticks / ticksPerUnit);
        try
        {
            rowGroup.WriteInt64s(present, counts.AsSpan(0, valueCount));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
        }
    }

    private static Int96 ToInt96(DateTime time)
    {
        var sinceEpoch = time - DateTime.UnixEpoch;
        var day = (long)Math.Floor(sinceEpoch.TotalDays);
        var nanos = (sinceEpoch.Ticks - day * TimeSpan.TicksPerDay) * 100;
        return new Int96((int)nanos, (int)(nanos >> 32), (int)(UnixEpochJulianDay + day));
    }
}

/// <summary>
/// DECIMAL(p&lt;=18,s)'s unscaled Integer, handed to Parquet.Net as the exact decimal it stands for (which it scales
/// back to the same integer), and to Arrow as that integer: INT32 up to 9 digits, INT64 beyond.
/// </summary>
internal sealed class DecimalColumnBuffer(DecimalShape shape) : ColumnBuffer<decimal>
{
    protected override long ValueBytes => (shape.Precision <= 9 ? 4L : 8L) * ValueCount;

    protected override decimal Convert(Value value)
    {
        var unscaled = value.AsInteger;
        var magnitude = unscaled < 0 ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)shape.Scale);
    }

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount)
    {
        var unscaled = Rent(firstValue, valueCount, Unscaled);
        try
        {
            if (shape.Precision <= 9)
            {
                var narrow = ArrayPool<int>.Shared.Rent(valueCount);
                for (var i = 0; i < valueCount; i++)
                    narrow[i] = (int)unscaled[i];
                rowGroup.WriteInt32s(present, narrow.AsSpan(0, valueCount));
                ArrayPool<int>.Shared.Return(narrow);
            }
            else
            {
                rowGroup.WriteInt64s(present, unscaled.AsSpan(0, valueCount));
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(unscaled);
        }
    }

    // The decimal was built from the unscaled integer with the column's scale, so its 96-bit mantissa is that integer.
    private static long Unscaled(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return value < 0 ? -magnitude : magnitude;
    }
}

/// <summary>
/// DECIMAL(p&gt;18,s)'s unscaled integer (stored as its two's complement bytes), handed to Parquet.Net as a
/// BigDecimal and to Arrow as the big-endian FIXED_LEN_BYTE_ARRAY Parquet.Net writes for it.
/// </summary>
internal sealed class BigDecimalColumnBuffer(DecimalShape shape) : ColumnBuffer<BigDecimal>
{
    private readonly int _width = BigDecimal.GetBufferSize(shape.Precision);

    protected override long ValueBytes => (long)_width * ValueCount;

    protected override BigDecimal Convert(Value value) => new(new BigInteger(value.AsBinary), shape.Precision, shape.Scale);

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(_width * valueCount);
        try
        {
            var values = Values(firstValue, valueCount);
            for (var i = 0; i < valueCount; i++)
            {
                var slot = bytes.AsSpan(i * _width, _width);
                var unscaled = values[i].UnscaledValue;
                slot.Fill(unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
                var length = unscaled.GetByteCount();
                unscaled.TryWriteBytes(slot[(_width - length)..], out _, isUnsigned: false, isBigEndian: true);
            }
            rowGroup.WriteFixedLengthByteArrays(present, bytes.AsSpan(0, _width * valueCount));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}

internal sealed class DoubleColumnBuffer : ColumnBuffer<double>
{
    protected override long ValueBytes => 8L * ValueCount;

    protected override double Convert(Value value) => value.AsDouble;

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteDoubles(present, Values(firstValue, valueCount));
}

internal sealed class BoolColumnBuffer : ColumnBuffer<bool>
{
    protected override long ValueBytes => (ValueCount + 7L) / 8;

    protected override bool Convert(Value value) => value.AsBoolean;

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteBooleans(present, Values(firstValue, valueCount));
}

/// <summary>Keeps the strings themselves (Parquet.Net takes them as character memory), not UTF-8 copies.</summary>
internal sealed class Utf8ColumnBuffer : ColumnBuffer<ReadOnlyMemory<char>>
{
    private long _bytes;

    protected override long ValueBytes => _bytes;

    protected override ReadOnlyMemory<char> Convert(Value value)
    {
        var text = value.AsString;
        _bytes += sizeof(int) + System.Text.Encoding.UTF8.GetByteCount(text);
        return text.AsMemory();
    }

    protected override void WriteArrowValues(ArrowRowGroup rowGroup, ReadOnlySpan<byte> present, int firstValue, int valueCount) =>
        rowGroup.WriteStrings(present, Values(firstValue, valueCount));

    public override void Clear()
    {
        _bytes = 0;
        base.Clear();
    }
}

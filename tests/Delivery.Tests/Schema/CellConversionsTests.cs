using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

/// <summary>INT32 and FLOAT look at the value, not only its type: the edges of each range, and what is dirty.</summary>
public class CellConversionsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-42L)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void An_integer_in_range_is_an_int32_as_it_is(long integer)
    {
        Assert.True(CellConversions.TryInt32(Value.Integer(integer), out var converted));
        Assert.Equal(integer, converted);
        Assert.True(CellConversions.Converts(ParquetType.Int32, Value.Integer(integer)));
    }

    [Theory]
    [InlineData(2147483648L)] // 2^31
    [InlineData(-2147483649L)] // -2^31 - 1
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void An_integer_outside_32_bits_is_dirty_for_int32(long integer)
    {
        Assert.False(CellConversions.TryInt32(Value.Integer(integer), out _));
        Assert.False(CellConversions.Converts(ParquetType.Int32, Value.Integer(integer)));
    }

    [Fact]
    public void Int32_takes_no_other_cell_type_even_one_that_reads_as_a_number()
    {
        foreach (var value in new[] { Value.String("1"), Value.Double(1.0), Value.Boolean(true), Value.Binary([1]) })
            Assert.False(CellConversions.TryInt32(value, out _), value.TypeName);
    }

    [Theory]
    [InlineData(1.5, 1.5f)]
    [InlineData(0.1, 0.1f)] // rounded to the nearest float
    [InlineData(3.4028234663852886e38, float.MaxValue)]
    [InlineData(-3.4028234663852886e38, float.MinValue)]
    [InlineData(1e-45, float.Epsilon)] // the smallest subnormal
    [InlineData(1e-39, 1e-39f)] // a subnormal float
    [InlineData(1e-50, 0f)] // below half the smallest subnormal: rounds to zero, as IEEE says
    [InlineData(double.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, float.NegativeInfinity)]
    public void A_double_is_a_float_rounded_to_nearest(double source, float expected)
    {
        Assert.True(CellConversions.TryFloat(Value.Double(source), out var converted));
        Assert.Equal(expected, converted);
        Assert.True(CellConversions.Converts(ParquetType.Float, Value.Double(source)));
    }

    [Fact]
    public void Nan_and_negative_zero_stay_what_they_are()
    {
        Assert.True(CellConversions.TryFloat(Value.Double(double.NaN), out var nan));
        Assert.True(float.IsNaN(nan));
        Assert.True(CellConversions.TryFloat(Value.Double(-0.0), out var zero));
        Assert.Equal(0f, zero);
        Assert.True(float.IsNegative(zero));
    }

    [Theory]
    [InlineData(1e39)]
    [InlineData(-1e39)]
    [InlineData(double.MaxValue)]
    [InlineData(3.4028235677973366e38)] // float.MaxValue + half an ulp: rounds to infinity
    public void A_finite_double_beyond_floats_range_is_dirty(double source)
    {
        Assert.False(CellConversions.TryFloat(Value.Double(source), out _));
        Assert.False(CellConversions.Converts(ParquetType.Float, Value.Double(source)));
    }

    [Fact]
    public void Float_takes_no_other_cell_type()
    {
        foreach (var value in new[] { Value.Integer(1), Value.String("1.5"), Value.Boolean(false), Value.Binary([1]) })
            Assert.False(CellConversions.TryFloat(value, out _), value.TypeName);
    }

    [Fact]
    public void The_mapper_decides_by_value_so_one_column_keeps_an_int32_and_reports_the_next()
    {
        var mapper = new SchemaMapper([new SchemaColumn("n", "n", ParquetType.Int32), new SchemaColumn("f", "f", ParquetType.Float)]);

        var good = mapper.Map([("n", Value.Integer(int.MaxValue)), ("f", Value.Double(1e38))]);
        var dirty = mapper.Map([("n", Value.Integer(1L << 31)), ("f", Value.Double(1e39))]);

        Assert.Equal([Value.Integer(int.MaxValue), Value.Double(1e38)], good.Values);
        Assert.Empty(good.DirtyCells);
        Assert.Equal([null, null], dirty.Values);
        Assert.Equal(
            [new DirtyCell("n", "n", ParquetType.Int32, "INTEGER", "2147483648", false), new DirtyCell("f", "f", ParquetType.Float, "DOUBLE", "1E+39", false)],
            dirty.DirtyCells);
        Assert.True(mapper.Delivers("n", Value.Integer(-1)));
        Assert.False(mapper.Delivers("n", Value.Integer(-1L << 40)));
    }
}

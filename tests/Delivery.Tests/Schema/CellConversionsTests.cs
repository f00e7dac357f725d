using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

/// <summary>
/// INT32, FLOAT and DATE look at the value, not only its type: the edges of each range, what is dirty, and the stored
/// form each type keeps in the mapped row.
/// </summary>
public class CellConversionsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-42L)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void An_integer_in_range_is_an_int32_as_it_is(long integer)
    {
        Assert.True(Convert(ParquetType.Int32, Value.Integer(integer), out var stored));
        Assert.Equal(Value.Integer(integer), stored);
    }

    [Theory]
    [InlineData(2147483648L)] // 2^31
    [InlineData(-2147483649L)] // -2^31 - 1
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void An_integer_outside_32_bits_is_dirty_for_int32(long integer)
    {
        Assert.False(Convert(ParquetType.Int32, Value.Integer(integer), out _));
    }

    [Fact]
    public void Int32_takes_no_other_cell_type_even_one_that_reads_as_a_number()
    {
        foreach (var value in new[] { Value.String("1"), Value.Double(1.0), Value.Boolean(true), Value.Binary([1]) })
            Assert.False(Convert(ParquetType.Int32, value, out _), value.TypeName);
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
        Assert.True(Convert(ParquetType.Float, Value.Double(source), out var stored));
        Assert.Equal(Value.Double(expected), stored);
    }

    [Fact]
    public void Nan_and_negative_zero_stay_what_they_are()
    {
        Assert.True(Convert(ParquetType.Float, Value.Double(double.NaN), out var nan));
        Assert.True(double.IsNaN(nan.AsDouble));
        Assert.True(Convert(ParquetType.Float, Value.Double(-0.0), out var zero));
        Assert.Equal(0.0, zero.AsDouble);
        Assert.True(double.IsNegative(zero.AsDouble));
    }

    [Theory]
    [InlineData(1e39)]
    [InlineData(-1e39)]
    [InlineData(double.MaxValue)]
    [InlineData(3.4028235677973366e38)] // float.MaxValue + half an ulp: rounds to infinity
    public void A_finite_double_beyond_floats_range_is_dirty(double source)
    {
        Assert.False(Convert(ParquetType.Float, Value.Double(source), out _));
    }

    [Fact]
    public void Float_takes_no_other_cell_type()
    {
        foreach (var value in new[] { Value.Integer(1), Value.String("1.5"), Value.Boolean(false), Value.Binary([1]) })
            Assert.False(Convert(ParquetType.Float, value, out _), value.TypeName);
    }

    [Fact]
    public void The_mapper_decides_by_value_so_one_column_keeps_an_int32_and_reports_the_next()
    {
        var mapper = new SchemaMapper([new SchemaColumn("n", "n", ParquetType.Int32), new SchemaColumn("f", "f", ParquetType.Float)]);

        var good = mapper.Map([("n", Value.Integer(int.MaxValue)), ("f", Value.Double(1e38))]);
        var dirty = mapper.Map([("n", Value.Integer(1L << 31)), ("f", Value.Double(1e39))]);

        Assert.Equal([Value.Integer(int.MaxValue), Value.Double((float)1e38)], good.Values); // FLOAT's stored form is rounded
        Assert.Empty(good.DirtyCells);
        Assert.Equal([null, null], dirty.Values);
        Assert.Equal(
            [new DirtyCell("n", "n", ParquetType.Int32, "INTEGER", "2147483648", false), new DirtyCell("f", "f", ParquetType.Float, "DOUBLE", "1E+39", false)],
            dirty.DirtyCells);
        Assert.True(mapper.Delivers("n", Value.Integer(-1)));
        Assert.False(mapper.Delivers("n", Value.Integer(-1L << 40)));
    }

    [Theory]
    [InlineData("1970-01-01", 0L)]
    [InlineData("2024-02-29", 19_782L)]
    [InlineData("0001-01-01", -719_162L)]
    [InlineData("9999-12-31", 2_932_896L)]
    [InlineData("1969-12-31", -1L)]
    public void An_iso_date_string_is_a_date_stored_as_days_since_1970(string text, long days)
    {
        Assert.True(Convert(ParquetType.Date, Value.String(text), out var stored));
        Assert.Equal(Value.Integer(days), stored);
        Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TimeConversions.StoredDate(stored));
    }

    [Theory]
    [InlineData("2023-02-29")] // no such day
    [InlineData("2024-13-01")]
    [InlineData("2024-1-5")] // missing zeros
    [InlineData("2024-01-05T00:00:00Z")] // a time and a zone
    [InlineData("2024-01-05 ")]
    [InlineData(" 2024-01-05")]
    [InlineData("20240105")]
    [InlineData("05/01/2024")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("10000-01-01")]
    public void Any_other_text_is_dirty_for_date(string text) =>
        Assert.False(Convert(ParquetType.Date, Value.String(text), out _), text);

    [Theory]
    [InlineData(0L)]
    [InlineData(-719_162L)] // 0001-01-01
    [InlineData(2_932_896L)] // 9999-12-31
    public void An_integer_in_dateonlys_range_is_a_date_of_that_many_days_since_1970(long days)
    {
        Assert.True(Convert(ParquetType.Date, Value.Integer(days), out var stored));
        Assert.Equal(Value.Integer(days), stored);
    }

    [Theory]
    [InlineData(-719_163L)]
    [InlineData(2_932_897L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void An_integer_beyond_dateonlys_range_is_dirty_for_date(long days) =>
        Assert.False(Convert(ParquetType.Date, Value.Integer(days), out _));

    [Fact]
    public void Date_takes_no_other_cell_type()
    {
        foreach (var value in new[] { Value.Double(0), Value.Boolean(true), Value.Binary([1]) })
            Assert.False(Convert(ParquetType.Date, value, out _), value.TypeName);
    }

    [Fact]
    public void The_types_that_take_a_cell_as_it_is_store_it_as_it_is_and_refuse_every_other_kind()
    {
        var cells = new[] { Value.Boolean(true), Value.Integer(-5), Value.String("s"), Value.Double(0.1), Value.Binary([1]) };
        (ParquetType Type, Value Taken)[] plain =
            [(ParquetType.Bool, cells[0]), (ParquetType.Int64, cells[1]), (ParquetType.Utf8, cells[2]), (ParquetType.Double, cells[3])];
        foreach (var (type, taken) in plain)
        {
            foreach (var cell in cells)
            {
                var converts = Convert(type, cell, out var stored);
                Assert.Equal(cell == taken, converts);
                Assert.Equal(converts ? cell : default, stored);
            }
        }
    }

    [Fact]
    public void Every_stored_value_has_its_columns_stored_kind()
    {
        (ParquetType Type, Value Source, ValueKind Kind)[] cases =
        [
            (ParquetType.Bool, Value.Boolean(false), ValueKind.Boolean), (ParquetType.Int64, Value.Integer(1), ValueKind.Integer),
            (ParquetType.Utf8, Value.String(""), ValueKind.String), (ParquetType.Double, Value.Double(1), ValueKind.Double),
            (ParquetType.Int32, Value.Integer(1), ValueKind.Integer), (ParquetType.Float, Value.Double(1), ValueKind.Double),
            (ParquetType.Date, Value.String("2024-01-05"), ValueKind.Integer), (ParquetType.Date, Value.Integer(3), ValueKind.Integer),
            (ParquetType.TimeMillis, Value.String("12:00:00"), ValueKind.Integer), (ParquetType.TimeMicros, Value.Integer(5), ValueKind.Integer),
            (ParquetType.TimestampMillis, Value.Integer(5), ValueKind.Integer),
            (ParquetType.TimestampMicros, Value.String("2024-01-05T00:00:00Z"), ValueKind.Integer),
            (ParquetType.Int96, Value.Integer(5), ValueKind.Integer), (ParquetType.Decimal, Value.String("1.5"), ValueKind.Binary),
        ];
        Assert.Equal(ParquetTypes.All.Order(), cases.Select(c => c.Type).Distinct().Order());
        foreach (var (type, source, kind) in cases)
        {
            Assert.True(Convert(type, source, out var stored));
            Assert.Equal(kind, stored.Kind);
            Assert.Equal(kind, For(type).StoredKind);
        }
    }

    [Fact]
    public void The_mapper_keeps_a_dates_stored_form_and_reports_its_source_text_when_dirty()
    {
        var mapper = new SchemaMapper([new SchemaColumn("d", "d", ParquetType.Date)]);

        var good = mapper.Map([("d", Value.String("2024-02-29"))]);
        var dirty = mapper.Map([("d", Value.String("2024-1-5"))]);

        Assert.Equal([Value.Integer(19_782)], good.Values);
        Assert.Equal([null], dirty.Values);
        Assert.Equal([new DirtyCell("d", "d", ParquetType.Date, "STRING", "2024-1-5", false)], dirty.DirtyCells);
    }

    internal static CellConversion For(ParquetType type, string? typeExtend = null) =>
        CellConversion.For(new SchemaColumn("c", "c", type, TypeExtend: typeExtend));

    internal static bool Convert(ParquetType type, Value source, out Value stored) => For(type).TryConvert(source, out stored);
}

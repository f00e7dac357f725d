using System.Numerics;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

/// <summary>DECIMAL: its typeExtend forms, rounding half away from zero, the precision limit, and the stored forms.</summary>
public class DecimalConversionTests
{
    [Theory]
    [InlineData(null, 38, 18)]
    [InlineData("", 38, 18)]
    [InlineData("decimal(10,2)", 10, 2)]
    [InlineData("DECIMAL( 10 , 2 )", 10, 2)]
    [InlineData("(10,2)", 10, 2)]
    [InlineData("10,2", 10, 2)]
    [InlineData("10", 10, 0)]
    [InlineData("decimal(38)", 38, 0)]
    [InlineData("{\"precision\":10,\"scale\":2}", 10, 2)]
    [InlineData("{\"precision\":5}", 5, 0)]
    [InlineData("1,1", 1, 1)]
    public void Type_extend_gives_precision_and_scale(string? text, int precision, int scale)
    {
        Assert.True(DecimalShape.TryParse(text, out var shape));
        Assert.Equal(new DecimalShape(precision, scale), shape);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("39")]
    [InlineData("10,11")]
    [InlineData("10,-1")]
    [InlineData("decimal")]
    [InlineData("10,2,1")]
    [InlineData("ten")]
    [InlineData("{\"scale\":2}")]
    [InlineData("{\"precision\":\"10\"}")]
    [InlineData("{broken")]
    public void A_type_extend_that_does_not_give_a_shape_is_refused(string text) =>
        Assert.False(DecimalShape.TryParse(text, out _));

    [Theory]
    [InlineData("10,2", "12.345", "12.35")] // half away from zero
    [InlineData("10,2", "-12.345", "-12.35")]
    [InlineData("10,2", "12.344", "12.34")]
    [InlineData("10,2", "1e3", "1000.00")]
    [InlineData("10,2", "+1.5E-1", "0.15")]
    [InlineData("10,2", "0.004", "0.00")]
    [InlineData("10,2", "-0.004", "0.00")]
    [InlineData("10,2", ".5", "0.50")]
    [InlineData("10,2", "5.", "5.00")]
    [InlineData("10,2", "99999999.994", "99999999.99")]
    [InlineData("10,0", "2.5", "3")]
    [InlineData("38,18", "12345678901234567890.123456789012345678", "12345678901234567890.123456789012345678")]
    [InlineData("38,0", "99999999999999999999999999999999999999", "99999999999999999999999999999999999999")]
    [InlineData("5,2", "1e-100000", "0.00")]
    public void Decimal_text_is_rounded_to_the_scale(string typeExtend, string text, string expected) =>
        Assert.Equal(expected, Stored(typeExtend, Value.String(text)));

    [Theory]
    [InlineData("10,2", "99999999.995")] // rounds to 11 digits
    [InlineData("10,2", "123456789")]
    [InlineData("38,0", "100000000000000000000000000000000000000")]
    [InlineData("5,2", "1e100000")]
    [InlineData("10,2", "1,000.00")]
    [InlineData("10,2", " 1.00")]
    [InlineData("10,2", "1.0.0")]
    [InlineData("10,2", "NaN")]
    [InlineData("10,2", "")]
    [InlineData("10,2", "-")]
    [InlineData("10,2", "1e")]
    [InlineData("10,2", "0x10")]
    public void Text_that_is_no_decimal_or_has_too_many_digits_is_dirty(string typeExtend, string text) =>
        Assert.False(Conversion(typeExtend).TryConvert(Value.String(text), out _));

    [Fact]
    public void Integers_and_doubles_convert_by_their_value()
    {
        Assert.Equal("42.00", Stored("10,2", Value.Integer(42)));
        Assert.Equal("-9223372036854775808", Stored("19,0", Value.Integer(long.MinValue)));
        Assert.False(Conversion("10,2").TryConvert(Value.Integer(100_000_000), out _));
        Assert.Equal("2.68", Stored("10,2", Value.Double(2.675))); // the double's shortest text, not its binary 2.67499...
        Assert.Equal("0.10", Stored("10,2", Value.Double(0.1)));
        Assert.Equal("12300000000000000000.000000000000000000", Stored("38,18", Value.Double(1.23e19)));
        Assert.False(Conversion("38,18").TryConvert(Value.Double(1.23e20), out _)); // 21 + 18 digits
        Assert.False(Conversion("10,2").TryConvert(Value.Double(double.NaN), out _));
        Assert.False(Conversion("10,2").TryConvert(Value.Double(double.PositiveInfinity), out _));
        Assert.False(Conversion("10,2").TryConvert(Value.Boolean(true), out _));
        Assert.False(Conversion("10,2").TryConvert(Value.Binary([1]), out _));
    }

    [Fact]
    public void Up_to_18_digits_is_stored_as_the_unscaled_integer_beyond_as_its_bytes()
    {
        Assert.True(Conversion("18,2").TryConvert(Value.String("-1.25"), out var small));
        Assert.Equal(Value.Integer(-125), small);
        Assert.True(Conversion("19,2").TryConvert(Value.String("-1.25"), out var big));
        Assert.Equal(new BigInteger(-125), new BigInteger(big.AsBinary));
        Assert.Equal(ValueKind.Integer, Conversion("18,2").StoredKind);
        Assert.Equal(ValueKind.Binary, Conversion("19,2").StoredKind);
    }

    private static DecimalConversion Conversion(string typeExtend) =>
        Assert.IsType<DecimalConversion>(CellConversionsTests.For(ParquetType.Decimal, typeExtend));

    private static string Stored(string typeExtend, Value source)
    {
        var conversion = Conversion(typeExtend);
        Assert.True(conversion.TryConvert(source, out var stored), source.ToString());
        return conversion.StoredText(stored);
    }
}

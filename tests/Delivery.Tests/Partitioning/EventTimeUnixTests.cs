using System.Globalization;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

public class EventTimeUnixTests
{
    [Theory]
    [InlineData(1598860980L, "2020-08-31T08:03:00")]
    [InlineData(0L, "1970-01-01T00:00:00")]
    [InlineData(-1L, "1969-12-31T23:59:59")]
    [InlineData(99_999_999_999L, "5138-11-16T09:46:39")]
    [InlineData(100_000_000_000L, "1973-03-03T09:46:40")]
    [InlineData(-100_000_000_000L, "1966-10-31T14:13:20")]
    [InlineData(1598860980123L, "2020-08-31T08:03:00.123")]
    [InlineData(-62135596800L, "0001-01-01T00:00:00")]
    [InlineData(-62135596800000L, "0001-01-01T00:00:00")]
    [InlineData(253402300799999L, "9999-12-31T23:59:59.999")]
    public void Integer_cells_are_epoch_seconds_or_from_1e11_milliseconds(long epoch, string expected) =>
        Assert.Equal(expected, Parsed(Value.Integer(epoch)));

    [Theory]
    [InlineData("1598860980", "2020-08-31T08:03:00")]
    [InlineData("-1", "1969-12-31T23:59:59")]
    [InlineData("0001598860980", "2020-08-31T08:03:00")]
    [InlineData("1598860980123", "2020-08-31T08:03:00.123")]
    [InlineData("-100000000000", "1966-10-31T14:13:20")]
    public void Digit_strings_read_like_integers(string text, string expected) =>
        Assert.Equal(expected, Parsed(Value.String(text)));

    [Theory]
    [InlineData(-62135596801L)]
    [InlineData(-99_999_999_999L)]
    [InlineData(253402300800000L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Integers_outside_years_1_to_9999_are_dirty(long epoch) =>
        Assert.False(EventTimeParser.TryParse(EventTimeFormat.Unix, Value.Integer(epoch), out _));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("--1")]
    [InlineData("+1598860980")]
    [InlineData(" 1598860980")]
    [InlineData("1598860980 ")]
    [InlineData("1598860980.5")]
    [InlineData("1.5e9")]
    [InlineData("12a")]
    [InlineData("0x5F4CAE74")]
    [InlineData("١٥٩٨٨٦٠٩٨٠")]
    [InlineData("99999999999999999999")]
    [InlineData("2020-08-31T08:03:00Z")]
    public void Other_strings_are_dirty(string text) =>
        Assert.False(EventTimeParser.TryParse(EventTimeFormat.Unix, Value.String(text), out _));

    [Fact]
    public void Other_cell_types_are_dirty()
    {
        Value[] cells = [Value.Double(1598860980), Value.Boolean(true), Value.Binary([1, 2]), Value.InfMax, default];

        Assert.All(cells, cell => Assert.False(EventTimeParser.TryParse(EventTimeFormat.Unix, cell, out _)));
    }

    [Fact]
    public void An_unknown_format_parses_nothing() =>
        Assert.False(EventTimeParser.TryParse((EventTimeFormat)0, Value.String("2020-08-31T08:03:00Z"), out _));

    private static string Parsed(Value cell)
    {
        Assert.True(EventTimeParser.TryParse(EventTimeFormat.Unix, cell, out var time));
        Assert.Equal(TimeSpan.Zero, time.Offset);
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF", CultureInfo.InvariantCulture);
    }
}

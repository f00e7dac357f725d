using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

/// <summary>TIME_* and TIMESTAMP_*/INT96: the text and integers each takes, their edges, and what is dirty.</summary>
public class TimeConversionsTests
{
    [Theory]
    [InlineData("00:00:00", 0L)]
    [InlineData("12:34:56", 45_296_000L)]
    [InlineData("12:34:56.7", 45_296_700L)]
    [InlineData("12:34:56.789", 45_296_789L)]
    [InlineData("12:34:56.789000", 45_296_789L)] // extra digits that are zeros lose nothing
    [InlineData("23:59:59.999", 86_399_999L)]
    public void Time_millis_reads_a_time_of_day(string text, long millis) => AssertStored(ParquetType.TimeMillis, Value.String(text), millis);

    [Theory]
    [InlineData("12:34:56.123456", 45_296_123_456L)]
    [InlineData("12:34:56.1234560", 45_296_123_456L)]
    [InlineData("23:59:59.999999", 86_399_999_999L)]
    public void Time_micros_reads_a_time_of_day(string text, long micros) => AssertStored(ParquetType.TimeMicros, Value.String(text), micros);

    [Theory]
    [InlineData(ParquetType.TimeMillis, "12:34:56.7891")] // a digit the unit cannot hold
    [InlineData(ParquetType.TimeMicros, "12:34:56.1234567")]
    [InlineData(ParquetType.TimeMillis, "24:00:00")]
    [InlineData(ParquetType.TimeMillis, "12:60:00")]
    [InlineData(ParquetType.TimeMillis, "12:00:60")]
    [InlineData(ParquetType.TimeMillis, "1:00:00")]
    [InlineData(ParquetType.TimeMillis, "12:00")]
    [InlineData(ParquetType.TimeMillis, "12:00:00.")]
    [InlineData(ParquetType.TimeMillis, "12:00:00Z")]
    [InlineData(ParquetType.TimeMillis, " 12:00:00")]
    public void A_time_that_does_not_read_exactly_is_dirty(ParquetType type, string text) =>
        Assert.False(CellConversionsTests.Convert(type, Value.String(text), out _));

    [Theory]
    [InlineData(ParquetType.TimeMillis, 0L, true)]
    [InlineData(ParquetType.TimeMillis, 86_399_999L, true)]
    [InlineData(ParquetType.TimeMillis, 86_400_000L, false)]
    [InlineData(ParquetType.TimeMillis, -1L, false)]
    [InlineData(ParquetType.TimeMicros, 86_399_999_999L, true)]
    [InlineData(ParquetType.TimeMicros, 86_400_000_000L, false)]
    public void An_integer_time_is_an_offset_since_midnight(ParquetType type, long units, bool converts) =>
        Assert.Equal(converts, CellConversionsTests.Convert(type, Value.Integer(units), out _));

    [Theory]
    [InlineData(ParquetType.TimestampMillis, "1970-01-01T00:00:00Z", 0L)]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T12:00:00.5Z", 1_709_294_400_500L)]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T20:00:00.5+08:00", 1_709_294_400_500L)]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01t07:00:00.500-05:00", 1_709_294_400_500L)]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01 12:00:00.500000z", 1_709_294_400_500L)]
    [InlineData(ParquetType.TimestampMicros, "2024-03-01T12:00:00.123456Z", 1_709_294_400_123_456L)]
    [InlineData(ParquetType.TimestampMicros, "1969-12-31T23:59:59.999999Z", -1L)]
    [InlineData(ParquetType.Int96, "2024-03-01T12:00:00.123456Z", 1_709_294_400_123_456L)]
    [InlineData(ParquetType.TimestampMicros, "0001-01-01T00:00:00Z", -62_135_596_800_000_000L)]
    [InlineData(ParquetType.TimestampMicros, "9999-12-31T23:59:59.999999Z", 253_402_300_799_999_999L)]
    public void A_timestamp_reads_RFC_3339_with_its_offset(ParquetType type, string text, long units) =>
        AssertStored(type, Value.String(text), units);

    [Theory]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T12:00:00")] // no offset: which instant is unknown
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T12:00:00.0001Z")]
    [InlineData(ParquetType.TimestampMillis, "2024-02-30T12:00:00Z")]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T12:00:00+8:00")]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01T12:00:00+24:00")]
    [InlineData(ParquetType.TimestampMillis, "2024-03-01")]
    [InlineData(ParquetType.TimestampMicros, "0001-01-01T00:00:00+00:01")] // before year 1 in UTC
    [InlineData(ParquetType.TimestampMicros, "9999-12-31T23:59:59-00:01")] // after 9999 in UTC
    [InlineData(ParquetType.Int96, "Fri, 01 Mar 2024 12:00:00 GMT")]
    public void A_timestamp_that_does_not_read_exactly_is_dirty(ParquetType type, string text) =>
        Assert.False(CellConversionsTests.Convert(type, Value.String(text), out _));

    [Fact]
    public void An_integer_timestamp_counts_the_types_unit_since_the_epoch_and_INT96_reads_milliseconds()
    {
        AssertStored(ParquetType.TimestampMillis, Value.Integer(1_709_294_400_500), 1_709_294_400_500);
        AssertStored(ParquetType.TimestampMicros, Value.Integer(1_709_294_400_500_123), 1_709_294_400_500_123);
        AssertStored(ParquetType.Int96, Value.Integer(1_709_294_400_500), 1_709_294_400_500_000);
        Assert.False(CellConversionsTests.Convert(ParquetType.TimestampMillis, Value.Integer(253_402_300_800_000), out _));
        Assert.False(CellConversionsTests.Convert(ParquetType.TimestampMillis, Value.Integer(-62_135_596_800_001), out _));
        Assert.False(CellConversionsTests.Convert(ParquetType.Int96, Value.Integer(long.MaxValue), out _));
    }

    [Fact]
    public void Time_types_take_no_double_boolean_or_binary()
    {
        foreach (var type in new[] { ParquetType.TimeMillis, ParquetType.TimeMicros, ParquetType.TimestampMillis, ParquetType.TimestampMicros, ParquetType.Int96 })
            foreach (var value in new[] { Value.Double(1), Value.Boolean(true), Value.Binary([1]) })
                Assert.False(CellConversionsTests.Convert(type, value, out _), $"{type} {value.TypeName}");
    }

    [Fact]
    public void A_stored_instant_is_the_utc_time_it_counts()
    {
        Assert.Equal(new DateTime(2024, 3, 1, 12, 0, 0, 500, DateTimeKind.Utc), TimeConversions.StoredInstant(Value.Integer(1_709_294_400_500), 1_000));
        Assert.Equal(DateTimeKind.Utc, TimeConversions.StoredInstant(Value.Integer(0), 1_000_000).Kind);
        Assert.Equal(new TimeOnly(12, 34, 56, 789), TimeConversions.StoredTimeOfDay(Value.Integer(45_296_789), 1_000));
    }

    private static void AssertStored(ParquetType type, Value source, long expected)
    {
        Assert.True(CellConversionsTests.Convert(type, source, out var stored), $"{type} {source}");
        Assert.Equal(Value.Integer(expected), stored);
    }
}

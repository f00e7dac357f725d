using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Tests.Schema;

public class WireNameTests
{
    [Theory]
    [InlineData(ParquetType.Bool, "BOOL", 0)]
    [InlineData(ParquetType.Int64, "INT64", 1)]
    [InlineData(ParquetType.Utf8, "UTF8", 2)]
    [InlineData(ParquetType.Double, "DOUBLE", 3)]
    [InlineData(ParquetType.Date, "DATE", 4)]
    [InlineData(ParquetType.Decimal, "DECIMAL", 5)]
    [InlineData(ParquetType.TimeMillis, "TIME_MILLIS", 6)]
    [InlineData(ParquetType.TimeMicros, "TIME_MICROS", 7)]
    [InlineData(ParquetType.TimestampMillis, "TIMESTAMP_MILLIS", 8)]
    [InlineData(ParquetType.TimestampMicros, "TIMESTAMP_MICROS", 9)]
    [InlineData(ParquetType.Float, "FLOAT", 13)]
    [InlineData(ParquetType.Int32, "INT32", 14)]
    [InlineData(ParquetType.Int96, "INT96", 15)]
    public void Types_have_the_services_wire_names_and_values(ParquetType type, string name, int wireValue)
    {
        Assert.Equal(name, type.WireName());
        Assert.True(ParquetTypes.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(wireValue, (int)type);
    }

    [Theory]
    [InlineData(ColumnEncoding.Plain, "PLAIN", 0)]
    [InlineData(ColumnEncoding.PlainDictionary, "PLAIN_DICTIONARY", 1)]
    [InlineData(ColumnEncoding.DeltaBinaryPacked, "DELTA_BINARY_PACKED", 2)]
    [InlineData(ColumnEncoding.DeltaByteArray, "DELTA_BYTE_ARRAY", 3)]
    [InlineData(ColumnEncoding.DeltaLengthByteArray, "DELTA_LENGTH_BYTE_ARRAY", 4)]
    public void Encodings_have_the_services_wire_names_and_values(ColumnEncoding encoding, string name, int wireValue)
    {
        Assert.Equal(name, encoding.WireName());
        Assert.True(ColumnEncodings.TryParse(name, out var parsed));
        Assert.Equal(encoding, parsed);
        Assert.Equal(wireValue, (int)encoding);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("LIST")]
    [InlineData("Decimal")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_type_names_do_not_parse(string? name)
    {
        Assert.False(ParquetTypes.TryParse(name, out _));
        Assert.False(ColumnEncodings.TryParse(name, out _));
    }
}

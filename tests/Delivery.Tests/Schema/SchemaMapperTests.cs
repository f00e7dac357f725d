using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

public class SchemaMapperTests
{
    /// <summary>The pairs that deliver a value, and the value's stored form.</summary>
    private static readonly Dictionary<(ValueKind, ParquetType), Value> Allowed = new()
    {
        [(ValueKind.String, ParquetType.Utf8)] = Value.String("text"),
        [(ValueKind.Integer, ParquetType.Int64)] = Value.Integer(-42),
        [(ValueKind.Double, ParquetType.Double)] = Value.Double(1.5),
        [(ValueKind.Boolean, ParquetType.Bool)] = Value.Boolean(true),
        [(ValueKind.Integer, ParquetType.Int32)] = Value.Integer(-42),
        [(ValueKind.Double, ParquetType.Float)] = Value.Double(1.5),
        [(ValueKind.Integer, ParquetType.Date)] = Value.Integer(-42), // days since 1970-01-01 (the sample text is no ISO date)
        [(ValueKind.Integer, ParquetType.TimestampMillis)] = Value.Integer(-42), // units since the epoch; a time of day is never negative
        [(ValueKind.Integer, ParquetType.TimestampMicros)] = Value.Integer(-42),
        [(ValueKind.Integer, ParquetType.Int96)] = Value.Integer(-42_000), // milliseconds, kept as microseconds
        [(ValueKind.Integer, ParquetType.Decimal)] = Value.Binary(new System.Numerics.BigInteger(-42_000_000_000_000_000_000m).ToByteArray()),
        [(ValueKind.Double, ParquetType.Decimal)] = Value.Binary(new System.Numerics.BigInteger(1_500_000_000_000_000_000m).ToByteArray()),
    };

    private static readonly Dictionary<ValueKind, (Value Value, string Text)> Samples = new()
    {
        [ValueKind.String] = (Value.String("text"), "text"),
        [ValueKind.Integer] = (Value.Integer(-42), "-42"),
        [ValueKind.Double] = (Value.Double(1.5), "1.5"),
        [ValueKind.Boolean] = (Value.Boolean(true), "true"),
        [ValueKind.Binary] = (Value.Binary([1, 2, 3]), "AQID"),
    };

    public static TheoryData<ValueKind, ParquetType> EveryPair()
    {
        var data = new TheoryData<ValueKind, ParquetType>();
        foreach (var kind in Samples.Keys)
            foreach (var type in ParquetTypes.All)
                data.Add(kind, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_cell_is_kept_only_when_its_type_fits_the_column(ValueKind kind, ParquetType type)
    {
        var mapper = new SchemaMapper([new SchemaColumn("pk", "pk", ParquetType.Int64), new SchemaColumn("c", "c_out", type)]);
        var (value, text) = Samples[kind];

        var mapped = mapper.Map([("pk", Value.Integer(7)), ("c", value)]);

        Assert.Equal(Value.Integer(7), mapped.Values[0]);
        if (Allowed.TryGetValue((kind, type), out var stored))
        {
            Assert.Equal(stored, mapped.Values[1]);
            Assert.Empty(mapped.DirtyCells);
        }
        else
        {
            Assert.Null(mapped.Values[1]);
            var dirty = Assert.Single(mapped.DirtyCells);
            Assert.Equal(new DirtyCell("c", "c_out", type, kind.ToString().ToUpperInvariant(), text, false), dirty);
        }
    }

    [Fact]
    public void Missing_cells_are_null_and_not_dirty()
    {
        var mapper = new SchemaMapper(
            [new("pk", "pk", ParquetType.Utf8), new("a", "a", ParquetType.Int64), new("b", "b", ParquetType.Bool)]);

        var mapped = mapper.Map([("pk", Value.String("k"))]);

        Assert.Equal([Value.String("k"), null, null], mapped.Values);
        Assert.Empty(mapped.DirtyCells);
    }

    [Fact]
    public void Values_come_out_in_schema_order_whatever_the_input_order_and_extra_cells_are_ignored()
    {
        var mapper = new SchemaMapper(
            [new("z", "first", ParquetType.Double), new("pk", "second", ParquetType.Int64), new("a", "third", ParquetType.Utf8)]);

        var mapped = mapper.Map(
            [("pk", Value.Integer(1)), ("unused", Value.Binary([9])), ("a", Value.String("x")), ("z", Value.Double(2.5))]);

        Assert.Equal([Value.Double(2.5), Value.Integer(1), Value.String("x")], mapped.Values);
        Assert.Empty(mapped.DirtyCells);
    }

    [Fact]
    public void A_change_that_put_some_columns_fills_only_those_and_the_key()
    {
        var mapper = new SchemaMapper(
            [new("pk", "pk", ParquetType.Utf8), new("a", "a", ParquetType.Int64), new("b", "b", ParquetType.Utf8), new("c", "c", ParquetType.Bool)]);

        var mapped = mapper.Map([("pk", Value.String("k1")), ("b", Value.String("new"))]);

        Assert.Equal([Value.String("k1"), null, Value.String("new"), null], mapped.Values);
        Assert.Empty(mapped.DirtyCells);
    }

    [Fact]
    public void The_first_pair_of_a_name_wins_so_the_newest_version_is_delivered()
    {
        var mapper = new SchemaMapper([new("a", "a", ParquetType.Int64)]);

        var mapped = mapper.Map([("a", Value.Integer(2)), ("a", Value.String("older, wrong type")), ("a", Value.Integer(1))]);

        Assert.Equal([Value.Integer(2)], mapped.Values);
        Assert.Empty(mapped.DirtyCells);
    }

    [Fact]
    public void One_source_column_may_feed_two_columns_each_checked_on_its_own()
    {
        var mapper = new SchemaMapper([new("a", "as_text", ParquetType.Utf8), new("a", "as_number", ParquetType.Int64)]);

        var mapped = mapper.Map([("a", Value.String("12"))]);

        Assert.Equal([Value.String("12"), null], mapped.Values);
        Assert.Equal("as_number", Assert.Single(mapped.DirtyCells).OssColumnName);
    }

    [Fact]
    public void Column_names_are_case_sensitive()
    {
        var mapper = new SchemaMapper([new("Col", "Col", ParquetType.Int64)]);

        var mapped = mapper.Map([("col", Value.Integer(1))]);

        Assert.Equal([null], mapped.Values);
    }

    [Fact]
    public void MapInto_overwrites_every_slot_and_counts_dirty_cells_without_a_collection()
    {
        var mapper = new SchemaMapper([new("a", "a", ParquetType.Int64), new("b", "b", ParquetType.Int64), new("c", "c", ParquetType.Bool)]);
        Value?[] row = [Value.Integer(9), Value.Integer(9), Value.Boolean(true)];

        var dirty = mapper.MapInto([("a", Value.Double(1)), ("c", Value.Binary([]))], row);

        Assert.Equal(2, dirty);
        Assert.Equal([null, null, null], row);
        Assert.Throws<ArgumentException>(() => mapper.MapInto([], new Value?[2]));
    }

    [Fact]
    public void An_empty_schema_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SchemaMapper([]));
    }
}

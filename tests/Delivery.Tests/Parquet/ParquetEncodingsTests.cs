using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Delivery.Tests.Parquet;

public class ParquetEncodingsTests
{
    private const bool Yes = true, No = false;

    public static TheoryData<ParquetType, ColumnEncoding, bool> Capabilities() => new()
    {
        { ParquetType.Bool, ColumnEncoding.Plain, Yes },
        { ParquetType.Bool, ColumnEncoding.PlainDictionary, No },
        { ParquetType.Bool, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Bool, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Bool, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Int64, ColumnEncoding.Plain, Yes },
        { ParquetType.Int64, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.Int64, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Int64, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Utf8, ColumnEncoding.Plain, Yes },
        { ParquetType.Utf8, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Utf8, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Utf8, ColumnEncoding.DeltaByteArray, Yes },
        { ParquetType.Utf8, ColumnEncoding.DeltaLengthByteArray, Yes },
        { ParquetType.Double, ColumnEncoding.Plain, Yes },
        { ParquetType.Double, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Double, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Double, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Double, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Int32, ColumnEncoding.Plain, Yes },
        { ParquetType.Int32, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Int32, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.Int32, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Int32, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Float, ColumnEncoding.Plain, Yes },
        { ParquetType.Float, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Float, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Float, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Float, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Date, ColumnEncoding.Plain, Yes },
        { ParquetType.Date, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Date, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.Date, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Date, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.TimeMillis, ColumnEncoding.Plain, Yes },
        { ParquetType.TimeMillis, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.TimeMillis, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.TimeMillis, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.TimeMillis, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.TimeMicros, ColumnEncoding.Plain, Yes },
        { ParquetType.TimeMicros, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.TimeMicros, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.TimeMicros, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.TimeMicros, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.TimestampMillis, ColumnEncoding.Plain, Yes },
        { ParquetType.TimestampMillis, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.TimestampMillis, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.TimestampMillis, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.TimestampMillis, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.TimestampMicros, ColumnEncoding.Plain, Yes },
        { ParquetType.TimestampMicros, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.TimestampMicros, ColumnEncoding.DeltaBinaryPacked, Yes },
        { ParquetType.TimestampMicros, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.TimestampMicros, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Int96, ColumnEncoding.Plain, Yes },
        { ParquetType.Int96, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Int96, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Int96, ColumnEncoding.DeltaByteArray, No },
        { ParquetType.Int96, ColumnEncoding.DeltaLengthByteArray, No },
        { ParquetType.Decimal, ColumnEncoding.Plain, Yes },
        { ParquetType.Decimal, ColumnEncoding.PlainDictionary, Yes },
        { ParquetType.Decimal, ColumnEncoding.DeltaBinaryPacked, No },
        { ParquetType.Decimal, ColumnEncoding.DeltaByteArray, Yes },
        { ParquetType.Decimal, ColumnEncoding.DeltaLengthByteArray, No },
    };

    public static TheoryData<ParquetType, ColumnEncoding> Writable()
    {
        var data = new TheoryData<ParquetType, ColumnEncoding>();
        foreach (var type in ParquetTypes.All)
            foreach (var encoding in ParquetEncodings.For(Column(type)))
                data.Add(type, encoding);
        return data;
    }

    [Theory]
    [MemberData(nameof(Capabilities))]
    public void The_capability_table_says_which_pairs_the_writer_honours_and_why_not(ParquetType type, ColumnEncoding encoding, bool writable)
    {
        Assert.Equal(writable, ParquetEncodings.CanWrite(Column(type, encoding)));
        Assert.Equal(writable, ParquetEncodings.For(Column(type)).Contains(encoding));
        var reason = ParquetEncodings.WhyNot(Column(type, encoding));
        if (writable)
        {
            Assert.Null(reason);
            return;
        }
        Assert.False(string.IsNullOrWhiteSpace(reason));
        var refused = Assert.Throws<NotSupportedException>(() => new ParquetObjectWriter([new("c", "c", type, encoding)]));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public async Task Every_writable_pair_is_the_encoding_in_the_file_and_reads_back_exactly(ParquetType type, ColumnEncoding encoding)
    {
        using var temp = new TempFolder();
        var values = ParquetTestFiles.Samples(type);
        SchemaColumn[] schema = [new("pk", "pk", ParquetType.Int64), new("c", "c", type, encoding)];
        var rows = values.Select((value, i) => new Value?[] { Value.Integer(i), value });

        var path = await ParquetTestFiles.WriteAsync(temp, schema, rows);

        var chunk = Assert.Single(DuckDb.Chunks(path), chunk => chunk.Column == "c");
        Assert.Equal([encoding.WireName(), "RLE"], Encodings(chunk.Encodings));
        ParquetTestFiles.AssertSame(schema[1], values, path);
    }

    [Fact]
    public async Task Each_column_keeps_its_own_encoding_whatever_its_values()
    {
        using var temp = new TempFolder();
        SchemaColumn[] schema =
        [
            new("same", "same_plain", ParquetType.Utf8),
            new("unique", "unique_dictionary", ParquetType.Utf8, ColumnEncoding.PlainDictionary),
            new("n", "n_plain", ParquetType.Int64),
            new("n", "n_delta", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked),
        ];
        var rows = Enumerable.Range(0, 1000).Select(i => new Value?[]
            { Value.String("same"), Value.String($"unique-{i}"), Value.Integer(i), Value.Integer(i) });

        var path = await ParquetTestFiles.WriteAsync(temp, schema, rows);

        Assert.Equal(
            [("same_plain", "PLAIN"), ("unique_dictionary", "PLAIN_DICTIONARY"), ("n_plain", "PLAIN"), ("n_delta", "DELTA_BINARY_PACKED")],
            DuckDb.Chunks(path).Select(chunk => (chunk.Column, Encodings(chunk.Encodings)[0])));
    }

    [Fact]
    public async Task A_chunk_without_any_value_is_recorded_as_PLAIN_because_nothing_was_encoded()
    {
        using var temp = new TempFolder();
        SchemaColumn[] schema =
        [
            new("s", "s", ParquetType.Utf8, ColumnEncoding.PlainDictionary),
            new("n", "n", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked),
        ];

        var path = await ParquetTestFiles.WriteAsync(temp, schema, [[null, null], [null, null]]);

        Assert.All(DuckDb.Chunks(path), chunk => Assert.Equal(["PLAIN", "RLE"], Encodings(chunk.Encodings)));
        Assert.Equal(2L, DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Literal(path)} WHERE s IS NULL AND n IS NULL"));
    }

    [Fact]
    public async Task Parquet_Net_writes_a_DateOnly_column_as_PLAIN_even_when_asked_for_delta_so_DATE_delta_goes_to_the_Arrow_writer()
    {
        // Parquet.Net 6.1.0 applies the delta hint only to CLR integer columns; DATE's DateOnly column falls back
        // to PLAIN without a word, so an object with that pair is written by the Arrow writer instead.
        using var temp = new TempFolder();
        var path = temp.Combine("date-delta.parquet");
        var field = new DataField<DateOnly?>("d");
        var options = new ParquetOptions();
        options.ColumnEncodingHints["d"] = EncodingHint.DeltaBinaryPacked;
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), file, options, false, TestContext.Current.CancellationToken))
        using (var group = writer.CreateRowGroup())
        {
            var dates = Enumerable.Range(0, 1000).Select(i => (DateOnly?)new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
            await group.WriteAsync<DateOnly>(field, new ReadOnlyMemory<DateOnly?>(dates), null, null, TestContext.Current.CancellationToken);
        }

        var chunk = Assert.Single(DuckDb.Chunks(path));
        Assert.Equal(["PLAIN", "RLE"], Encodings(chunk.Encodings));
        Assert.True(ParquetEncodings.NeedsArrow([Column(ParquetType.Date, ColumnEncoding.DeltaBinaryPacked)]));
    }

    private static SchemaColumn Column(ParquetType type, ColumnEncoding encoding = ColumnEncoding.Plain) => new("c", "c", type, encoding);

    private static string[] Encodings(string list) => [.. list.Split(", ").Order(StringComparer.Ordinal)];
}

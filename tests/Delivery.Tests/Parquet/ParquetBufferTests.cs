using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Parquet;

public class ParquetBufferTests
{
    public static TheoryData<string, ParquetType, Value?[], long> Estimates() => new()
    {
        { "nothing", ParquetType.Int64, [], 0 },
        { "INT64: 8 bytes a value, 1 bit a row", ParquetType.Int64, [Value.Integer(1), null, Value.Integer(3)], 16 + 1 },
        { "DOUBLE: 8 bytes a value", ParquetType.Double, [Value.Double(1), Value.Double(2)], 16 + 1 },
        { "BOOL: 1 bit a value", ParquetType.Bool, [.. Enumerable.Repeat<Value?>(Value.Boolean(true), 9)], 2 + 2 },
        { "UTF8: length prefix plus UTF-8 bytes", ParquetType.Utf8, [Value.String("abc"), Value.String(""), Value.String("é😀"), null], 7 + 4 + 10 + 1 },
        { "nulls cost only their level", ParquetType.Utf8, [null, null, null, null, null, null, null, null, null], 2 },
    };

    [Theory]
    [MemberData(nameof(Estimates))]
    public void The_size_estimate_is_the_plain_encoded_size(string _, ParquetType type, Value?[] values, long bytes)
    {
        var buffer = new ParquetBuffer([new("c", "c", type)]);

        foreach (var value in values)
            buffer.Append([value]);

        Assert.Equal(values.Length, buffer.RowCount);
        Assert.Equal(bytes, buffer.EstimatedBytes);
    }

    [Fact]
    public void The_estimate_adds_up_over_columns_and_clear_starts_again_from_zero()
    {
        var buffer = new ParquetBuffer([new("a", "a", ParquetType.Int64), new("b", "b", ParquetType.Utf8)]);
        buffer.Append([Value.Integer(1), Value.String("xy")]);

        Assert.Equal(8 + 1 + 6 + 1, buffer.EstimatedBytes);

        buffer.Clear();

        Assert.Equal(0, buffer.RowCount);
        Assert.Equal(0, buffer.EstimatedBytes);
    }

    [Fact]
    public async Task A_cleared_buffer_writes_only_the_rows_added_since()
    {
        using var temp = new TempFolder();
        SchemaColumn[] schema = [new("s", "s", ParquetType.Utf8, ColumnEncoding.PlainDictionary), new("n", "n", ParquetType.Int64)];
        var buffer = new ParquetBuffer(schema);
        buffer.Append([Value.String("old"), Value.Integer(1)]);
        buffer.Clear();
        buffer.Append([null, Value.Integer(2)]);
        buffer.Append([Value.String("new"), null]);
        var path = temp.Combine("cleared.parquet");

        await using (var file = File.Create(path))
            await new ParquetObjectWriter(schema).WriteAsync(buffer, file, TestContext.Current.CancellationToken);

        ParquetTestFiles.AssertSame([null, Value.String("new")], ParquetTestFiles.Column(path, "s"));
        ParquetTestFiles.AssertSame([Value.Integer(2), null], ParquetTestFiles.Column(path, "n"));
    }

    [Fact]
    public void A_row_that_does_not_fit_is_refused_whole()
    {
        var buffer = new ParquetBuffer([new("a", "a", ParquetType.Int64), new("b", "b", ParquetType.Bool)]);

        Assert.Throws<ArgumentException>(() => buffer.Append([Value.Integer(1), Value.String("true")]));
        Assert.Throws<ArgumentException>(() => buffer.Append([Value.Integer(1)]));

        Assert.Equal(0, buffer.RowCount);
        Assert.Equal(0, buffer.EstimatedBytes);
    }

    [Fact]
    public async Task The_writer_refuses_a_buffer_made_for_another_schema()
    {
        var buffer = new ParquetBuffer([new("a", "a", ParquetType.Int64)]);
        var writer = new ParquetObjectWriter([new("a", "b", ParquetType.Int64)]);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(buffer, new MemoryStream(), TestContext.Current.CancellationToken));
    }
}

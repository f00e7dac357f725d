using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Parquet;

public class ParquetLayoutTests
{
    private static readonly SchemaColumn[] Schema =
    [
        new("zeta", "Zeta", ParquetType.Utf8),
        new("pk", "_id", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked),
        new("flag", "flag", ParquetType.Bool),
        new("price", "Price_2", ParquetType.Double),
        new("label", "alpha", ParquetType.Utf8, ColumnEncoding.PlainDictionary),
        new("count", "count", ParquetType.Int64),
    ];

    private static IEnumerable<Value?[]> Rows(int count) => Enumerable.Range(0, count).Select(i => new Value?[]
    {
        Value.String($"z{i}"), Value.Integer(i), Value.Boolean(i % 2 == 0), Value.Double(i / 4.0),
        i % 3 == 0 ? null : Value.String($"label-{i % 5}"), Value.Integer(-i),
    });

    [Fact]
    public async Task Columns_are_the_oss_names_in_schema_order_all_optional_with_their_physical_types()
    {
        using var temp = new TempFolder();

        var path = await ParquetTestFiles.WriteAsync(temp, Schema, Rows(10));

        var columns = DuckDb.Query(
                $"SELECT name, type, repetition_type, logical_type FROM parquet_schema({DuckDb.Literal(path)}) WHERE num_children IS NULL")
            .Select(row => ((string)row[0]!, (string)row[1]!, (string)row[2]!))
            .ToList();
        Assert.Equal(
        [
            ("Zeta", "BYTE_ARRAY", "OPTIONAL"), ("_id", "INT64", "OPTIONAL"), ("flag", "BOOLEAN", "OPTIONAL"),
            ("Price_2", "DOUBLE", "OPTIONAL"), ("alpha", "BYTE_ARRAY", "OPTIONAL"), ("count", "INT64", "OPTIONAL"),
        ], columns);
        var stringTypes = DuckDb.Query(
            $"SELECT logical_type FROM parquet_schema({DuckDb.Literal(path)}) WHERE type = 'BYTE_ARRAY'");
        Assert.All(stringTypes, row => Assert.Equal("StringType()", row[0]));
    }

    [Fact]
    public async Task Every_column_chunk_is_SNAPPY()
    {
        using var temp = new TempFolder();

        var path = await ParquetTestFiles.WriteAsync(temp, Schema, Rows(1000), maxRowsPerRowGroup: 300);

        var chunks = DuckDb.Chunks(path);
        Assert.Equal(4 * Schema.Length, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal("SNAPPY", chunk.Compression));
    }

    [Fact]
    public async Task A_stream_gets_the_same_bytes_as_a_file_and_is_left_open()
    {
        using var temp = new TempFolder();
        var path = await ParquetTestFiles.WriteAsync(temp, Schema, Rows(50));
        var buffer = new ParquetBuffer(Schema);
        foreach (var row in Rows(50))
            buffer.Append(row);
        using var stream = new MemoryStream();

        await new ParquetObjectWriter(Schema).WriteAsync(buffer, stream, TestContext.Current.CancellationToken);

        Assert.True(stream.CanWrite);
        Assert.Equal(File.ReadAllBytes(path), stream.ToArray());
        Assert.Equal(50, buffer.RowCount);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_gets_the_same_bytes()
    {
        var buffer = new ParquetBuffer(Schema);
        foreach (var row in Rows(50))
            buffer.Append(row);
        using var seekable = new MemoryStream();
        using var target = new MemoryStream();

        await new ParquetObjectWriter(Schema).WriteAsync(buffer, seekable, TestContext.Current.CancellationToken);
        await new ParquetObjectWriter(Schema).WriteAsync(buffer, new ForwardOnlyStream(target), TestContext.Current.CancellationToken);

        Assert.Equal(seekable.ToArray(), target.ToArray());
    }

    [Fact]
    public async Task Nothing_buffered_gives_a_valid_object_with_the_schema_and_no_row_group()
    {
        using var temp = new TempFolder();

        var path = await ParquetTestFiles.WriteAsync(temp, Schema, []);

        Assert.Equal(0L, DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Literal(path)}"));
        Assert.Equal(0L, DuckDb.Scalar($"SELECT num_row_groups FROM parquet_file_metadata({DuckDb.Literal(path)})"));
        Assert.Equal(
            Schema.Select(column => column.OssColumnName),
            DuckDb.Query($"SELECT name FROM parquet_schema({DuckDb.Literal(path)}) WHERE num_children IS NULL").Select(row => (string)row[0]!));
    }
}

internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}

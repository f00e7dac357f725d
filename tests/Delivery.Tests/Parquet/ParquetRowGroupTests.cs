using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Parquet;

public class ParquetRowGroupTests
{
    private static readonly SchemaColumn[] Schema =
    [
        new("id", "id", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked),
        new("name", "name", ParquetType.Utf8, ColumnEncoding.PlainDictionary),
        new("text", "text", ParquetType.Utf8),
        new("ratio", "ratio", ParquetType.Double),
        new("even", "even", ParquetType.Bool),
        new("big", "big", ParquetType.Int64),
    ];

    private static Value?[] Row(int i) =>
    [
        Value.Integer(i), i % 7 == 3 ? null : Value.String($"name-{i % 1000}"), Value.String($"text-{i}"),
        i % 11 == 5 ? null : Value.Double(i * 0.5), Value.Boolean(i % 2 == 0), Value.Integer(long.MaxValue - i),
    ];

    [Theory]
    [InlineData(250_001, 100_000, new long[] { 100_000, 100_000, 50_001 })]
    [InlineData(10, 3, new long[] { 3, 3, 3, 1 })]
    [InlineData(6, 3, new long[] { 3, 3 })]
    [InlineData(1, 100_000, new long[] { 1 })]
    public async Task Rows_are_split_into_bounded_row_groups_that_each_keep_values_and_encodings(int rows, int maxRows, long[] groups)
    {
        using var temp = new TempFolder();

        var path = await ParquetTestFiles.WriteAsync(temp, Schema, Enumerable.Range(0, rows).Select(Row), maxRows);

        var literal = DuckDb.Literal(path);
        Assert.Equal(groups, DuckDb.Query(
                $"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({literal}) ORDER BY row_group_id")
            .Select(row => (long)row[1]!));
        var expected = Schema.Select(column => column.Encoding.WireName()).ToArray();
        Assert.All(DuckDb.Chunks(path).GroupBy(chunk => chunk.RowGroup), group =>
            Assert.Equal(expected, group.Select(chunk => chunk.Encodings.Split(", ").Single(e => e != "RLE"))));
        var totals = DuckDb.Query(
            $"SELECT count(*), sum(id)::VARCHAR, count(name), count(DISTINCT name), count(ratio), sum(ratio), " +
            $"count(*) FILTER (WHERE even), min(big), max(text) FROM {literal}").Single();
        var all = Enumerable.Range(0, rows).ToArray();
        Assert.Equal(
            new object?[]
            {
                (long)rows, all.Sum(i => (long)i).ToString(), (long)all.Count(i => i % 7 != 3),
                (long)all.Where(i => i % 7 != 3).Select(i => i % 1000).Distinct().Count(), (long)all.Count(i => i % 11 != 5),
                all.Where(i => i % 11 != 5).Sum(i => i * 0.5), (long)all.Count(i => i % 2 == 0), long.MaxValue - (rows - 1),
                all.Select(i => $"text-{i}").Max(StringComparer.Ordinal),
            },
            totals);
    }

    [Fact]
    public async Task Rows_on_both_sides_of_a_row_group_boundary_are_exact()
    {
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, 25).Select(Row).ToArray();

        var path = await ParquetTestFiles.WriteAsync(temp, Schema, rows, maxRowsPerRowGroup: 7);

        for (var c = 0; c < Schema.Length; c++)
            ParquetTestFiles.AssertSame(rows.Select(row => row[c]).ToArray(), ParquetTestFiles.Column(path, Schema[c].OssColumnName));
    }
}

public class ParquetObjectStreamTests
{
    private static readonly SchemaColumn[] Schema = [new("id", "id", ParquetType.Int64), new("text", "text", ParquetType.Utf8)];

    [Fact]
    public async Task Buffers_written_one_after_another_make_one_object_with_every_row_in_order()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("streamed.parquet");
        var writer = new global::DeliveryConsole.Delivery.Parquet.ParquetObjectWriter(Schema, maxRowsPerRowGroup: 4);
        var buffer = new global::DeliveryConsole.Delivery.Parquet.ParquetBuffer(Schema);
        await using (var file = File.Create(path))
        await using (var parquet = await writer.OpenAsync(file, TestContext.Current.CancellationToken))
        {
            var next = 0;
            foreach (var size in new[] { 3, 4, 9, 1 })
            {
                for (var i = 0; i < size; i++, next++)
                    buffer.Append([Value.Integer(next), next % 5 == 0 ? null : Value.String($"t{next}")]);
                await parquet.WriteRowGroupsAsync(buffer, TestContext.Current.CancellationToken);
                buffer.Clear();
            }
            Assert.Equal(17, parquet.RowCount);
        }

        var literal = DuckDb.Literal(path);
        Assert.Equal([3L, 4, 4, 4, 1, 1], DuckDb.Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({literal}) ORDER BY row_group_id")
            .Select(row => (long)row[1]!));
        var rows = DuckDb.Query($"SELECT id, text FROM read_parquet({literal})");
        Assert.Equal(Enumerable.Range(0, 17).Select(i => (object?)(long)i), rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(0, 17).Select(i => i % 5 == 0 ? null : (object?)$"t{i}"), rows.Select(r => r[1]));
    }
}

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

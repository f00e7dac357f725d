using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Tests.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.TaskDrafting;

public class SchemaDesignTests
{
    private static readonly TableMeta Table = new("orders",
        [new PrimaryKeyColumn("shop", PrimaryKeyType.String), new PrimaryKeyColumn("raw", PrimaryKeyType.Binary), new PrimaryKeyColumn("id", PrimaryKeyType.Integer)],
        [new DefinedColumn("price", ColumnType.Double), new DefinedColumn("flag", ColumnType.Boolean)],
        new TableOptions(), new StreamSpecification(), 1, 0);

    private static Row Row(long id, params (string Name, Value Value)[] cells) => new(
        [new KeyColumn("shop", Value.String("s")), new KeyColumn("raw", Value.Binary([1])), new KeyColumn("id", Value.Integer(id))],
        [.. cells.Select(c => new Cell(c.Name, c.Value, 1_700_000_000_000 + id))]);

    [Fact]
    public void Suggestion_is_key_then_defined_then_sampled_columns_with_the_most_frequent_type()
    {
        IReadOnlyList<Row> sample =
        [
            Row(1, ("price", Value.String("1.5")), ("qty", Value.Integer(1)), ("my-col", Value.String("a")), ("MY_COL", Value.Boolean(true))),
            Row(2, ("price", Value.String("2")), ("qty", Value.Integer(2))),
            Row(3, ("price", Value.Double(3)), ("qty", Value.String("3"))),
        ];

        var schema = SchemaSuggestion.For(Table, sample);

        Assert.Equal(
        [
            new SchemaColumn("shop", "shop", ParquetType.Utf8),
            new SchemaColumn("raw", "raw", ParquetType.Utf8),
            new SchemaColumn("id", "id", ParquetType.Int64),
            new SchemaColumn("price", "price", ParquetType.Utf8), // sampled STRING twice beats the declared DOUBLE once
            new SchemaColumn("flag", "flag", ParquetType.Bool),   // not sampled: the declared type stands
            new SchemaColumn("qty", "qty", ParquetType.Int64),      // in the order first sampled
            new SchemaColumn("my-col", "my_col", ParquetType.Utf8), // made valid
            new SchemaColumn("MY_COL", "MY_COL_2", ParquetType.Bool), // and unique ignoring case, as Hive folds case
        ], schema);
    }

    [Fact]
    public void Sample_dirt_is_what_the_schema_mapper_rejects()
    {
        IReadOnlyList<Row> sample = [Row(1, ("qty", Value.Integer(1))), Row(2, ("qty", Value.String("2"))), Row(3)];

        Assert.Equal(new SampleDirt(1, 2), SampleDirt.Count(new SchemaColumn("qty", "qty", ParquetType.Int64), sample));
        Assert.Equal(new SampleDirt(3, 3), SampleDirt.Count(new SchemaColumn("raw", "raw", ParquetType.Utf8), sample)); // BINARY is always dirty
        Assert.Equal("1 dirty of 2 sampled", SampleDirt.Count(new SchemaColumn("qty", "qty", ParquetType.Int64), sample).ToString());
        Assert.Equal("0 dirty", new SampleDirt(0, 5).ToString());
    }

    [Fact]
    public void The_preview_is_the_engines_folder_and_first_object_name()
    {
        var preview = PartitionPreview.For(Prefixes.Template("lake/$yyyy/$MM/$dd"), "t1",
            new DateTimeOffset(2020, 8, 31, 8, 3, 0, TimeSpan.Zero), PartitionTimeZone.Resolve(null), null);

        Assert.Equal(new PartitionPreview("lake/2020/08/31", "lake/2020/08/31/t1_0_lake_2020_08_31__1"), preview);
    }

    [Fact]
    public void A_rows_write_time_is_its_newest_cell()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_002), RowSample.WriteTime(Row(2, ("a", Value.Integer(1)))));
        Assert.Null(RowSample.WriteTime(Row(2)));
    }
}

using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Tests.Partitioning;
using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Tests.TaskDrafting;

public class TableStatementsTests
{
    [Fact]
    public void The_location_is_the_buckets_folder_or_s3_url_plus_the_fixed_part_of_the_prefix()
    {
        var local = new LocalFolderEndpoint("local", "/data/buckets/local");
        Assert.Equal("/data/buckets/local/lake/orders", TableStatements.Location(local, "lake", Prefixes.Template("orders/$yyyy/$MM")));
        Assert.Equal("/data/buckets/local/lake", TableStatements.Location(local, "lake", Prefixes.Template("$yyyy/x")));

        using var s3 = new S3Endpoint("s3", new EndpointOptions { Kind = EndpointOptions.S3Kind, Url = "http://127.0.0.1:9", AccessKey = "k", Secret = "s" });
        Assert.Equal("s3://lake/orders", TableStatements.Location(s3, "lake", Prefixes.Template("orders/$yyyy")));
    }

    [Fact]
    public void Hive_gets_an_external_parquet_table_with_hive_types_and_recursive_reads()
    {
        var hive = TableStatements.Hive("orders-lake",
            [new SchemaColumn("id", "id", ParquetType.Int64), new SchemaColumn("n", "name", ParquetType.Utf8),
             new SchemaColumn("p", "price", ParquetType.Double), new SchemaColumn("f", "flag", ParquetType.Bool),
             new SchemaColumn("q", "qty", ParquetType.Int32), new SchemaColumn("w", "weight", ParquetType.Float),
             new SchemaColumn("d", "day", ParquetType.Date)],
            "/data/lake");

        Assert.Equal("""
            -- The time folders are plain folders, not key=value partitions: let Hive read them recursively.
            SET hive.mapred.supports.subdirectories=true;
            SET mapreduce.input.fileinputformat.input.dir.recursive=true;
            CREATE EXTERNAL TABLE IF NOT EXISTS `orders_lake` (
              `id` BIGINT,
              `name` STRING,
              `price` DOUBLE,
              `flag` BOOLEAN,
              `qty` INT,
              `weight` FLOAT,
              `day` DATE
            )
            STORED AS PARQUET
            LOCATION 'file:///data/lake';
            """.ReplaceLineEndings("\n"), hive.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void DuckDb_gets_a_view_over_the_tasks_objects_only()
    {
        Assert.Equal("CREATE VIEW \"orders_lake\" AS SELECT * FROM read_parquet('/data/it''s/**/orders-lake_*', hive_partitioning = false);",
            TableStatements.DuckDb("orders-lake", "/data/it's"));
        Assert.StartsWith("-- S3: first INSTALL httpfs;", TableStatements.DuckDb("t1x", "s3://lake/x"));
    }
}

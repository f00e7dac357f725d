using DeliveryConsole.Testing;
using System.Globalization;
using Bunit;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Buckets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Components.Buckets;

/// <summary>The preview of an object the engine really delivered, checked against DuckDB reading the same file.</summary>
public class DeliveredParquetPreviewTests : ConsoleComponentTest
{
    private const int RowCount = 130;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivered_object_shows_the_schema_row_groups_and_the_rows_DuckDB_reads()
    {
        var key = await DeliverOrdersAsync();
        var path = Path.Combine(((LocalFolderEndpoint)LocalEndpoint).Folder, "lake", key);
        var folder = key[..(key.LastIndexOf('/') + 1)];

        Services.GetRequiredService<NavigationManager>().NavigateTo(
            $"/buckets/{Endpoint}/lake?prefix={Uri.EscapeDataString(folder)}&key={Uri.EscapeDataString(key)}");
        var page = Render<BucketBrowserPage>(p => p.Add(x => x.Endpoint, Endpoint).Add(x => x.Bucket, "lake"));

        page.WaitForAssertion(() => page.Find("[data-testid=parquet-rows]"));
        var duckSchema = DuckDb.Query($"SELECT name, type, repetition_type FROM parquet_schema({DuckDb.Literal(path)}) WHERE num_children IS NULL");
        var schemaRows = Cells(page, "parquet-schema");
        Assert.Equal(duckSchema.Select(r => (string)r[0]!), schemaRows.Select(r => r[0]));
        Assert.Equal(duckSchema.Select(r => (string)r[1]!), schemaRows.Select(r => r[1]));
        Assert.Equal(duckSchema.Select(r => (string)r[2]! == "OPTIONAL" ? "yes" : "no"), schemaRows.Select(r => r[3]));
        Assert.Contains("STRING", schemaRows.Single(r => r[0] == "name")[2]);
        Assert.Contains("INTEGER(32, signed)", schemaRows.Single(r => r[0] == "id32")[2]);
        Assert.Equal("FLOAT", schemaRows.Single(r => r[0] == "price32")[1]);
        Assert.Equal("INT32", schemaRows.Single(r => r[0] == "day")[1]);
        Assert.Contains("DATE", schemaRows.Single(r => r[0] == "day")[2]);

        var duckGroups = DuckDb.Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id");
        var groupRows = Cells(page, "parquet-row-groups");
        Assert.Equal(duckGroups.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)), groupRows.Select(r => r[0]));
        Assert.Equal(duckGroups.Select(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)), groupRows.Select(r => r[1]));
        var duckEncodings = DuckDb.Chunks(path).First(c => c.RowGroup == 0 && c.Column == "name").Encodings;
        Assert.Contains($"name: {duckEncodings}", groupRows[0][3]);

        var header = page.FindAll("[data-testid=parquet-rows] thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(duckSchema.Select(r => (string)r[0]!), header);
        var expected = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(path)}) LIMIT 100")
            .Select(row => row.Select(Text).ToList()).ToList();
        Assert.Equal(100, expected.Count);
        Assert.Equal(expected, Cells(page, "parquet-rows"));
        Assert.Equal("2024-02-29", Cells(page, "parquet-rows")[1][header.IndexOf("day")]); // a date, not a timestamp
        Assert.Contains($"{RowCount} rows", page.Find("[data-testid=parquet-summary]").TextContent);
    }

    /// <summary>Creates a table of <see cref="RowCount"/> rows and a BASE task, and waits for its one object.</summary>
    private async Task<string> DeliverOrdersAsync()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        for (var i = 0; i < RowCount; i++)
        {
            List<ColumnPut> puts =
            [
                new("price", Value.Double(i * 1.25)), new("paid", Value.Boolean(i % 3 == 0)),
                new("day", Value.String(new DateOnly(2024, 2, 28).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ];
            if (i % 10 != 0)
                puts.Add(new("name", Value.String($"order {i}")));
            Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(i))], puts));
        }
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        var error = await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest("orders", "snap",
            new DeliveryTaskConfig("p", "lake", Endpoint, Role,
            [
                new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "UTF8"),
                new SchemaColumnConfig("price", "DOUBLE"), new SchemaColumnConfig("paid", "BOOL"),
                new SchemaColumnConfig("id", "INT32", "id32", "DELTA_BINARY_PACKED"), new SchemaColumnConfig("price", "FLOAT", "price32"),
                new SchemaColumnConfig("day", "DATE"),
            ]), "BASE"), Cancel);
        Assert.Null(error);
        await Eventually.UntilAsync(async () => (await Engine.DescribeTaskAsync("orders", "snap", Cancel))!, status => status.State.Finished,
            status => $"the BASE task did not finish; last: {status.State}");
        return (await LocalEndpoint.ListObjectsAsync("lake", "p/", null, 10, Cancel)).Objects.Single().Key;
    }

    private static List<List<string>> Cells(IRenderedComponent<BucketBrowserPage> page, string table) =>
        [.. page.FindAll($"[data-testid={table}] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList())];

    /// <summary>DuckDB's value as the preview prints it.</summary>
    private static string Text(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        // The file's only date-like column is a DATE (DuckDB.NET may give it as DateOnly or as a midnight DateTime).
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}

using DeliveryConsole.Testing;
using System.Text.Json;
using Bunit;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Web.Api;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

public class TimeReviewCreateTests : WizardTest
{
    private async Task ToTimeStepAsync(string taskName = "orders-lake", string prefix = "lake/$yyyy/$MM/$dd")
    {
        await FillBasicsAndDestinationAsync(taskName, prefix);
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal(5, Page.FindAll("[data-testid=schema-row]").Count));
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Event-time column")));
    }

    [Fact]
    public async Task Event_time_samples_are_parsed_live_and_the_bad_ones_marked()
    {
        CreateOrders(8);
        RenderWizard("orders");
        await ToTimeStepAsync();

        Choose("Event-time column", "at");

        Page.WaitForAssertion(() => Assert.Equal(8, Page.FindAll("[data-testid=event-time-sample]").Count));
        var samples = Page.FindAll("[data-testid=event-time-sample]");
        // Row 1: 2024-03-02T10:00:00Z is 18:00 in Asia/Shanghai; rows 4 and 8 hold "not a time".
        Assert.Equal("true", samples[0].GetAttribute("data-parsed"));
        Assert.Contains("lake/2024/03/02", samples[0].TextContent);
        Assert.Equal("false", samples[3].GetAttribute("data-parsed"));
        Assert.Contains("does not parse as RFC3339", samples[3].TextContent);

        Choose("Time format", "Unix");
        Page.WaitForAssertion(() => Assert.All(Page.FindAll("[data-testid=event-time-sample]"),
            sample => Assert.Equal("false", sample.GetAttribute("data-parsed"))));
    }

    [Fact]
    public async Task The_review_shows_a_request_the_api_reads_and_accepts_the_schema_and_the_folder_layout()
    {
        CreateOrders(3);
        RenderWizard("orders");
        await ToTimeStepAsync();
        Choose("Event-time column", "at");
        Click("Next");
        Page.WaitForAssertion(() => Page.Find("[data-testid=request-json]"));

        var json = Text("request-json");
        var body = JsonSerializer.Deserialize<CreateDeliveryTaskBody>(json, ServiceJson.Options)!;
        var validation = DeliveryTaskValidator.Validate(body.Request, new TaskValidationContext
        {
            EndpointNames = [Endpoint],
            AccountId = "1234567890123456",
            FindTable = name => name == "orders" ? Tables.Table(name) : null,
            TaskNameInUse = _ => false,
        });
        Assert.True(validation.IsValid, validation.Error?.Message);
        Assert.Equal("orders-lake", validation.Value.TaskName);
        Assert.Equal("at", validation.Value.EventTimeColumn!.ColumnName);
        Assert.Equal(["id", "price", "at", "note", "qty"], validation.Value.Schema.Select(c => c.OssColumnName));

        Assert.Contains("optional int64 id;", Text("parquet-schema"));
        Assert.Contains("optional binary at (STRING);", Text("parquet-schema"));
        // Rows 1-3 have event times 2024-03-02, -03 and -04 (10:00Z, 18:00 in Shanghai).
        var layout = Page.FindAll("[data-testid=folder-layout] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, layout.Count);
        Assert.Contains("lake/2024/03/02", layout[0]);
        Assert.Contains("orders-lake_0_lake_2024_03_02__1", layout[0]);
    }

    [Fact]
    public async Task An_invalid_wizard_creates_nothing_and_the_engines_error_lands_on_its_field()
    {
        CreateOrders(3);
        RenderWizard("orders");
        await ToTimeStepAsync("late-taken");
        Click("Next");
        Page.WaitForAssertion(() => Button("Create task"));
        // Another user takes the name after the wizard loaded the names in use: only the engine can tell.
        Assert.Null(await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest("orders", "late-taken",
            new DeliveryTaskConfig("other", "lake", Endpoint, Role, [new SchemaColumnConfig("id", "INT64")])), Xunit.TestContext.Current.CancellationToken));

        Click("Create task");

        Page.WaitForAssertion(() => Assert.StartsWith("Task name 'late-taken' is already used by a task on this instance", ErrorUnder("Task name")));
        Assert.Contains("The task was not created. Task name 'late-taken' is already used", Text("create-error"));
        Assert.True(StepMarked("Basics"));
        Assert.Single(await Engine.ListTasksAsync(null, Xunit.TestContext.Current.CancellationToken));
        Assert.Empty(Page.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task Create_starts_the_task_and_the_DuckDB_statement_reads_its_objects_back()
    {
        CreateOrders(20);
        RenderWizard("orders");
        Page.FindAll("label").First(label => label.TextContent.Trim() == "Full").QuerySelector("input[type=radio]")!.Click();
        Page.WaitForAssertion(() => Assert.Contains("Full (BASE)", Page.Markup));
        await ToTimeStepAsync("orders-lake", "lake/$yyyy/$MM");
        Click("Next");
        Page.WaitForAssertion(() => Button("Create task"));

        Click("Create task");

        Page.WaitForAssertion(() => Assert.Contains("Statement to create table", Page.Find(".mud-dialog").TextContent));
        var task = await Engine.DescribeTaskAsync("orders", "orders-lake", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryTaskType.Base, task!.Definition.TaskType);
        var hive = Page.Find("[data-testid=hive-ddl]").TextContent;
        Assert.Contains("CREATE EXTERNAL TABLE IF NOT EXISTS `orders_lake`", hive);
        Assert.Contains("`qty` BIGINT", hive);
        Assert.Contains("STORED AS PARQUET", hive);
        Assert.Contains("mapreduce.input.fileinputformat.input.dir.recursive=true", hive);
        Assert.Contains("hive-ddl", Page.Markup); // the first tab is open; DuckDB's statement is on the second
        Page.FindAll(".mud-tab").First(tab => tab.TextContent.Trim() == "DuckDB").Click();
        var duckDb = Page.WaitForElement("[data-testid=duckdb-ddl]").TextContent;
        var bucketFolder = Path.Combine(Data.Path, "buckets", Endpoint, "lake");
        Assert.Contains($"read_parquet('{bucketFolder}/lake/**/orders-lake_*'", duckDb);

        Click("Copy");
        Assert.Contains(JSInterop.Invocations, call => call.Identifier == "consoleClipboard.copy" && (string)call.Arguments[0]! == duckDb);

        await WaitFinishedAsync("orders", "orders-lake");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = duckDb;
            create.ExecuteNonQuery();
        }
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*)::BIGINT, sum(id)::BIGINT, count(qty)::BIGINT FROM orders_lake";
        using var reader = count.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(20L, reader.GetInt64(0));
        Assert.Equal(210L, reader.GetInt64(1));
        Assert.Equal(16L, reader.GetInt64(2)); // every fifth qty is a STRING: dirty, delivered as null

        Click("Open task");
        Assert.EndsWith("/delivery/orders/orders-lake", Services.GetRequiredService<NavigationManager>().Uri);
    }

    private Task WaitFinishedAsync(string table, string taskName) =>
        Eventually.UntilAsync(async () => (await Engine.DescribeTaskAsync(table, taskName, Xunit.TestContext.Current.CancellationToken))!,
            status => status.State.Finished, status => $"the BASE task did not finish; last: {status.State}");
}

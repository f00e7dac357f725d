using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// Whole flows a user goes through in real Chromium against a real Kestrel socket, the real engine and the local
/// endpoint: from an empty console to delivered Parquet seen in the bucket browser.
/// </summary>
public class DeliveryFlowTests : ServedConsoleWithBucket
{
    [Fact]
    public async Task A_table_made_in_the_console_is_delivered_by_a_wizard_task_and_its_object_previews_in_the_bucket_browser()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var user = new ConsoleUser(browser);

        await browser.GoToAsync("/tables");
        await user.Button("Create table").ClickAsync();
        var create = user.Dialog("Create table");
        await create.GetByLabel("Table name", new() { Exact = true }).FillAsync("orders");
        await create.GetByLabel("Key name", new() { Exact = true }).First.FillAsync("id");
        await user.ChooseAsync("Key type", "INTEGER", create);
        await user.CheckAccessibilityAsync("create-table dialog");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(create).ToBeHiddenAsync();
        await browser.ScreenshotAsync("tables");

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "orders", Exact = true }).ClickAsync();
        await user.ExpectUrlAsync("/tables/orders$");
        await browser.Page.GetByRole(AriaRole.Tab, new() { Name = "Generate" }).ClickAsync();
        await user.FillAsync("Row count", "1000");
        await user.Button("Generate").ClickAsync();
        await user.ExpectTextAsync("1,000 rows written");
        await browser.ScreenshotAsync("table-generate", fullPage: false);
        await user.CheckAccessibilityAsync("generate tab");
        await browser.Page.GetByRole(AriaRole.Tab, new() { Name = "Import" }).ClickAsync();
        await user.CheckAccessibilityAsync("import tab");

        await browser.GoToAsync("/delivery/new?table=orders");
        await user.FillAsync("Task name", "orders-lake");
        await user.Button("Next").ClickAsync();
        await user.ChooseAsync("Bucket", Bucket);
        await user.FillAsync("Prefix", "lake");
        foreach (var variable in new[] { "$yyyy", "$MM", "$dd" })
            await user.Button(variable).ClickAsync();
        await Expect(user.Field("Prefix")).ToHaveValueAsync("lake/$yyyy/$MM/$dd");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await Expect(browser.Page.GetByTestId("folder-preview")).ToContainTextAsync($"lake/{today:yyyy}/");
        await browser.ScreenshotAsync("wizard-destination");
        await user.CheckAccessibilityAsync("wizard destination");
        // A first object within seconds: the emulator settings' preset, sent in the request.
        await user.Button("5 s (see objects quickly)").ClickAsync();
        await Expect(user.Field("Flush interval (seconds)")).ToHaveValueAsync("5");
        await Expect(browser.Page.GetByTestId("emulator-summary")).ToContainTextAsync("An object every 5 s");
        await browser.Page.SetViewportSizeAsync(1400, 900);
        await browser.WaitForAnimationsAsync();
        await browser.Page.GetByTestId("emulator-settings").ScreenshotAsync(new() { Path = await browser.ScreenshotAsync("wizard-emulator-settings") });
        await browser.Page.SetViewportSizeAsync(800, 900);
        await browser.ScreenshotAsync("wizard-destination-800");
        await browser.Page.SetViewportSizeAsync(1280, 800);
        await user.Button("Next").ClickAsync();
        await user.Button("Auto generate").ClickAsync();
        await browser.ScreenshotAsync("wizard-schema");
        await browser.Page.SetViewportSizeAsync(800, 900);
        await browser.ScreenshotAsync("wizard-schema-800");
        await browser.Page.SetViewportSizeAsync(1280, 800);
        await user.CheckAccessibilityAsync("wizard schema");
        await user.Button("Next").ClickAsync();
        await user.CheckAccessibilityAsync("wizard time");
        await user.Button("Next").ClickAsync();
        await Expect(browser.Page.GetByTestId("request-json")).ToContainTextAsync("\"taskName\": \"orders-lake\"");
        await Expect(browser.Page.GetByTestId("request-json")).ToContainTextAsync("\"flushIntervalSeconds\": 5");
        await browser.ScreenshotAsync("wizard-review");
        await user.CheckAccessibilityAsync("wizard review");
        await user.Button("Create task").ClickAsync();

        var statement = user.Dialog("Statement to create table");
        await Expect(statement).ToContainTextAsync("STORED AS PARQUET");
        await statement.GetByRole(AriaRole.Tab, new() { Name = "DuckDB" }).ClickAsync();
        await Expect(statement).ToContainTextAsync("read_parquet");
        await browser.ScreenshotAsync("create-table-statement");
        await user.CheckAccessibilityAsync("statement dialog");
        await statement.GetByRole(AriaRole.Button, new() { Name = "Open task" }).ClickAsync();
        await user.ExpectUrlAsync("/delivery/orders/orders-lake$");
        await Expect(browser.Page.GetByTestId("phase-chip")).ToHaveTextAsync("Incremental sync");
        await Expect(browser.Page.GetByTestId("rows-delivered")).ToContainTextAsync("1,000");
        await browser.ScreenshotAsync("task-detail", fullPage: false);

        var objectLink = browser.Page.GetByTestId("objects").GetByRole(AriaRole.Link).First;
        var key = (await objectLink.TextContentAsync())!.Trim();
        Assert.Matches(@"^lake/\d{4}/\d{2}/\d{2}/", key);
        await objectLink.ClickAsync();
        await user.ExpectUrlAsync($"/buckets/{Endpoint}/{Bucket}");
        var rows = browser.Page.GetByTestId("parquet-rows");
        await Expect(rows.GetByRole(AriaRole.Columnheader, new() { Name = "id" })).ToBeVisibleAsync();
        await Expect(rows.Locator("tbody tr")).ToHaveCountAsync(100);
        await browser.ScreenshotAsync("bucket-object-preview", fullPage: false);
        Assert.Empty(browser.Errors);
        Assert.True(user.AccessibilityViolations.Count == 0, string.Join(Environment.NewLine, user.AccessibilityViolations));
    }

    [Fact]
    public async Task An_invalid_task_name_and_an_unknown_prefix_variable_say_why_and_create_nothing()
    {
        await CreateTableAsync("orders");
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var user = new ConsoleUser(browser);

        await browser.GoToAsync("/delivery/new?table=orders");
        await user.FillAsync("Task name", "Bad_Name");
        await user.ExpectTextAsync("3-16 lowercase letters");
        await user.Button("Next").ClickAsync();
        await Expect(user.Field("Prefix")).Not.ToBeVisibleAsync();

        await user.FillAsync("Task name", "good-name");
        await user.Button("Next").ClickAsync();
        await user.FillAsync("Prefix", "lake/$foo");
        await user.ExpectTextAsync("'$foo' is not a time variable");
        await browser.ScreenshotAsync("wizard-invalid-prefix");
        await user.Button("Next").ClickAsync();
        await Expect(user.Button("Auto generate")).Not.ToBeVisibleAsync();

        var tasks = await Api.OkAsync("ListDeliveryTask", new { });
        Assert.Empty(tasks["tasks"]!.AsArray());
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_type_mismatched_column_shows_dirty_counts_in_the_wizard_and_in_the_inspector()
    {
        await CreateTableAsync("payments");
        await PutRowsAsync("payments", 20, i => new JsonObject { ["note"] = $"note {i}" });
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var user = new ConsoleUser(browser);

        await browser.GoToAsync("/delivery/new?table=payments");
        await user.FillAsync("Task name", "payments-lake");
        await user.Button("Next").ClickAsync();
        await user.ChooseAsync("Bucket", Bucket);
        await user.FillAsync("Prefix", "pay/$yyyy");
        // The preview is rendered from the server's copy of the form: once it shows the prefix, Next sees it too.
        await Expect(browser.Page.GetByTestId("folder-preview")).ToContainTextAsync("pay/");
        await user.Button("Next").ClickAsync();
        await user.Button("Auto generate").ClickAsync();
        // Auto generate maps the key first, then the sampled attribute.
        var note = browser.Page.GetByTestId("schema-row").Nth(1);
        await Expect(note.GetByLabel("Source column")).ToHaveValueAsync("note");
        await user.ChooseAsync("Parquet type", "INT64", note);
        await Expect(note.GetByTestId("dirty-count")).ToContainTextAsync("20 dirty");
        await browser.ScreenshotAsync("wizard-dirty-counts", fullPage: false);
        await user.Button("Next").ClickAsync();
        await user.Button("Next").ClickAsync();
        await user.Button("Create task").ClickAsync();
        await user.Dialog("Statement to create table").GetByRole(AriaRole.Button, new() { Name = "Open task" }).ClickAsync();

        await Expect(browser.Page.GetByTestId("dirty-cells")).ToContainTextAsync("20");
        var records = browser.Page.GetByTestId("dirty-records");
        await Expect(records).ToContainTextAsync("note 7");
        await Expect(records).ToContainTextAsync("INT64");
        await browser.ScreenshotAsync("dirty-inspector");
        Assert.Empty(browser.Errors);
    }
}

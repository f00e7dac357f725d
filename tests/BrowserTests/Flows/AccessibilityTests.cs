using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// Every page of a console with data in it (a table with rows, a delivering task, a bucket with objects) passes
/// axe-core with no serious or critical violation, in light and dark mode; each page's screenshot is saved.
/// </summary>
public class AccessibilityTests : ServedConsoleWithBucket
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateTableAsync("orders");
        await PutRowsAsync("orders", 150, i => new JsonObject { ["name"] = $"order {i}", ["amount"] = i * 1.5, ["paid"] = i % 2 == 0 });
        await Api.OkAsync("CreateDeliveryTask", new
        {
            tableName = "orders",
            taskName = "orders-lake",
            taskType = "BASE_INC",
            taskConfig = new
            {
                ossEndpoint = Endpoint, ossBucket = Bucket, ossPrefix = "lake/$yyyy/$MM/$dd", ossDirtyPrefix = "dirty/$yyyy",
                ossStsRole = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
                schema = new object[]
                {
                    new { columnName = "id", type = "INT64" }, new { columnName = "name", type = "UTF8" },
                    new { columnName = "amount", type = "INT64" }, new { columnName = "paid", type = "BOOL" },
                },
            },
        });
    }

    [Fact]
    public async Task Every_page_with_data_has_no_serious_or_critical_accessibility_violation()
    {
        var key = await FirstObjectKeyAsync();
        var pages = new (string Name, string Path)[]
        {
            ("overview", "/"),
            ("tables-list", "/tables"),
            ("table", "/tables/orders"),
            ("delivery-list", "/delivery"),
            ("wizard", "/delivery/new?table=orders"),
            ("task", "/delivery/orders/orders-lake"),
            ("buckets", "/buckets"),
            ("bucket", $"/buckets/{Endpoint}/{Bucket}"),
            ("bucket-object", $"/buckets/{Endpoint}/{Bucket}?prefix={Uri.EscapeDataString(key[..(key.LastIndexOf('/') + 1)])}&key={Uri.EscapeDataString(key)}"),
        };
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var found = new List<string>();

        foreach (var dark in new[] { false, true })
        {
            if (dark)
                await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
            foreach (var (name, path) in pages)
            {
                await browser.GoToAsync(path);
                await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await browser.ScreenshotAsync(dark ? $"{name}-dark" : name);
                found.AddRange((await browser.SeriousAccessibilityViolationsAsync()).Select(v => $"{path}{(dark ? " (dark)" : "")}: {v}"));
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        Assert.Empty(browser.Errors);
    }

    /// <summary>Waits for the task's first delivered object and returns its key.</summary>
    private async Task<string> FirstObjectKeyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listing = await Api.OkAsync("ListObjects", new { endpoint = Endpoint, bucket = Bucket, prefix = "lake/" });
            if (listing["objects"]!.AsArray().FirstOrDefault() is { } first)
                return (string)first["key"]!;
            Assert.True(DateTime.UtcNow < deadline, "the task delivered no object within 60 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

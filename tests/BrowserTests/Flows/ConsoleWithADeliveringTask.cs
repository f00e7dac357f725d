using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// A console with something on every page: a table <c>orders</c> with 150 rows, a BASE_INC task <c>orders-lake</c>
/// delivering it into the bucket, and so delivered objects to browse.
/// </summary>
public abstract class ConsoleWithADeliveringTask : ServedConsoleWithBucket
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

    /// <summary>Every page of the console with data in it, by a short name (for screenshots) and its path.</summary>
    protected async Task<IReadOnlyList<(string Name, string Path)>> PagesAsync()
    {
        var key = await FirstObjectKeyAsync();
        return
        [
            ("overview", "/"),
            ("tables-list", "/tables"),
            ("table", "/tables/orders"),
            ("delivery-list", "/delivery"),
            ("wizard", "/delivery/new?table=orders"),
            ("task", "/delivery/orders/orders-lake"),
            ("buckets", "/buckets"),
            ("bucket", $"/buckets/{Endpoint}/{Bucket}"),
            ("bucket-object", $"/buckets/{Endpoint}/{Bucket}?prefix={Uri.EscapeDataString(key[..(key.LastIndexOf('/') + 1)])}&key={Uri.EscapeDataString(key)}"),
        ];
    }

    /// <summary>Opens a page, waits until it has its heading and its data, and saves its screenshot.</summary>
    protected static async Task OpenSettledAsync(BrowserSession browser, string path, string screenshot, bool fullPage = true)
    {
        // The sign-in page is static: it never opens a circuit.
        if (path == "/signin")
            await browser.Page.GotoAsync(path);
        else
            await browser.GoToAsync(path);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync(screenshot, fullPage);
    }

    /// <summary>Waits for the task's first delivered object and returns its key.</summary>
    private async Task<string> FirstObjectKeyAsync()
    {
        var deadline = DateTime.UtcNow + BrowserSession.Patience;
        while (true)
        {
            var listing = await Api.OkAsync("ListObjects", new { endpoint = Endpoint, bucket = Bucket, prefix = "lake/" });
            if (listing["objects"]!.AsArray().FirstOrDefault() is { } first)
                return (string)first["key"]!;
            Assert.True(DateTime.UtcNow < deadline, $"the task delivered no object within {BrowserSession.Patience.TotalSeconds} s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

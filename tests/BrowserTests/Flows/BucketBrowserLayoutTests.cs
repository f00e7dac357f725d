using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// The bucket browser's listing stays readable at the widths people use (1400 px with the navigation open, 800 px),
/// with an object's details open: a name shows at least its end (the sequence number), Size and Last modified are
/// neither cut nor wrapped, and nothing makes the page scroll sideways (a wide preview scrolls in its own box).
/// </summary>
public class BucketBrowserLayoutTests : ServedConsoleWithBucket
{
    private const string Table = "customer_orders_archive";
    private const string Task = "orders-archive";

    /// <summary>The first folder of the prefix is part of every object's name: a long one makes names too long for 800 px.</summary>
    private const string Folder = "customer_orders_archive_lake";

    [Fact]
    public async Task Long_delivered_object_names_keep_their_end_and_size_and_time_keep_one_line_at_1400_and_800_px()
    {
        var keys = await DeliverObjectsAsync(count: 12);
        // The newest object: the longest sequence number, the one a squeezed column loses first.
        var key = keys.MaxBy(k => long.Parse(k[(k.LastIndexOf("__", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture))!;
        var folder = key[..(key.LastIndexOf('/') + 1)];
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);

        foreach (var width in new[] { 1400, 800 })
        {
            await browser.Page.SetViewportSizeAsync(width, 900);
            await browser.GoToAsync(BucketUrl(folder, null));
            await Expect(browser.Page.GetByTestId("object-row").First).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"bucket-listing-{width}", fullPage: false);
            await browser.Page.GetByTitle(key[folder.Length..], new() { Exact = true }).ClickAsync();
            await Expect(browser.Page.GetByTestId("object-key")).ToHaveTextAsync(key);
            await Expect(browser.Page.GetByTestId("parquet-rows").Locator("tbody tr").First).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"bucket-object-{width}", fullPage: false);
            await browser.ScreenshotAsync($"bucket-object-{width}-full");

            var problems = await browser.Page.EvaluateAsync<string[]>(LayoutProblems);
            Assert.True(problems.Length == 0, $"at {width} px: {string.Join(Environment.NewLine, problems)}");
        }
        Assert.Empty(browser.Errors);
    }

    /// <summary>
    /// Every listing row's name shows its end on one line, its Size and Last modified are neither clipped nor wrapped,
    /// and the page is no wider than the window; each failure is one sentence.
    /// </summary>
    private const string LayoutProblems = """
        () => {
            const problems = [];
            const lines = element => {
                const range = document.createRange();
                range.selectNodeContents(element);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size;
            };
            for (const row of document.querySelectorAll("[data-testid=listing] tbody tr")) {
                const [name, size, modified] = row.querySelectorAll("td");
                const link = name.querySelector("a");
                const full = link.title;
                const tail = name.querySelector(".entry-name-tail");
                const box = name.getBoundingClientRect(), end = tail.getBoundingClientRect();
                if (!full.endsWith(tail.textContent) || end.left < box.left || end.right > box.right + 0.5)
                    problems.push(`the end of '${full}' is not visible`);
                const head = name.querySelector(".entry-name-head");
                if (lines(tail) !== 1 || lines(head) > 1 || (head.textContent && Math.abs(head.getBoundingClientRect().top - end.top) > 1))
                    problems.push(`'${full}' takes more than one line`);
                for (const [cell, column] of [[size, "Size"], [modified, "Last modified"]]) {
                    if (cell.scrollWidth > cell.clientWidth)
                        problems.push(`${column} '${cell.textContent}' of '${full}' is clipped`);
                    if (cell.textContent.trim() !== "" && lines(cell) !== 1)
                        problems.push(`${column} '${cell.textContent}' of '${full}' wraps over ${lines(cell)} lines`);
                }
            }
            const page = document.scrollingElement;
            if (page.scrollWidth > window.innerWidth)
                problems.push(`the page is ${page.scrollWidth} px wide in a ${window.innerWidth} px window`);
            return problems;
        }
        """;

    private static string BucketUrl(string prefix, string? key) =>
        $"/buckets/{Endpoint}/{Bucket}?prefix={Uri.EscapeDataString(prefix)}" + (key is null ? "" : $"&key={Uri.EscapeDataString(key)}");

    /// <summary>
    /// Delivers a table with long names and wide rows until the task has written <paramref name="count"/> objects,
    /// one change at a time (each flush writes one), and returns the delivered keys.
    /// </summary>
    private async Task<List<string>> DeliverObjectsAsync(int count)
    {
        await CreateTableAsync(Table);
        await PutRowsAsync(Table, 20, Row);
        await Api.OkAsync("CreateDeliveryTask", new
        {
            tableName = Table,
            taskName = Task,
            taskType = "BASE_INC",
            taskConfig = new
            {
                ossEndpoint = Endpoint, ossBucket = Bucket, ossPrefix = $"{Folder}/$yyyy/$MM/$dd",
                ossStsRole = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
                schema = new object[]
                {
                    new { columnName = "id", type = "INT64" }, new { columnName = "customer_name", type = "UTF8" },
                    new { columnName = "shipping_address", type = "UTF8" }, new { columnName = "delivery_instructions", type = "UTF8" },
                    new { columnName = "amount", type = "DOUBLE" },
                },
            },
            emulator = new { flushIntervalSeconds = 1 },
        });
        var written = 0L;
        for (var id = 21; written < count; id++)
        {
            var before = written;
            if (before > 0)
                await Api.OkAsync("PutRow", new JsonObject
                {
                    ["tableName"] = Table, ["primaryKey"] = new JsonObject { ["id"] = id }, ["columns"] = Row(id),
                }.ToJsonString());
            var status = await Eventually.UntilAsync(
                () => Api.OkAsync("DescribeDeliveryTask", new { tableName = Table, taskName = Task }),
                s => (long)s["emulator"]!["objectsWritten"]! > before,
                s => $"the task wrote no object after row {id}: {s.ToJsonString()}");
            written = (long)status["emulator"]!["objectsWritten"]!;
        }
        var listing = await Api.OkAsync("ListObjects", new { endpoint = Endpoint, bucket = Bucket, prefix = $"{Folder}/", maxKeys = 1000 });
        return [.. listing["objects"]!.AsArray().Select(o => (string)o!["key"]!)];
    }

    private static JsonObject Row(int id) => new()
    {
        ["customer_name"] = $"Customer number {id} of the archive",
        ["shipping_address"] = $"Flat {id}, 34 Long Harbour Street, Riverside District, Hangzhou 310000",
        ["delivery_instructions"] = "Leave the parcel with the building's reception desk if nobody answers",
        ["amount"] = id * 1.25,
    };
}

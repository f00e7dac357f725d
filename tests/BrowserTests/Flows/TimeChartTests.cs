using System.Globalization;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// The task page's chart in Chromium, on a console whose clock the test moves on (the table store's and the
/// engine's): objects written seconds apart and then minutes later stand on a time axis as far apart as their times.
/// </summary>
public class TimeChartTests : ServedConsoleWithBucket
{
    private const string Task = "orders-chart";

    /// <summary>The SVG's plot area, left to right (TimeChart's Left and Right).</summary>
    private const double PlotWidth = 530 - 64;

    private readonly ShiftedClock _clock;

    public TimeChartTests() : this(new ShiftedClock())
    {
    }

    private TimeChartTests(ShiftedClock clock) : base(clock) => _clock = clock;

    [Fact]
    public async Task Objects_seconds_and_minutes_apart_stand_as_far_apart_as_their_times_on_round_ticks()
    {
        await CreateTableAsync("orders");
        await CreateIncTaskAsync();
        // Objects seconds apart, then more seven and ten minutes later.
        await DeliverBatchAsync(1, rows: 40);
        await DeliverBatchAsync(2, rows: 60);
        _clock.MoveOn(TimeSpan.FromMinutes(7));
        await DeliverBatchAsync(3, rows: 30);
        _clock.MoveOn(TimeSpan.FromMinutes(3));
        var objects = await DeliverBatchAsync(4, rows: 70);

        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        await browser.Page.SetViewportSizeAsync(1400, 900);
        await browser.GoToAsync($"/delivery/orders/{Task}");
        var chart = browser.Page.GetByTestId("rows-chart");
        var points = chart.GetByTestId("point");
        await Expect(points).ToHaveCountAsync((int)objects);

        var times = await ReadAsync(points, "data-time");
        var xs = await ReadAsync(points, "cx");
        // x is proportional to time: each point's place across the plot is its time's place across the objects' span
        // (the axis pads nothing once the span is over a second).
        for (var i = 0; i < xs.Count; i++)
            Assert.Equal((times[i] - times[0]) / (times[^1] - times[0]), (xs[i] - xs[0]) / PlotWidth, 2);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.InRange(gaps.Min(), 0, 60_000);
        Assert.InRange(gaps.Max(), 3 * 60_000, 11 * 60_000);

        var ticks = await chart.GetByTestId("x-tick").AllTextContentsAsync();
        Assert.InRange(ticks.Count, 2, 6);
        // A span that crosses midnight (UTC) labels its ticks with the date as well (ChartScale).
        Assert.All(ticks, tick => Assert.Matches(@"^(\d{2}-\d{2} )?\d{2}:\d{2}$", tick));
        Assert.Equal(["0", "50", "100", "150", "200"], await chart.GetByTestId("y-tick").AllTextContentsAsync());
        await Expect(browser.Page.GetByTestId("chart-summary")).ToContainTextAsync($"{objects} data objects, 200 rows");
        await Expect(browser.Page.GetByTestId("chart-summary")).ToContainTextAsync("times in UTC");

        await browser.Page.GetByTestId("delivery-chart").ScrollIntoViewIfNeededAsync();
        await browser.Page.GetByTestId("delivery-chart").ScreenshotAsync(new() { Path = await browser.ScreenshotAsync("task-chart") });
        await browser.Page.SetViewportSizeAsync(800, 900);
        await Expect(points).ToHaveCountAsync((int)objects);
        await browser.ScreenshotAsync("task-chart-800");
        Assert.Empty(browser.Errors);
    }

    private Task CreateIncTaskAsync() => Api.OkAsync("CreateDeliveryTask", new
    {
        tableName = "orders",
        taskName = Task,
        taskType = "INC",
        taskConfig = new
        {
            ossEndpoint = Endpoint, ossBucket = Bucket, ossPrefix = "chart/$yyyy/$MM/$dd/$HH/$mm",
            ossStsRole = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
            schema = new object[] { new { columnName = "id", type = "INT64" }, new { columnName = "batch", type = "INT64" } },
        },
    });

    /// <summary>
    /// Puts <paramref name="rows"/> rows once the task reads changes and waits until all are delivered; returns the
    /// objects written by then (a batch is one object unless it straddles a partition folder).
    /// </summary>
    private async Task<long> DeliverBatchAsync(int batch, int rows)
    {
        var before = await Eventually.UntilAsync(DescribeAsync, d => (string?)d["taskSyncStat"]!["taskSyncPhase"] == "INCR",
            d => $"the task is in {d["taskSyncStat"]!["taskSyncPhase"]}");
        var delivered = (long)before["emulator"]!["rowsDelivered"]! + rows;
        await PutRowsAsync("orders", rows, _ => new JsonObject { ["batch"] = batch });
        var after = await Eventually.UntilAsync(DescribeAsync, d => (long)d["emulator"]!["rowsDelivered"]! == delivered,
            d => $"{d["emulator"]!["rowsDelivered"]} rows delivered, waiting for {delivered} (batch {batch})");
        return (long)after["emulator"]!["objectsWritten"]!;
    }

    private Task<JsonNode> DescribeAsync() => Api.OkAsync("DescribeDeliveryTask", new { tableName = "orders", taskName = Task });

    private static async Task<List<double>> ReadAsync(ILocator points, string attribute) =>
        [.. (await points.EvaluateAllAsync<string[]>($"all => all.map(p => p.getAttribute('{attribute}'))"))
            .Select(value => double.Parse(value, CultureInfo.InvariantCulture))];

    /// <summary>The system's clock, moved on by the test as if that much time had passed between two steps.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private long _shiftTicks;

        public void MoveOn(TimeSpan time) => Interlocked.Add(ref _shiftTicks, time.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
    }
}

using Bunit;
using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Web.Components.Pages.Delivery.Detail;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.Delivery;

public class TaskDetailPageTests : DeliveryPageTest
{
    [Fact]
    public void An_unknown_task_says_so_and_links_back_to_the_list()
    {
        var page = RenderDetail("orders", "nope");

        Assert.Contains("Table 'orders' has no delivery task named 'nope'", page.Find("[data-testid=task-not-found]").TextContent);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/delivery" && a.TextContent.Contains("Back to delivery tasks"));
        Assert.Equal("Task not found", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task The_configuration_shows_what_the_task_was_created_with()
    {
        CreateTable("orders");
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", prefix: "lake/$yyyy/$MM",
            schema: [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "UTF8", "customer_name", "PLAIN_DICTIONARY")]);

        var page = RenderDetail("orders", "orders-inc");

        Assert.Equal("orders-inc", page.Find("h1").TextContent);
        var config = Text(page.Find("[data-testid=configuration]"));
        Assert.Contains("Incremental (INC)", config);
        Assert.Contains(Endpoint, config);
        Assert.Contains("lake/$yyyy/$MM", config);
        Assert.Contains(Role, config);
        // The harness's instance flushes every second; the task set none of its own.
        Assert.Equal("1 s: the instance default", Text(page.Find("[data-testid=flush-interval]")));
        Assert.Equal("64 MiB of Parquet data per partition: the instance default", Text(page.Find("[data-testid=flush-size]")));
        Assert.Equal("Asia/Shanghai: the instance default", Text(page.Find("[data-testid=partition-time-zone]")));
        Assert.Equal("Times on this page are in UTC. Partition folders (the prefix's time variables) are in Asia/Shanghai, " +
            "the task's partition time zone (the instance default).", Text(page.Find("[data-testid=time-zones]")));
        var schema = page.FindAll("[data-testid=schema] tbody tr").Select(tr => tr.TextContent.Trim().Split('\n').Select(c => c.Trim())).ToList();
        Assert.Equal(2, schema.Count);
        Assert.Equal(["Configuration", "Config versions", "Progress", "Delivered objects", "Dirty data", "Events"],
            page.FindAll("h2").Select(h => h.TextContent.Trim()).OrderBy(t => Array.IndexOf(Sections, t)));
        Assert.Contains("customer_name", page.Find("[data-testid=schema]").TextContent);
        Assert.Contains("PLAIN_DICTIONARY", page.Find("[data-testid=schema]").TextContent);
    }

    [Fact]
    public async Task A_delivered_snapshot_shows_counters_progress_objects_linking_to_the_bucket_browser_and_events()
    {
        CreateTable("orders", rows: 25);
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-base", type: "BASE", prefix: "lake/$yyyy");
        var status = await WaitForTaskAsync("orders", "orders-base", s => s.State.Finished);
        await WaitForEventAsync("orders-base", e => e.Message.StartsWith("Snapshot delivered"));

        var page = RenderDetail("orders", "orders-base");

        Assert.Equal("25", page.Find("[data-testid=rows-delivered]").TextContent);
        Assert.Equal(status.State.ObjectsWritten.ToString(), page.Find("[data-testid=objects-written]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=dirty-cells]").TextContent);
        Assert.Contains("25 of 25 rows scanned (100.0 %)", Text(page.Find("[data-testid=snapshot-progress-text]")));
        Assert.Equal("100", page.Find("[aria-label='Snapshot progress']").GetAttribute("aria-valuenow"));
        Assert.Equal("step", page.Find("[data-testid=step-INCR]").GetAttribute("aria-current"));
        var link = page.Find("[data-testid=objects] tbody tr td a");
        var key = link.TextContent.Trim();
        var year = DateTime.UtcNow.AddHours(8).Year; // the default partition zone is Asia/Shanghai
        Assert.StartsWith($"lake/{year}/orders-base_0_lake_{year}__", key);
        Assert.Equal($"/buckets/{Uri.EscapeDataString(Endpoint)}/lake?prefix=lake%2F{year}%2F&key={Uri.EscapeDataString(key)}", link.GetAttribute("href"));
        await using (var delivered = await LocalEndpoint.GetObjectAsync("lake", key, Ct))
            Assert.True(delivered.CanRead);
        var events = page.Find("[data-testid=events]").TextContent;
        Assert.Contains("Created: BASE of table orders", events);
        Assert.Contains("Snapshot delivered", events);
        // Newest first: the snapshot's end comes before the creation.
        Assert.True(events.IndexOf("Snapshot delivered", StringComparison.Ordinal) < events.IndexOf("Created:", StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-testid=no-dirty-data]"));
    }

    [Fact]
    public async Task Dirty_cells_are_counted_per_column_and_the_column_select_filters_the_records()
    {
        CreateTable("orders", rows: 6);
        await CreateBucketAsync("lake");
        // name is a STRING and flag a BOOLEAN: neither fits these types, so every such cell is dirty.
        await CreateTaskAsync("orders", "orders-dirty", type: "BASE",
            schema: [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "INT64"), new SchemaColumnConfig("flag", "UTF8")]);
        await WaitForTaskAsync("orders", "orders-dirty", s => s.State.Finished);
        Navigation.NavigateTo("/delivery/orders/orders-dirty");
        var popovers = Render<MudPopoverProvider>();

        var page = RenderDetail("orders", "orders-dirty");

        Assert.Equal("12", page.Find("[data-testid=dirty-cells]").TextContent);
        var counts = page.FindAll("[data-testid=dirty-counts] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal([["flag", "BOOLEAN", "6"], ["name", "STRING", "6"]], counts);
        Assert.Equal(12, page.FindAll("[data-testid=dirty-records] tbody tr").Count);

        await page.Find("[data-testid=dirty-column] .mud-input-control, div.mud-input-control").MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "name"));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "name").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=dirty-records] tbody tr").Count));
        var record = page.Find("[data-testid=dirty-records] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("name", record[1]);
        Assert.Equal("INT64", record[2]);
        Assert.Equal("STRING", record[3]);
        Assert.StartsWith("name-", record[4]);
        Assert.Equal("FULL", record[5]);
        Assert.Contains("\"id\"", record[0]);
    }

    [Fact]
    public async Task New_deliveries_appear_on_the_next_tick_without_a_reload()
    {
        CreateTable("orders");
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.Phase == TaskPhase.Incr);
        var page = RenderDetail("orders", "orders-inc");
        Assert.Equal("0", page.Find("[data-testid=rows-delivered]").TextContent);
        Assert.NotNull(page.Find("[data-testid=no-objects]"));

        WriteRows("orders", 1, 30);
        var status = await WaitForTaskAsync("orders", "orders-inc", s => s.State.RowsDelivered == 30);
        Tick();

        page.WaitForAssertion(() => Assert.Equal("30", page.Find("[data-testid=rows-delivered]").TextContent));
        page.WaitForAssertion(() => Assert.Equal((int)status.State.ObjectsWritten, page.FindAll("[data-testid=objects] tbody tr").Count));
        Assert.Equal(status.State.ObjectsWritten.ToString(), page.Find("[data-testid=objects-written]").TextContent);
        Assert.Equal("30", page.Find("[data-testid=objects] tbody tr td:nth-child(2)").TextContent);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_then_removes_the_task_and_returns_to_the_list()
    {
        CreateTable("orders");
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.Phase == TaskPhase.Incr);
        Navigation.NavigateTo("/delivery/orders/orders-inc");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderDetail("orders", "orders-inc");

        // Not awaited: the click's handler waits for the answer to the dialog it opens.
        var deleting = ButtonNamed(page.FindAll("button"), "Delete task").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Delete task 'orders-inc'?", dialogs.Markup));
        await ButtonNamed(dialogs.FindAll("button"), "Delete").ClickAsync(new());
        await deleting;

        page.WaitForAssertion(() => Assert.EndsWith("/delivery", Navigation.Uri));
        Assert.Empty(await Engine.ListTasksAsync(null, Ct));
    }

    [Fact]
    public async Task Cancelling_the_confirmation_keeps_the_task()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        Navigation.NavigateTo("/delivery/orders/orders-inc");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderDetail("orders", "orders-inc");

        // Not awaited: the click's handler waits for the answer to the dialog it opens.
        var deleting = ButtonNamed(page.FindAll("button"), "Delete task").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Delete task 'orders-inc'?", dialogs.Markup));
        await ButtonNamed(dialogs.FindAll("button"), "Cancel").ClickAsync(new());
        await deleting;

        Assert.Single(await Engine.ListTasksAsync(null, Ct));
        Assert.EndsWith("/delivery/orders/orders-inc", Navigation.Uri);
    }

    [Fact]
    public async Task A_task_still_initializing_shows_its_error_and_explains_why_it_cannot_be_deleted_yet()
    {
        CreateTable("orders");
        // The bucket does not exist: the task cannot leave INIT, reports INVALID_OSS_BUCKET and retries.
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);
        await WaitForEventAsync("orders-inc", e => e.Level == TaskEvent.Error);
        var dialogs = Render<MudDialogProvider>();
        var page = RenderDetail("orders", "orders-inc");

        var error = page.Find("[data-testid=task-error]").TextContent;
        Assert.Contains("INVALID_OSS_BUCKET", error);
        Assert.Contains("missing", error);
        Assert.Contains("retries by itself at", error);
        Assert.Equal("Error", page.Find("[data-testid=phase-chip]").TextContent.Trim());
        Assert.Contains(page.FindAll("[data-testid=events] tr"), tr => tr.GetAttribute("data-level") == "error");

        // Not awaited: the click's handler waits for the answer to the dialog it opens.
        var deleting = ButtonNamed(page.FindAll("button"), "Delete task").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Delete task 'orders-inc'?", dialogs.Markup));
        await ButtonNamed(dialogs.FindAll("button"), "Delete").ClickAsync(new());
        await deleting;

        page.WaitForAssertion(() => Assert.Contains("is initializing, retry later", page.Find("[data-testid=delete-error]").TextContent));
        Assert.Single(await Engine.ListTasksAsync(null, Ct));
    }

    [Fact]
    public async Task Objects_are_paged_newest_first_and_previous_returns_to_the_same_rows()
    {
        CreateTable("orders");
        // A task that cannot leave INIT (no bucket) writes nothing itself: the catalog holds only the seeded objects.
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        await SeedObjectsAsync("orders-inc", DeliveredObjectsTable.PageSize + 5);
        var page = RenderDetail("orders", "orders-inc");
        var firstPage = ObjectKeys(page);
        Assert.Equal(Enumerable.Range(6, DeliveredObjectsTable.PageSize).Reverse().Select(i => $"p/o__{i}"), firstPage);
        Assert.Equal("1–20 of 25 data objects", page.Find("[data-testid=data-objects-range]").TextContent);

        await ButtonNamed(page.FindAll("button"), "Next page of data objects").ClickAsync(new());

        Assert.Equal(["p/o__5", "p/o__4", "p/o__3", "p/o__2", "p/o__1"], ObjectKeys(page));
        Assert.True(ButtonNamed(page.FindAll("button"), "Next page of data objects").HasAttribute("disabled"));
        await ButtonNamed(page.FindAll("button"), "Previous page of data objects").ClickAsync(new());
        Assert.Equal(firstPage, ObjectKeys(page));
    }

    [Fact]
    public async Task The_chart_draws_at_most_200_points_of_many_objects()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        await SeedObjectsAsync("orders-inc", 500);

        var page = RenderDetail("orders", "orders-inc");

        Assert.StartsWith("500 data objects (drawn as 200 points), 5,000 rows; freshness when written: median 2.0 s",
            page.Find("[data-testid=chart-summary]").TextContent);
        Assert.Equal(200, page.FindAll("[data-testid=rows-chart] [data-testid=point]").Count);
        Assert.Equal(200, page.FindAll("[data-testid=freshness-chart] [data-testid=point]").Count);
    }

    [Fact]
    public async Task Data_objects_and_dirty_data_objects_are_counted_apart_on_the_counters_the_list_and_the_events()
    {
        CreateTable("orders", rows: 6);
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-dirty", type: "BASE", prefix: "lake", dirtyPrefix: "dirty",
            schema: [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "INT64")]);
        var status = await WaitForTaskAsync("orders", "orders-dirty", s => s.State.Finished);
        await WaitForEventAsync("orders-dirty", e => e.Message.StartsWith("Snapshot delivered"));

        var page = RenderDetail("orders", "orders-dirty");

        Assert.Equal((1, 1), (status.State.ObjectsWritten, status.State.DirtyObjectsWritten));
        Assert.Equal("1", page.Find("[data-testid=objects-written]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=dirty-objects-written]").TextContent);
        Assert.Single(page.FindAll("[data-testid=objects] tbody tr"));
        Assert.Equal("1–1 of 1 data objects", page.Find("[data-testid=data-objects-range]").TextContent);
        Assert.StartsWith("Dirty-data objects: 1,", page.Find("[data-testid=dirty-objects-count]").TextContent.Trim());
        var dirty = Text(page.Find("[data-testid=dirty-object]"));
        Assert.StartsWith("Dirty-data object (JSON Lines, ", dirty);
        Assert.Contains("dirty/orders-dirty_0_dirty__1", dirty);
        Assert.Contains("Snapshot delivered: 6 rows read; 6 rows in 1 object (+1 dirty-data object) so far.", page.Find("[data-testid=events]").TextContent);
    }

    [Fact]
    public async Task A_task_without_a_dirty_data_prefix_says_so_instead_of_counting_dirty_data_objects()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");

        var page = RenderDetail("orders", "orders-inc");

        Assert.Equal("none (no dirty data prefix)", page.Find("[data-testid=dirty-objects-written]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=objects-written]").TextContent);
    }

    [Theory]
    [InlineData(0, "none yet")]
    [InlineData(1, "one so far")]
    public async Task Under_two_objects_the_chart_is_a_placeholder_that_says_when_it_appears(int objects, string sofar)
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        await SeedObjectsAsync("orders-inc", objects);

        var page = RenderDetail("orders", "orders-inc");

        Assert.Equal($"The chart appears after the first objects are written: it needs two objects to draw a line ({sofar}).",
            Text(page.Find("[data-testid=chart-placeholder]")));
        Assert.Empty(page.FindAll("[data-testid=delivery-chart] svg"));
    }

    [Fact]
    public async Task The_chart_has_at_most_six_round_ticks_per_axis_and_says_what_freshness_is()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        await SeedObjectsAsync("orders-inc", 60);

        var page = RenderDetail("orders", "orders-inc");

        // 60 objects one second apart, 10 rows each: a minute of time, 600 rows.
        var times = page.FindAll("[data-testid=rows-chart] [data-testid=x-tick]").Select(t => t.TextContent).ToList();
        Assert.InRange(times.Count, 2, ChartScale.MaxTicks);
        Assert.All(times, t => Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", t));
        Assert.All(times, t => Assert.Contains(t[^2..], new[] { "00", "10", "15", "20", "30", "40", "45", "50" }));
        var rows = page.FindAll("[data-testid=rows-chart] [data-testid=y-tick]").Select(t => t.TextContent).ToList();
        Assert.Equal(["0", "200", "400", "600"], rows);
        var freshness = page.FindAll("[data-testid=freshness-chart] [data-testid=y-tick]").Select(t => t.TextContent).ToList();
        Assert.Equal(["0", "1 s", "2 s"], freshness);
        Assert.Equal("Freshness: how far the newest delivered change is behind now (now minus the current sync time); the counter " +
            $"above shows it now ({page.Find("[data-testid=freshness]").TextContent}), the chart when each object was written.",
            Text(page.Find("[data-testid=freshness-definition]")));
    }

    [Fact]
    public void Ticks_stay_round_and_few_whatever_the_range()
    {
        var from = new DateTimeOffset(2026, 12, 5, 10, 41, 7, TimeSpan.Zero);
        foreach (var span in new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(47), TimeSpan.FromMinutes(7), TimeSpan.FromHours(5), TimeSpan.FromDays(3) })
        {
            var ticks = ChartScale.TimeTicks(from, from + span);
            Assert.InRange(ticks.Count, 1, ChartScale.MaxTicks);
            Assert.All(ticks, t => Assert.InRange(t.Value, from, from + span));
        }
        Assert.Equal(["10:42", "10:44", "10:46", "10:48"], ChartScale.TimeTicks(from, from.AddMinutes(7)).Select(t => t.Label));
        foreach (var max in new[] { 1.0, 3, 17, 20, 99, 1234, 987_654 })
        {
            var (top, ticks) = ChartScale.CountTicks(max);
            Assert.InRange(ticks.Count, 2, ChartScale.MaxTicks);
            Assert.True(top >= max);
        }
        Assert.Equal(["0", "5", "10", "15", "20"], ChartScale.CountTicks(17).Ticks.Select(t => t.Label));
        Assert.Equal(["0", "1 min", "2 min", "3 min"], ChartScale.DurationTicks(170).Ticks.Select(t => t.Label));
    }

    [Fact]
    public async Task Escape_closes_the_delete_confirmation_and_keeps_the_task()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderDetail("orders", "orders-inc");

        var deleting = ButtonNamed(page.FindAll("button"), "Delete task").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Delete task 'orders-inc'?", dialogs.Markup));
        // MudBlazor closes on Escape through its JS key interceptor, which bUnit does not run: the option is what the
        // page controls (the browser's behaviour is MudBlazor's); closing it as Escape does keeps the task.
        IMudDialogInstance dialog = dialogs.FindComponent<MudDialogContainer>().Instance;
        Assert.True(dialog.Options.CloseOnEscapeKey);
        await dialogs.InvokeAsync(dialog.Cancel);
        await deleting;

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete task 'orders-inc'?", dialogs.Markup));
        Assert.Single(await Engine.ListTasksAsync(null, Ct));
    }

    [Fact]
    public void Downsampling_keeps_the_first_and_the_newest_point()
    {
        var points = Enumerable.Range(1, 1000).Select(i => new DeliveryChart.ChartPoint(DateTimeOffset.UnixEpoch.AddSeconds(i), i * 10, 1)).ToList();

        var kept = DeliveryChart.Downsample(points, DeliveryChart.MaxPoints);

        Assert.Equal(DeliveryChart.MaxPoints, kept.Count);
        Assert.Equal(10, kept[0].CumulativeRows);
        Assert.Equal(10_000, kept[^1].CumulativeRows);
        Assert.Same(points, DeliveryChart.Downsample(points, 1000));
    }

    /// <summary>Objects <c>p/o__1</c>..<c>p/o__N</c> (10 rows each, written 2 s after their last commit), oldest first.</summary>
    private async Task SeedObjectsAsync(string task, int count)
    {
        await using var db = await CatalogFactory.CreateDbContextAsync(Ct);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()); // whole seconds
        for (var i = 1; i <= count; i++)
        {
            var written = start.AddSeconds(i);
            db.DeliveredObjects.Add(new DeliveredObjectRow
            {
                TaskName = task, Key = $"p/o__{i}", Prefix = "p", SequenceId = i, Phase = TaskPhase.Incr,
                FirstPosition = i * 10 - 9, LastPosition = i * 10, Rows = 10, Bytes = 1000 + i,
                MinPartitionTime = written.AddSeconds(-3), MaxPartitionTime = written.AddSeconds(-2),
                FirstCommitTime = written.AddSeconds(-3).ToUnixTimeMilliseconds(), LastCommitTime = written.AddSeconds(-2).ToUnixTimeMilliseconds(),
                WrittenAt = written, SyncTime = written.AddSeconds(-2).ToUnixTimeMilliseconds(),
            });
        }
        await db.SaveChangesAsync(Ct);
    }

    private static readonly string[] Sections = ["Configuration", "Config versions", "Progress", "Delivered objects", "Dirty data", "Events"];

    [Fact]
    public async Task A_failure_the_service_has_no_code_for_shows_EMULATOR_ERROR_with_its_message_until_delivery_succeeds()
    {
        CreateTable("orders", rows: 3);
        await CreateBucketAsync("lake");
        // An object named "out" where the task's objects need a folder "out": the local endpoint cannot hold both.
        var blocker = Path.Combine(((LocalFolderEndpoint)LocalEndpoint).Folder, "lake", "out");
        File.WriteAllText(blocker, "someone else's object");
        await CreateTaskAsync("orders", "orders-base", type: "BASE");
        await WaitForTaskAsync("orders", "orders-base", s => s.State.Fault == TaskFault.EmulatorError);
        var page = RenderDetail("orders", "orders-base");

        var error = page.Find("[data-testid=task-error]").TextContent;
        Assert.Contains("EMULATOR_ERROR", error);
        Assert.Contains("needs 'out' to be a folder", error);
        Assert.Contains("has no error code for", error);
        Assert.Contains("retries by itself at", error);
        Assert.Equal("Error", page.Find("[data-testid=phase-chip]").TextContent.Trim());

        File.Delete(blocker);
        await WaitForTaskAsync("orders", "orders-base", s => s.State.Finished && !s.State.IsFailing());
        Tick();

        page.WaitForAssertion(() => Assert.Equal("Completed", page.Find("[data-testid=phase-chip]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=task-error]"));
        Assert.Empty(page.FindAll("[data-testid=task-warning]"));
    }

        private IRenderedComponent<TaskDetailPage> RenderDetail(string table, string task) =>
        Render<TaskDetailPage>(p => p.Add(x => x.TableName, table).Add(x => x.TaskName, task));

    private static List<string> ObjectKeys(IRenderedComponent<TaskDetailPage> page) =>
        [.. page.FindAll("[data-testid=objects] tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    private static string Text(AngleSharp.Dom.IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private static AngleSharp.Dom.IElement ButtonNamed(IEnumerable<AngleSharp.Dom.IElement> buttons, string name) =>
        buttons.Single(b => b.GetAttribute("aria-label") == name || (b.GetAttribute("aria-label") is null && b.TextContent.Trim() == name));
}

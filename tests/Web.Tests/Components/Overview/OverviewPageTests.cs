using Bunit;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Components.Pages.Overview;

namespace DeliveryConsole.Web.Tests.Components.Overview;

public class OverviewPageTests : ConsoleComponentTest
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private static readonly SchemaColumnConfig[] IdColumn = [new("id", "INT64")];

    [Fact]
    public async Task Tables_and_tasks_are_counted_with_links()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Tables.CreateTable("users", [new("id", PrimaryKeyType.Integer)]);
        for (var i = 0; i < 3; i++)
            Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(i))], [new("v", Value.Integer(i))]));
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await CreateTaskAsync("orders", "orders-lake", "lake", "INC");
        await WaitForAsync("orders", "orders-lake", s => s.State.Phase == TaskPhase.Incr);

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal("2 tables", page.Find("[data-testid=table-count]").TextContent));
        Assert.Equal("test-instance", page.Find("[data-testid=overview-instance]").TextContent);
        Assert.Equal([["orders", "3"], ["users", "0"]], Cells(page, "overview-tables"));
        Assert.Equal(["/tables/orders", "/tables/users"], page.FindAll("[data-testid=overview-tables] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("1 task", page.Find("[data-testid=task-count]").TextContent);
        Assert.Equal([["Initializing", "0"], ["Full sync", "0"], ["Incremental sync", "1"], ["Completed", "0"], ["Retrying", "0"], ["Error", "0"]],
            Cells(page, "tasks-by-phase"));
        Assert.Equal(["/delivery?phase=Initializing", "/delivery?phase=Full%20sync", "/delivery?phase=Incremental%20sync",
            "/delivery?phase=Completed", "/delivery?phase=Retrying", "/delivery?phase=Error"],
            page.FindAll("[data-testid=tasks-by-phase] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("No task is in error.", page.Find("[data-testid=no-task-errors]").TextContent);
        Assert.Contains("Reachable", page.Find("[data-testid=endpoints]").TextContent);
    }

    [Fact]
    public async Task Counts_follow_new_tables_rows_and_a_failing_task_without_a_reload()
    {
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal("0 tables", page.Find("[data-testid=table-count]").TextContent));
        Assert.Equal("0 tasks", page.Find("[data-testid=task-count]").TextContent);

        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(1))], [new("v", Value.Integer(1))]));
        Tick();
        page.WaitForAssertion(() => Assert.Equal([["orders", "1"]], Cells(page, "overview-tables")));

        // No bucket: the task stays in INIT with INVALID_OSS_BUCKET, which the chip calls Error.
        await CreateTaskAsync("orders", "no-bucket", "missing", "BASE_INC");
        var failing = await WaitForAsync("orders", "no-bucket", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);
        Tick();

        page.WaitForAssertion(() => Assert.Equal("1 task", page.Find("[data-testid=task-count]").TextContent));
        Assert.Equal(["Error", "1"], Cells(page, "tasks-by-phase").Single(r => r[0] == "Error"));
        Assert.Equal([["no-bucket", "orders", "INVALID_OSS_BUCKET: " + failing.State.Detail]], Cells(page, "tasks-in-error"));
        Assert.Contains("missing", failing.State.Detail);
        Assert.Equal("/delivery/orders/no-bucket", page.Find("[data-testid=tasks-in-error] a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_task_failing_while_the_service_code_says_OK_is_counted_and_listed_in_error()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(1))], [new("v", Value.Integer(1))]));
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        // An object named "p" where the task's objects need a folder "p": a failure the service has no code for.
        File.WriteAllText(Path.Combine(((LocalFolderEndpoint)LocalEndpoint).Folder, "lake", "p"), "someone else's object");
        await CreateTaskAsync("orders", "blocked", "lake", "BASE_INC");
        var failing = await WaitForAsync("orders", "blocked", s => s.State.Fault == TaskFault.EmulatorError);

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(["Error", "1"], Cells(page, "tasks-by-phase").Single(r => r[0] == "Error")));
        Assert.Equal([["blocked", "orders", "EMULATOR_ERROR: " + failing.State.Detail]], Cells(page, "tasks-in-error"));
        Assert.Contains("needs 'p' to be a folder", failing.State.Detail);
    }

        private async Task CreateTaskAsync(string table, string task, string bucket, string type) =>
        Assert.Null(await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest(table, task,
            new DeliveryTaskConfig("p", bucket, Endpoint, Role, IdColumn), type), Cancel));

    /// <summary>Describes the task until <paramref name="reached"/> holds (the engine runs on real time).</summary>
    private async Task<DeliveryTaskStatus> WaitForAsync(string table, string task, Func<DeliveryTaskStatus, bool> reached) =>
        await Eventually.UntilAsync(async () => (await Engine.DescribeTaskAsync(table, task, Cancel))!, reached,
            status => $"task {task} did not get there; last: {status.State}");

    private static List<List<string>> Cells(IRenderedComponent<OverviewPage> page, string table) =>
        [.. page.FindAll($"[data-testid={table}] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())];
}

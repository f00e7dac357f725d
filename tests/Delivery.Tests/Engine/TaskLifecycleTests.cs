using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Creating, listing, failing, recovering and deleting tasks through the engine.</summary>
public sealed class TaskLifecycleTests : IDisposable
{
    private static readonly CreateTaskSchema Schema = new(["id", "v"], ["UTF8", "INT64"]);
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_missing_bucket_shows_INVALID_OSS_BUCKET_keeps_the_task_in_INIT_and_recovers_when_created()
    {
        await using var host = await EngineHost.StartAsync(_data, createBucket: false);
        CreateTable(host);
        Put(host, "a", 1);
        await host.CreateAsync(EngineRequests.Task("t", "no-bucket", "BASE_INC", "p", Schema));
        var failing = await host.WaitForAsync("t", "no-bucket", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);
        Assert.Equal(TaskPhase.Init, failing.State.Phase);
        Assert.Contains(EngineHost.Bucket, failing.State.Detail);
        Assert.NotNull(failing.State.RetryAt);

        var refused = await host.Engine.DeleteTaskAsync("t", "no-bucket", CancellationToken.None);
        Assert.Equal(TableStoreError.ParameterInvalid, refused?.Code);
        Assert.Contains("initializing, retry later", refused!.Message);

        Directory.CreateDirectory(host.BucketFolder);
        Put(host, "b", 2);
        var done = await host.WaitCaughtUpAsync("t", "no-bucket");
        Assert.Equal(TaskErrorCode.Ok, done.State.ErrorCode);
        Assert.Equal("", done.State.Detail);
        DeliveredRows.AssertSame(["p|a|1", "p|b|2"], DeliveredRows.Read(host, "p/"));
    }

    [Fact]
    public async Task A_fixed_fault_clears_even_when_there_is_nothing_to_deliver()
    {
        await using var host = await EngineHost.StartAsync(_data, createBucket: false);
        CreateTable(host);
        await host.CreateAsync(EngineRequests.Task("t", "idle-task", "INC", "p", Schema));
        await host.WaitForAsync("t", "idle-task", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);

        Directory.CreateDirectory(host.BucketFolder);
        var recovered = await host.WaitForAsync("t", "idle-task", s => s.State.ErrorCode == TaskErrorCode.Ok && s.State.Phase == TaskPhase.Incr);
        Assert.Equal("", recovered.State.Detail);
        Assert.Null(recovered.State.RetryAt);
        Assert.Equal(0, recovered.State.RowsDelivered);
    }

    [Fact]
    public async Task A_role_other_than_the_service_role_shows_UNAUTHORIZED()
    {
        await using var host = await EngineHost.StartAsync(_data);
        CreateTable(host);
        var request = EngineRequests.Task("t", "other-role", "INC", "p", Schema);
        await host.CreateAsync(request with { TaskConfig = request.TaskConfig with { OssStsRole = $"acs:ram::{EngineHost.AccountId}:role/someone-else" } });
        var failing = await host.WaitForAsync("t", "other-role", s => s.State.ErrorCode == TaskErrorCode.Unauthorized);
        Assert.Contains("someone-else", failing.State.Detail);
    }

    [Fact]
    public async Task Tasks_are_listed_described_and_deleted_and_deletes_deliver_nothing()
    {
        await using var host = await EngineHost.StartAsync(_data);
        CreateTable(host);
        host.Tables.CreateTable("other", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        await host.CreateAsync(EngineRequests.Task("t", "task-a", "INC", "a", Schema));
        await host.CreateAsync(EngineRequests.Task("other", "task-b", "BASE", "b", Schema));
        var duplicate = await host.Engine.CreateTaskAsync(EngineRequests.Task("t", "task-b", "INC", "c", Schema), CancellationToken.None);
        Assert.Equal(TableStoreError.ObjectAlreadyExist, duplicate?.Code);

        Assert.Equal(["task-a", "task-b"], (await host.Engine.ListTasksAsync(null, CancellationToken.None)).Select(t => t.TaskName));
        Assert.Equal(["task-a"], (await host.Engine.ListTasksAsync("t", CancellationToken.None)).Select(t => t.TaskName));

        Put(host, "x", 1);
        host.Writer.WriteRow("t", new RowWrite(WriteType.Delete, [new KeyColumn("id", Value.String("x"))]));
        host.Writer.WriteRow("t", new RowWrite(WriteType.Update, [new KeyColumn("id", Value.String("y"))], DeleteAll: ["v"]));
        var done = await host.WaitCaughtUpAsync("t", "task-a");
        Assert.Equal(1, done.State.RowsDelivered);
        Assert.Equal("INC", done.Definition.Request.TaskType);
        Assert.Equal(1, done.Definition.Request.Emulator!.FlushIntervalSeconds);

        Assert.Null(await host.Engine.DeleteTaskAsync("t", "task-a", CancellationToken.None));
        Assert.Null(await host.Engine.DescribeTaskAsync("t", "task-a", CancellationToken.None));
        Assert.Equal(TableStoreError.ObjectNotExist, (await host.Engine.DeleteTaskAsync("t", "task-a", CancellationToken.None))?.Code);
        Assert.DoesNotContain(EngineHost.HoldOf("task-a"), host.ChangeLog.ChangeHoldConsumers);
        Assert.Single(host.ObjectKeys(), key => key.StartsWith("a/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_small_flush_size_splits_delivery_into_several_objects()
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("big", [new PrimaryKeyColumn("id", PrimaryKeyType.Integer)]);
        await host.CreateAsync(EngineRequests.Task("big", "size-task", "INC", "big", new(["id", "s"], ["INT64", "UTF8"]),
            emulator: new EmulatorTaskConfig(FlushIntervalSeconds: 3600, FlushSizeMiB: 1)));
        var text = new string('z', 2000);
        for (var i = 0; i < 3000; i++)
            host.Writer.WriteRow("big", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.Integer(i))], [new ColumnPut("s", Value.String(text))]));
        // Nearly 6 MiB: each 1 MiB fills an object; the rest waits for the hour-long interval.
        var status = await host.WaitForAsync("big", "size-task", s => s.State.ObjectsWritten >= 3);
        Assert.InRange(status.State.RowsDelivered, 1000, 2999);
        Assert.All(host.ObjectKeys(), key => Assert.True(new FileInfo(Path.Combine(host.BucketFolder, key)).Length < 2 * 1024 * 1024));
    }

    private static void CreateTable(EngineHost host) => host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);

    private static void Put(EngineHost host, string id, long v) =>
        host.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))], [new ColumnPut("v", Value.Integer(v))]));

    public void Dispose() => _data.Dispose();
}

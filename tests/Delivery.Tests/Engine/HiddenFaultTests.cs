using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tests.Partitioning;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// Faults that once hid behind an OK status (issue 14): a failure the real service has no code for, an upload's
/// temp file left by a kill, and a task that waited out its backoff after its endpoint came back.
/// </summary>
public sealed class HiddenFaultTests : IDisposable
{
    private static readonly CreateTaskSchema Schema = new(["id", "v"], ["UTF8", "INT64"]);
    private readonly TempFolder _data = new();

    private static Func<DeliveryOptions, DeliveryOptions> QuickRetries => o => o with { MaxRetryDelay = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task A_failure_without_a_service_code_shows_EMULATOR_ERROR_keeps_retrying_and_clears_once_delivery_succeeds()
    {
        await using var host = await EngineHost.StartAsync(_data, QuickRetries);
        WriteRows(host, "t", 20);
        // An object named "p" where the task's objects need a folder "p": the local endpoint cannot hold both.
        var blocker = Path.Combine(host.BucketFolder, "p");
        File.WriteAllText(blocker, "an object of someone else");
        await host.CreateAsync(EngineRequests.Task("t", "blocked", "BASE_INC", "p", Schema));

        var failing = await host.WaitForAsync("t", "blocked", s => s.State.Fault == TaskFault.EmulatorError);
        Assert.Equal(TaskErrorCode.Ok, failing.State.ErrorCode);
        Assert.Equal("EMULATOR_ERROR", failing.State.EmulatorErrorCode());
        Assert.True(failing.State.IsFailing());
        Assert.StartsWith("retrying: ", failing.State.Detail);
        Assert.Contains("needs 'p' to be a folder", failing.State.Detail);
        Assert.NotNull(failing.State.RetryAt);
        // The checkpoint is saved after the state the runner shows: wait for it, on a busy machine it can lag.
        await SavedFaultAsync(host, TaskFault.EmulatorError);
        // It keeps retrying: a later failure, still shown.
        await host.WaitForAsync("t", "blocked", s => s.State.LastErrorTime > failing.State.LastErrorTime && s.State.Fault == TaskFault.EmulatorError);

        File.Delete(blocker);
        var done = await host.WaitForAsync("t", "blocked", s => s.State.RowsDelivered == 20 && !s.State.IsFailing());

        Assert.Equal("OK", done.State.EmulatorErrorCode());
        Assert.Equal("", done.State.Detail);
        Assert.Null(done.State.RetryAt);
        Assert.Contains("needs 'p' to be a folder", done.State.LastError);
        await SavedFaultAsync(host, TaskFault.None);
    }

    private static Task SavedFaultAsync(EngineHost host, TaskFault fault) =>
        Eventually.UntilAsync(async () => (await host.Catalog.LoadCheckpointAsync("blocked", CancellationToken.None)).State.Fault,
            saved => saved == fault, saved => $"the saved checkpoint's fault is {saved}, not {fault}");

    [Fact]
    public async Task Upload_leftovers_are_removed_at_start_and_the_documented_globs_read_every_row_once()
    {
        const string prefix = "lake/$yyyy/$MM/$dd";
        string location;
        await using (var host = await EngineHost.StartAsync(_data))
        {
            WriteRows(host, "t", 30);
            await host.CreateAsync(EngineRequests.Task("t", "kept", "BASE", prefix, Schema));
            await host.WaitForAsync("t", "kept", s => s.State.Finished);
            location = TableStatements.Location(host.BucketEndpoint, host.BucketName, Prefixes.Template(prefix));
        }
        var local = new LocalFolderEndpoint(EngineHost.Endpoint, Path.Combine(_data.Path, "buckets", EngineHost.Endpoint));
        var bucketFolder = Path.Combine(local.Folder, EngineHost.Bucket);
        var delivered = Assert.Single(Directory.GetFiles(bucketFolder, "*", SearchOption.AllDirectories));
        // What a SIGKILL in the middle of an upload leaves: a temp file byte-identical to the object, where this
        // version writes temps and beside the object, where earlier versions did.
        Directory.CreateDirectory(local.UploadFolder);
        string[] leftovers =
        [
            Path.Combine(Path.GetDirectoryName(delivered)!, BucketKeys.NewTempName()),
            Path.Combine(local.UploadFolder, BucketKeys.NewTempName()),
        ];
        foreach (var leftover in leftovers)
            File.Copy(delivered, leftover);
        Assert.Equal(60L, Count(bucketFolder + "/**/*"));

        await using (var host = await EngineHost.StartAsync(_data, createBucket: false))
        {
            await host.WaitForAsync("t", "kept", s => s.State.Finished && leftovers.All(l => !File.Exists(l)));

            Assert.Equal(30L, Count(bucketFolder + "/**/*"));
            Assert.Equal(30L, Count(location + "/**/*"));
            DuckDb.Query(TableStatements.DuckDb("kept", location));
        }
        Assert.Equal([Path.GetFileName(delivered)], Directory.GetFiles(bucketFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_task_waiting_on_an_unreachable_endpoint_retries_as_soon_as_the_endpoint_is_seen_reachable()
    {
        using var swift = await StoppableS3Server.StartAsync();
        // The engine's clock never moves: only the wake-up can end the wait before a retry.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = clock.GetUtcNow();
        await using var host = await EngineHost.StartAsync(_data, endpoint: swift.Endpoint, bucket: "wake-bucket", engineClock: clock);
        host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        await swift.StopProxyAsync();
        await host.CreateAsync(EngineRequests.Task("t", "waking", "INC", "p", Schema).InBucket("wake-bucket"));

        var down = await host.WaitForAsync("t", "waking", s => s.State.Fault == TaskFault.EndpointUnreachable && s.State.RetryAt is not null);
        Assert.Equal(TaskErrorCode.Ok, down.State.ErrorCode);
        Assert.Equal("ENDPOINT_UNREACHABLE", down.State.EmulatorErrorCode());
        Assert.StartsWith("retrying: endpoint unreachable: ", down.State.Detail);
        Assert.Equal(start + TimeSpan.FromSeconds(1), down.State.RetryAt);

        await swift.StartProxyAsync();
        host.Engine.EndpointReachable("some-other-endpoint");
        host.Engine.EndpointReachable(EngineHost.Endpoint.ToUpperInvariant());
        var up = await host.WaitForAsync("t", "waking", s => s.State.Phase == TaskPhase.Incr && !s.State.IsFailing());

        Assert.Equal(start, clock.GetUtcNow());
        Assert.Equal("", up.State.Detail);
        Assert.Null(up.State.RetryAt);
    }

    private static void WriteRows(EngineHost host, string table, int count)
    {
        host.Tables.CreateTable(table, [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        for (var i = 0; i < count; i++)
            host.Writer.WriteRow(table, new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String($"row-{i:D3}"))],
                [new ColumnPut("v", Value.Integer(i))]));
    }

    private static long Count(string glob) =>
        (long)DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(glob)}, hive_partitioning = false)")!;

    public void Dispose() => _data.Dispose();
}

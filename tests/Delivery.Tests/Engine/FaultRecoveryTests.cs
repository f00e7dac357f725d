using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// Faults of the target while a task delivers (spec: Faults): a bucket deleted and recreated, an endpoint that never
/// answers, an S3 server stopped and started again. The task shows the fault, keeps its position, retries with a
/// capped backoff and resumes by itself: every expected row arrives exactly once, read back with DuckDB.
/// </summary>
public sealed class FaultRecoveryTests : IAsyncDisposable
{
    private const string Prefix = "fault/$yyyy/$MM/$dd/$HH/$mm";
    private static readonly CreateTaskSchema Schema = new(["id", "v"], ["UTF8", "INT64"]);
    private readonly TempFolder _data = new();
    private readonly List<(EndpointOptions Server, string Bucket)> _buckets = [];

    private static Func<DeliveryOptions, DeliveryOptions> QuickFaults(long flushSizeBytes = 16 * 1024) => o => o with
    {
        DefaultFlushSizeBytes = flushSizeBytes,
        UnreachableGrace = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(4),
    };

    [Theory]
    [InlineData(EndpointOptions.LocalKind)]
    [InlineData(EndpointOptions.S3Kind)]
    public async Task A_deleted_bucket_shows_INVALID_OSS_BUCKET_and_once_recreated_gets_the_rest_each_row_once(string kind)
    {
        EndpointOptions? server = kind == EndpointOptions.S3Kind ? TestBuckets.S3Server() : null;
        var bucket = server is null ? EngineHost.Bucket : NewBucket(server, "gone");
        await using var host = await EngineHost.StartAsync(_data, QuickFaults(), endpoint: server, bucket: bucket);
        RandomWrites.CreateTable(host.Tables, "mix");
        new RandomWrites(host.Writer, "mix", 51, keys: 2000).Write(3000);
        await host.CreateAsync(EngineRequests.Task("mix", "gone-task", "BASE_INC", Prefix, RandomWrites.Schema).InBucket(bucket));
        await using (new BackgroundWriters(host.Writer, "mix", 510, keys: 2000))
            await host.WaitForAsync("mix", "gone-task",
                s => s.State.Phase == TaskPhase.Incr && s.State.RowsDelivered > s.State.SnapshotRowsTotal + 500);

        // Caught up with nothing buffered, so no upload is under way: the rows read now are all the bucket loses.
        var before = await host.WaitCaughtUpAsync("mix", "gone-task");
        var lost = await TestBuckets.RowsAsync(host, "fault/");
        Assert.Equal(before.State.RowsDelivered, lost.Count);
        await TestBuckets.DeleteAsync(host);

        await using (new BackgroundWriters(host.Writer, "mix", 520, keys: 2000))
        {
            var missing = await host.WaitForAsync("mix", "gone-task", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);
            Assert.Contains($"bucket '{bucket}' does not exist", missing.State.Detail);
            Assert.NotNull(missing.State.RetryAt);
            Assert.Equal(TaskPhase.Incr, missing.State.Phase);
            Assert.Equal(before.State.RowsDelivered, missing.State.RowsDelivered);
            Assert.True(missing.State.ChangeResumeSequence >= before.State.ChangeResumeSequence);

            await host.BucketEndpoint.CreateBucketAsync(bucket, TestContext.Current.CancellationToken);
            await host.WaitForAsync("mix", "gone-task",
                s => s.State.ErrorCode == TaskErrorCode.Ok && s.State.RowsDelivered > missing.State.RowsDelivered + 500);
        }
        var done = await host.WaitCaughtUpAsync("mix", "gone-task");

        Assert.Equal(TaskErrorCode.Ok, done.State.ErrorCode);
        Assert.Equal("", done.State.Detail);
        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
        DeliveredRows.AssertSame(expected, [.. lost, .. await TestBuckets.RowsAsync(host, "fault/")]);
        Assert.Equal(expected.Count, done.State.RowsDelivered);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_then_shows_INVALID_OSS_BUCKET_with_a_doubling_capped_delay()
    {
        var nowhere = EngineHost.S3($"http://127.0.0.1:{Ports.Closed()}", "key", "secret");
        await using var host = await EngineHost.StartAsync(_data, QuickFaults(), createBucket: false, endpoint: nowhere);
        host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        await host.CreateAsync(EngineRequests.Task("t", "nowhere", "INC", "p", Schema));

        // Each failure once, in order, as first seen (each shows for at least the 1 s before its retry).
        var failures = new List<(TaskState State, bool RetryAtWasAhead)>();
        await host.WaitForAsync("t", "nowhere", s =>
        {
            if (s.State.LastErrorTime is { } at && (failures.Count == 0 || failures[^1].State.LastErrorTime != at))
                failures.Add((s.State, s.State.RetryAt > DateTimeOffset.UtcNow));
            return failures.Count(f => f.State.ErrorCode == TaskErrorCode.InvalidOssBucket) >= 3;
        });

        var first = failures[0].State;
        Assert.Equal(TaskErrorCode.Ok, first.ErrorCode);
        Assert.StartsWith("retrying: endpoint unreachable: http://127.0.0.1:", first.Detail);
        // OK while within the grace, then INVALID_OSS_BUCKET for good.
        var codes = failures.Select(f => f.State.ErrorCode).ToList();
        Assert.Equal(codes.OrderBy(code => code == TaskErrorCode.InvalidOssBucket ? 1 : 0), codes);
        foreach (var (state, retryAtWasAhead) in failures.Where(f => f.State.ErrorCode == TaskErrorCode.InvalidOssBucket))
        {
            Assert.StartsWith("endpoint unreachable: http://127.0.0.1:", state.Detail);
            Assert.True(retryAtWasAhead, $"RetryAt {state.RetryAt:O} was not in the future when first seen");
        }
        Assert.All(failures, f =>
        {
            Assert.Equal(TaskPhase.Init, f.State.Phase);
            Assert.Equal(0, f.State.RowsDelivered);
        });
        // 1 s doubling, capped at MaxRetryDelay (4 s here).
        var delays = failures.Select(f => (f.State.RetryAt - f.State.LastErrorTime)!.Value.TotalSeconds).ToList();
        List<double> doubling = [1, 2, .. Enumerable.Repeat(4.0, delays.Count - 2)];
        Assert.Equal(doubling, delays);
    }

    [Fact]
    public async Task An_S3_server_stopped_during_delivery_and_started_again_loses_and_repeats_nothing()
    {
        using var swift = await StoppableS3Server.StartAsync();
        await using var host = await EngineHost.StartAsync(_data, QuickFaults(), endpoint: swift.Endpoint, bucket: "outage-bucket");
        RandomWrites.CreateTable(host.Tables, "mix");
        new RandomWrites(host.Writer, "mix", 61, keys: 2000).Write(3000);
        await host.CreateAsync(EngineRequests.Task("mix", "outage-task", "BASE_INC", Prefix, RandomWrites.Schema).InBucket("outage-bucket"));

        await using (new BackgroundWriters(host.Writer, "mix", 610, keys: 2000))
        {
            var before = await host.WaitForAsync("mix", "outage-task",
                s => s.State.Phase == TaskPhase.Incr && s.State.ObjectsWritten >= 3 && s.State.RowsDelivered > s.State.SnapshotRowsTotal);
            await swift.StopProxyAsync();
            var down = await host.WaitForAsync("mix", "outage-task", s => s.State.ErrorCode == TaskErrorCode.InvalidOssBucket);
            Assert.StartsWith("endpoint unreachable: ", down.State.Detail);
            Assert.NotNull(down.State.RetryAt);
            Assert.True(down.State.RowsDelivered >= before.State.RowsDelivered);

            await swift.StartProxyAsync();
            await host.WaitForAsync("mix", "outage-task",
                s => s.State.ErrorCode == TaskErrorCode.Ok && s.State.RowsDelivered > down.State.RowsDelivered + 500);
        }
        var done = await host.WaitCaughtUpAsync("mix", "outage-task");

        Assert.Equal("", done.State.Detail);
        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
        DeliveredRows.AssertSame(expected, await TestBuckets.RowsAsync(host, "fault/"));
        Assert.Equal(expected.Count, done.State.RowsDelivered);
        TestBuckets.AssertSpecKeys("outage-task", await TestBuckets.KeysAsync(host, ""));
    }

    private string NewBucket(EndpointOptions server, string purpose)
    {
        var bucket = TestBuckets.NewName(purpose);
        _buckets.Add((server, bucket));
        return bucket;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (server, bucket) in _buckets)
            await TestBuckets.DeleteS3Async(server, bucket);
        _data.Dispose();
    }
}

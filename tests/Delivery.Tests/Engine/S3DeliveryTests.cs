using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// The engine delivering to the S3-compatible server the test command starts (OpenStack Swift's S3 API), read back
/// through the endpoint with DuckDB: every expected row exactly once, under the keys the spec names.
/// </summary>
public sealed class S3DeliveryTests : IAsyncDisposable
{
    private const string Prefix = "s3/$yyyy/$MM/$dd/$HH/$mm";
    private const string WrongSecret = "wrong-secret-value";
    private readonly TempFolder _data = new();
    private readonly List<(EndpointOptions Server, string Bucket)> _buckets = [];

    [Fact]
    public async Task Base_inc_with_writers_running_delivers_each_row_once_under_the_spec_keys()
    {
        var server = TestBuckets.S3Server();
        var bucket = NewBucket(server, "s3-base-inc");
        await using var host = await EngineHost.StartAsync(_data, o => o with { DefaultFlushSizeBytes = 16 * 1024 },
            endpoint: server, bucket: bucket);
        RandomWrites.CreateTable(host.Tables, "mix");
        new RandomWrites(host.Writer, "mix", 31, keys: 3000).Write(5000);

        await using (new BackgroundWriters(host.Writer, "mix", 310))
        {
            await host.CreateAsync(EngineRequests.Task("mix", "s3-task", "BASE_INC", Prefix, RandomWrites.Schema).InBucket(bucket));
            await host.WaitForAsync("mix", "s3-task",
                s => s.State.Phase == TaskPhase.Incr && s.State.RowsDelivered > s.State.SnapshotRowsTotal + 1000);
        }
        var done = await host.WaitCaughtUpAsync("mix", "s3-task");

        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
        DeliveredRows.AssertSame(expected, await TestBuckets.RowsAsync(host, "s3/"));
        Assert.Equal(expected.Count, done.State.RowsDelivered);
        var keys = await TestBuckets.KeysAsync(host, "");
        TestBuckets.AssertSpecKeys("s3-task", keys);
        Assert.Equal(done.State.ObjectsWritten, keys.Count);
        Assert.True(keys.Count > 3, $"{keys.Count} objects");
        Assert.Equal(TaskErrorCode.Ok, done.State.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_secret_shows_UNAUTHORIZED_and_holds_the_position_until_the_right_one_delivers_each_row_once()
    {
        var server = TestBuckets.S3Server();
        var bucket = NewBucket(server, "s3-secret");
        await TestBuckets.CreateS3Async(server, bucket);
        var wrong = EngineHost.S3(server.Url!, server.AccessKey!, WrongSecret);

        // Wrong from the start: the task cannot even take its snapshot, and keeps trying.
        await using (var host = await EngineHost.StartAsync(_data, endpoint: wrong, bucket: bucket, createBucket: false))
        {
            RandomWrites.CreateTable(host.Tables, "mix");
            new RandomWrites(host.Writer, "mix", 41, keys: 1000).Write(2000);
            await host.CreateAsync(EngineRequests.Task("mix", "auth-task", "BASE_INC", Prefix, RandomWrites.Schema).InBucket(bucket));
            var refused = await host.WaitForAsync("mix", "auth-task", s => s.State.ErrorCode == TaskErrorCode.Unauthorized);
            var again = await host.WaitForAsync("mix", "auth-task", s => s.State.LastErrorTime > refused.State.LastErrorTime);
            foreach (var status in new[] { refused, again })
            {
                AssertRefused(status);
                Assert.Equal(TaskPhase.Init, status.State.Phase);
                Assert.Equal(0, status.State.RowsDelivered);
            }
        }

        // The right secret, on the same data folder: the task recovers by itself.
        DeliveryTaskStatus delivered;
        await using (var host = await EngineHost.StartAsync(_data, endpoint: server, bucket: bucket, createBucket: false))
        {
            await using (new BackgroundWriters(host.Writer, "mix", 420, keys: 1000))
                await host.WaitForAsync("mix", "auth-task",
                    s => s.State.Phase == TaskPhase.Incr && s.State.RowsDelivered > s.State.SnapshotRowsTotal + 500);
            delivered = await host.WaitCaughtUpAsync("mix", "auth-task");
            AssertRecovered(delivered);
            DeliveredRows.AssertSame(ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(delivered.State),
                await TestBuckets.RowsAsync(host, "s3/"));
        }

        // Wrong again while delivering changes: new changes wait, nothing moves.
        await using (var host = await EngineHost.StartAsync(_data, endpoint: wrong, bucket: bucket, createBucket: false))
        {
            new RandomWrites(host.Writer, "mix", 43, keys: 1000).Write(1000);
            var refused = await host.WaitForAsync("mix", "auth-task", s => s.State.ErrorCode == TaskErrorCode.Unauthorized);
            var again = await host.WaitForAsync("mix", "auth-task", s => s.State.LastErrorTime > refused.State.LastErrorTime);
            foreach (var status in new[] { refused, again })
            {
                AssertRefused(status);
                Assert.Equal(TaskPhase.Incr, status.State.Phase);
                Assert.Equal(delivered.State.ChangeResumeSequence, status.State.ChangeResumeSequence);
                Assert.Equal(delivered.State.RowsDelivered, status.State.RowsDelivered);
                Assert.Equal(delivered.State.ObjectsWritten, status.State.ObjectsWritten);
            }
        }

        // Right again: what waited arrives, each row once in all.
        await using (var host = await EngineHost.StartAsync(_data, endpoint: server, bucket: bucket, createBucket: false))
        {
            await using (new BackgroundWriters(host.Writer, "mix", 440, keys: 1000))
                await host.WaitForAsync("mix", "auth-task",
                    s => s.State.ErrorCode == TaskErrorCode.Ok && s.State.RowsDelivered > delivered.State.RowsDelivered + 500);
            var done = await host.WaitCaughtUpAsync("mix", "auth-task");
            AssertRecovered(done);
            var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
            DeliveredRows.AssertSame(expected, await TestBuckets.RowsAsync(host, "s3/"));
            Assert.Equal(expected.Count, done.State.RowsDelivered);
            TestBuckets.AssertSpecKeys("auth-task", await TestBuckets.KeysAsync(host, ""));
        }
    }

    private static void AssertRefused(DeliveryTaskStatus status)
    {
        Assert.Equal(TaskErrorCode.Unauthorized, status.State.ErrorCode);
        Assert.Contains("rejected the access key", status.State.Detail);
        Assert.DoesNotContain(WrongSecret, status.State.Detail);
        Assert.NotNull(status.State.RetryAt);
    }

    private static void AssertRecovered(DeliveryTaskStatus status)
    {
        Assert.Equal(TaskErrorCode.Ok, status.State.ErrorCode);
        Assert.Equal("", status.State.Detail);
        Assert.Null(status.State.RetryAt);
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

using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>A task stopped by its host in the middle of its snapshot resumes where it stopped: each row once.</summary>
public sealed class RestartTests : IDisposable
{
    private const string Prefix = "restart/$yyyy/$MM/$dd/$HH";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_restart_during_the_snapshot_and_during_changes_delivers_each_row_once()
    {
        Func<DeliveryOptions, DeliveryOptions> small = o => o with { DefaultFlushSizeBytes = 16 * 1024 };
        DeliveryTaskStatus stopped;
        await using (var host = await EngineHost.StartAsync(_data, small))
        {
            RandomWrites.CreateTable(host.Tables, "mix");
            new RandomWrites(host.Writer, "mix", 21, keys: 40_000).Write(60_000);
            await host.CreateAsync(EngineRequests.Task("mix", "restart-task", "BASE_INC", Prefix, RandomWrites.Schema));
            stopped = await host.WaitForAsync("mix", "restart-task", s => s.State.ObjectsWritten >= 3);
        }
        Assert.Equal(TaskPhase.Full, stopped.State.Phase);

        await using (var host = await EngineHost.StartAsync(_data, small, createBucket: false))
        {
            new RandomWrites(host.Writer, "mix", 22, keys: 40_000).Write(3000);
            var done = await host.WaitCaughtUpAsync("mix", "restart-task");
            AssertEachRowOnce(host, done);
        }

        await using (var host = await EngineHost.StartAsync(_data, small, createBucket: false))
        {
            new RandomWrites(host.Writer, "mix", 23, keys: 40_000).Write(2000);
            var done = await host.WaitCaughtUpAsync("mix", "restart-task");
            Assert.Equal(AssertEachRowOnce(host, done), done.State.RowsDelivered);
        }
    }

    private static int AssertEachRowOnce(EngineHost host, DeliveryTaskStatus done)
    {
        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
        DeliveredRows.AssertSame(expected, DeliveredRows.Read(host, "restart/"));
        AssertSequencesHaveNoGaps(host.ObjectKeys());
        return expected.Count;
    }

    /// <summary>Under each prefix the sequence numbers are 1..n: none reused, none skipped.</summary>
    private static void AssertSequencesHaveNoGaps(IReadOnlyList<string> keys)
    {
        foreach (var folder in keys.GroupBy(key => key[..key.LastIndexOf('/')]))
        {
            var numbers = folder.Select(key => long.Parse(key[(key.LastIndexOf("__", StringComparison.Ordinal) + 2)..])).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        }
    }

    public void Dispose() => _data.Dispose();
}

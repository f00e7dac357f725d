using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>BASE_INC while writers keep writing through INIT, FULL, the switch to INCR and INCR itself.</summary>
public sealed class SwitchoverTests : IDisposable
{
    private const string Prefix = "switch/$yyyy/$MM/$dd/$HH/$mm";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Writers_during_the_switch_lose_nothing_and_repeat_nothing()
    {
        // Small objects: the snapshot spans many flushes, so the switch happens with writes in flight.
        await using var host = await EngineHost.StartAsync(_data, o => o with { DefaultFlushSizeBytes = 16 * 1024 });
        RandomWrites.CreateTable(host.Tables, "mix");
        new RandomWrites(host.Writer, "mix", 11, keys: 3000).Write(6000);

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            var writes = new RandomWrites(host.Writer, "mix", 100 + w, keys: 3000);
            while (!stop.IsCancellationRequested)
                writes.WriteOne();
        })).ToList();
        await host.CreateAsync(EngineRequests.Task("mix", "switch-task", "BASE_INC", Prefix, RandomWrites.Schema));
        var phases = new HashSet<TaskPhase>();
        await host.WaitForAsync("mix", "switch-task", s =>
        {
            phases.Add(s.State.Phase);
            return s.State.Phase == TaskPhase.Incr && s.State.RowsDelivered > s.State.SnapshotRowsTotal + 2000;
        });
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var done = await host.WaitCaughtUpAsync("mix", "switch-task");

        Assert.Contains(TaskPhase.Full, phases);
        var oracle = ChangeOracle.ForMix(host, Prefix);
        var changes = oracle.ChangeRows(done.State.SnapshotSequence);
        Assert.True(changes.Count > 2000, $"only {changes.Count} changes after the snapshot");
        DeliveredRows.AssertSame(oracle.SnapshotAndChangeRows(done.State), DeliveredRows.Read(host, "switch/"));
        Assert.True(done.State.ObjectsWritten > 10, $"{done.State.ObjectsWritten} objects");
    }

    public void Dispose() => _data.Dispose();
}

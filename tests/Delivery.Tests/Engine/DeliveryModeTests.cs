using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// Random mixes of puts, updates and deletes, delivered in each mode and read back with DuckDB: every expected row
/// exactly once, in the partition of its write time. The expectation comes from the change log, not the engine.
/// </summary>
public sealed class DeliveryModeTests : IDisposable
{
    private const string Prefix = "mix/$yyyy/$MM/$dd/$HH/$mm";
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Base_delivers_the_table_as_of_the_snapshot_and_nothing_after(int seed)
    {
        await using var host = await EngineHost.StartAsync(_data);
        var writes = MixTable(host, seed);
        writes.Write(400);
        await host.CreateAsync(EngineRequests.Task("mix", "base-task", "BASE", Prefix, RandomWrites.Schema));
        var done = await host.WaitForAsync("mix", "base-task", s => s.State.Finished);
        writes.Write(100);

        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotRows(done.State.SnapshotSequence, done.State.SnapshotTime);
        DeliveredRows.AssertSame(expected, DeliveredRows.Read(host, "mix/"));
        Assert.Equal(expected.Count, done.State.RowsDelivered);
        Assert.Equal(expected.Count, done.State.SnapshotRowsTotal);
        Assert.Equal(TaskPhase.Incr, done.State.Phase);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Inc_delivers_each_put_and_update_after_creation_once(int seed)
    {
        await using var host = await EngineHost.StartAsync(_data);
        var writes = MixTable(host, seed);
        writes.Write(200);
        await host.CreateAsync(EngineRequests.Task("mix", "inc-task", "INC", Prefix, RandomWrites.Schema));
        writes.Write(600);
        var done = await host.WaitCaughtUpAsync("mix", "inc-task");

        var expected = ChangeOracle.ForMix(host, Prefix).ChangeRows(done.Definition.StartSequence);
        DeliveredRows.AssertSame(expected, DeliveredRows.Read(host, "mix/"));
        Assert.Equal(expected.Count, done.State.RowsDelivered);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public async Task Base_inc_delivers_the_snapshot_then_every_later_change_with_no_gap_or_overlap(int seed)
    {
        await using var host = await EngineHost.StartAsync(_data);
        var writes = MixTable(host, seed);
        writes.Write(300);
        await host.CreateAsync(EngineRequests.Task("mix", "both-task", "BASE_INC", Prefix, RandomWrites.Schema));
        writes.Write(300);
        var done = await host.WaitCaughtUpAsync("mix", "both-task");

        var expected = ChangeOracle.ForMix(host, Prefix).SnapshotAndChangeRows(done.State);
        DeliveredRows.AssertSame(expected, DeliveredRows.Read(host, "mix/"));
        Assert.Equal(expected.Count, done.State.RowsDelivered);
    }

    private static RandomWrites MixTable(EngineHost host, int seed)
    {
        RandomWrites.CreateTable(host.Tables, "mix");
        return new RandomWrites(host.Writer, "mix", seed);
    }

    public void Dispose() => _data.Dispose();
}

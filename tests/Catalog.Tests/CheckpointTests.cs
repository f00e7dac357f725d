using DeliveryConsole.Delivery.Engine;

namespace DeliveryConsole.Catalog.Tests;

public class CheckpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void The_sample_state_sets_every_field_so_the_round_trip_covers_it()
    {
        var empty = new TaskState();
        var sample = Samples.State();
        foreach (var property in typeof(TaskState).GetProperties().Where(p => p.Name != "EqualityContract"))
            Assert.False(Equals(property.GetValue(empty), property.GetValue(sample)), $"{property.Name} keeps its default");
    }

    [Fact]
    public async Task Every_field_of_a_saved_state_comes_back()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var state = Samples.State();

        await file.Catalog.SaveStateAsync("t1", state, Cancel);
        var loaded = (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State;

        Assert.Equal(state with { FullResumeKey = null }, loaded with { FullResumeKey = null });
        Assert.Equal(state.FullResumeKey, loaded.FullResumeKey);
        Assert.Equal(state.LastFlushTime!.Value.UtcTicks, loaded.LastFlushTime!.Value.UtcTicks);
    }

    [Fact]
    public async Task A_state_saved_again_replaces_the_earlier_one_and_nulls_stay_null()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await file.Catalog.SaveStateAsync("t1", Samples.State(), Cancel);
        var cleared = Samples.State(2) with { FullResumeKey = null, LastError = null, LastErrorTime = null, RetryAt = null };

        await file.Catalog.SaveStateAsync("t1", cleared, Cancel);

        Assert.Equal(cleared, (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State);
    }

    [Fact]
    public async Task A_recorded_intent_is_pending_until_its_object_is_committed()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var first = Samples.Intent("lake/a/t1_0_lake_a__1", "lake/a", 1);
        var second = Samples.Intent("lake/b/t1_0_lake_b__1", "lake/b", 1);

        await file.Catalog.RecordIntentAsync("t1", first, Cancel);
        await file.Catalog.RecordIntentAsync("t1", second, Cancel);
        Assert.Equal([first, second], (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).PendingIntents);

        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(Samples.Object(first), [], Samples.State(), []), Cancel);

        Assert.Equal([second], (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).PendingIntents);
    }

    [Fact]
    public async Task An_intent_recorded_again_replaces_the_earlier_one_of_its_key()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await file.Catalog.RecordIntentAsync("t1", Samples.Intent("k", first: 1, last: 10), Cancel);

        var again = Samples.Intent("k", first: 1, last: 20) with { DirtyKey = null, DirtyPrefix = null, DirtySequenceId = 0 };
        await file.Catalog.RecordIntentAsync("t1", again, Cancel);

        Assert.Equal([again], (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).PendingIntents);
    }

    [Fact]
    public async Task Partition_states_are_added_then_updated_by_commits()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var a1 = new PartitionState("lake/a", 2, 100, 0);
        var b1 = new PartitionState("lake/b", 5, 300, 7);
        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(Samples.Object(Samples.Intent("k1")), [b1, a1], Samples.State(), []), Cancel);

        var a2 = new PartitionState("lake/a", 3, 200, 11);
        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(Samples.Object(Samples.Intent("k2")), [a2], Samples.State(), []), Cancel);

        Assert.Equal([a2, b1], (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).Partitions);
    }

    [Fact]
    public async Task A_commit_keeps_the_delivered_object_with_every_field()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var delivered = Samples.Object(Samples.Intent("lake/a/t1_0_lake_a__3", "lake/a", 3, 11, 30));

        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(delivered, [], Samples.State(), []), Cancel);

        await using var db = file.Open();
        var row = Assert.Single(db.DeliveredObjects);
        Assert.Equal(delivered, row.ToDeliveredObject());
        Assert.Equal(Samples.State().CurrentSyncTime, row.SyncTime);
    }

    [Fact]
    public async Task Calls_for_a_task_that_does_not_exist_fail_clearly()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => catalog.LoadCheckpointAsync("nope", Cancel));
        Assert.Equal("the catalog has no task named 'nope'", error.Message);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => catalog.SaveStateAsync("nope", Samples.State(), Cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => catalog.RecordIntentAsync("nope", Samples.Intent("k"), Cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => catalog.CommitFlushAsync("nope", Samples.Commit("k", 1), Cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => catalog.AddEventAsync("nope", new(Samples.Now, TaskEvent.Info, "x"), Cancel));
        Assert.Equal(new TaskRows(0, 0, 0, 0, 0, 0, 0, 0), await file.CountAsync("nope", Cancel));
    }
}

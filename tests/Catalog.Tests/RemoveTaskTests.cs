using DeliveryConsole.Delivery.Engine;

namespace DeliveryConsole.Catalog.Tests;

public class RemoveTaskTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_a_task_deletes_every_row_of_it_and_none_of_another()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        foreach (var name in new[] { "t1", "t2" })
        {
            await catalog.TryAddTaskAsync(Samples.Task(name), Cancel);
            await catalog.CommitFlushAsync(name, Samples.Commit("k1", 1, [Samples.Dirty(1), Samples.Dirty(2, "age")]), Cancel);
            await catalog.RecordIntentAsync(name, Samples.Intent("k2", sequenceId: 2), Cancel);
            await catalog.AddEventAsync(name, new(Samples.Now, TaskEvent.Info, "started"), Cancel);
            await catalog.AddConfigVersionAsync(name, Samples.Task(name).Request, Samples.Now, Cancel);
        }
        var full = new TaskRows(1, 1, 1, 1, 2, 2, 1, 2);
        Assert.Equal(full, await file.CountAsync("t1", Cancel));

        Assert.True(await catalog.RemoveTaskAsync("t1", Cancel));

        Assert.Equal(new TaskRows(0, 0, 0, 0, 0, 0, 0, 0), await file.CountAsync("t1", Cancel));
        Assert.Equal(full, await file.CountAsync("t2", Cancel));
        Assert.Equal(["t2"], (await catalog.ListTasksAsync(Cancel)).Select(t => t.TaskName));
    }

    [Fact]
    public async Task Removing_a_task_that_does_not_exist_is_false()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);

        Assert.False(await file.Catalog.RemoveTaskAsync("t2", Cancel));
        Assert.Single(await file.Catalog.ListTasksAsync(Cancel));
    }

    [Fact]
    public async Task A_removed_name_can_be_used_again_and_starts_empty()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        await catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await catalog.CommitFlushAsync("t1", Samples.Commit("k1", 1, [Samples.Dirty(1)]), Cancel);
        await catalog.RemoveTaskAsync("t1", Cancel);

        Assert.True(await catalog.TryAddTaskAsync(Samples.Task("t1", "users"), Cancel));

        var checkpoint = await catalog.LoadCheckpointAsync("t1", Cancel);
        Assert.Equal(new TaskState(), checkpoint.State);
        Assert.Empty(checkpoint.Partitions);
        Assert.Equal(new TaskRows(1, 0, 0, 0, 0, 0, 0, 1), await file.CountAsync("t1", Cancel));
    }
}

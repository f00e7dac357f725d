using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Catalog.Tests;

public class TaskListTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Added_tasks_are_listed_in_name_order_with_their_request()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;

        Assert.True(await catalog.TryAddTaskAsync(Samples.Task("t2", "orders", 9), Cancel));
        Assert.True(await catalog.TryAddTaskAsync(Samples.Task("t1", "users", 3), Cancel));

        var tasks = await catalog.ListTasksAsync(Cancel);
        Assert.Equal(["t1", "t2"], tasks.Select(t => t.TaskName));
        var expected = Samples.Task("t1", "users", 3);
        var listed = tasks[0];
        Assert.Equal((expected.TableName, expected.TaskType, expected.CreatedAt, expected.StartSequence),
            (listed.TableName, listed.TaskType, listed.CreatedAt, listed.StartSequence));
        Assert.Equal(CatalogJson.Serialize(expected.Request), CatalogJson.Serialize(listed.Request));
        Assert.Equal(2, listed.Request.TaskConfig.Schema.Count);
    }

    [Fact]
    public async Task The_request_is_kept_as_camel_case_json_without_nulls()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);

        await using var db = file.Open();
        var json = await db.DeliveryTasks.Where(t => t.TaskName == "t1").Select(t => t.RequestJson).SingleAsync(Cancel);

        Assert.StartsWith("{\"tableName\":\"orders\",\"taskName\":\"t1\",\"taskConfig\":{\"ossPrefix\":", json);
        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("ossDirtyPrefix", json);
    }

    [Fact]
    public async Task A_new_task_is_in_init_with_an_empty_state()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);

        var checkpoint = await file.Catalog.LoadCheckpointAsync("t1", Cancel);

        Assert.Equal(new TaskState(), checkpoint.State);
        Assert.Equal(TaskPhase.Init, checkpoint.State.Phase);
        Assert.Empty(checkpoint.Partitions);
        Assert.Empty(checkpoint.PendingIntents);
    }

    [Fact]
    public async Task A_taken_name_is_refused_and_changes_nothing()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1", "orders"), Cancel);

        Assert.False(await file.Catalog.TryAddTaskAsync(Samples.Task("t1", "users"), Cancel));

        var only = Assert.Single(await file.Catalog.ListTasksAsync(Cancel));
        Assert.Equal("orders", only.TableName);
    }

    [Fact]
    public async Task Of_eight_concurrent_adds_of_one_name_exactly_one_wins()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;

        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => catalog.TryAddTaskAsync(Samples.Task("race", $"table{i}"), Cancel), Cancel)));

        var winner = Assert.Single(added.Select((won, i) => (won, i)), x => x.won).i;
        var stored = Assert.Single(await catalog.ListTasksAsync(Cancel));
        Assert.Equal($"table{winner}", stored.TableName);
    }

    [Fact]
    public async Task Concurrent_adds_of_different_names_all_succeed()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;

        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => catalog.TryAddTaskAsync(Samples.Task($"t{i}"), Cancel), Cancel)));

        Assert.All(added, Assert.True);
        Assert.Equal(8, (await catalog.ListTasksAsync(Cancel)).Count);
    }
}

using DeliveryConsole.Delivery.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Catalog.Tests;

public class CommitFlushTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_keeps_its_dirty_cells_and_counts_them_per_column_and_type()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        DirtyRecord[] cells = [Samples.Dirty(1), Samples.Dirty(2), Samples.Dirty(3, "age", "STRING"), Samples.Dirty(4, "name", "BINARY")];

        await file.Catalog.CommitFlushAsync("t1", Samples.Commit("k1", 1, cells), Cancel);
        await file.Catalog.CommitFlushAsync("t1", Samples.Commit("k2", 2, [Samples.Dirty(5)]), Cancel);

        await using var db = file.Open();
        Assert.Equal([.. cells, Samples.Dirty(5)], (await db.DirtyRecords.OrderBy(r => r.Id).ToListAsync(Cancel)).Select(r => r.ToRecord()));
        var counts = await db.DirtyCounts.OrderBy(c => c.ColumnName).ThenBy(c => c.ActualType)
            .Select(c => new { c.ColumnName, c.ActualType, c.Count }).ToListAsync(Cancel);
        Assert.Equal([new { ColumnName = "age", ActualType = "STRING", Count = 1L }, new { ColumnName = "name", ActualType = "BINARY", Count = 1L },
            new { ColumnName = "name", ActualType = "INTEGER", Count = 3L }], counts);
    }

    [Fact]
    public async Task A_commit_that_fails_keeps_nothing_of_itself()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        await catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await catalog.CommitFlushAsync("t1", Samples.Commit("k1", 1, [Samples.Dirty(1)], stateNumber: 1), Cancel);
        await catalog.RecordIntentAsync("t1", Samples.Intent("k1"), Cancel); // the failing commit would remove it
        var before = await catalog.LoadCheckpointAsync("t1", Cancel);
        var rowsBefore = await file.CountAsync("t1", Cancel);

        // The same object key again: the unique (task, key) index fails the commit after everything else is staged.
        var failing = Samples.Commit("k1", 2, [Samples.Dirty(2), Samples.Dirty(3, "other")], stateNumber: 2, prefix: "lake/new") with
        {
            Partitions = [new PartitionState("lake/2026/11/24", 50, 50, 50), new PartitionState("lake/new", 3, 0, 0)],
        };
        await Assert.ThrowsAsync<DbUpdateException>(() => catalog.CommitFlushAsync("t1", failing, Cancel));

        var after = await catalog.LoadCheckpointAsync("t1", Cancel);
        Assert.Equal(before.State with { FullResumeKey = null }, after.State with { FullResumeKey = null });
        Assert.Equal(before.State.FullResumeKey, after.State.FullResumeKey);
        Assert.Equal(before.Partitions, after.Partitions);
        Assert.Equal(before.PendingIntents, after.PendingIntents);
        Assert.Equal(rowsBefore, await file.CountAsync("t1", Cancel));
        await using var db = file.Open();
        Assert.Equal(1, await db.DirtyCounts.SumAsync(c => c.Count, Cancel));
    }

    [Fact]
    public async Task Dirty_records_keep_the_newest_ten_thousand_per_task_while_counts_keep_growing()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        await catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await catalog.TryAddTaskAsync(Samples.Task("t2"), Cancel);
        await catalog.CommitFlushAsync("t2", Samples.Commit("k", 1, [Samples.Dirty(1)]), Cancel);

        for (var commit = 0; commit < 3; commit++)
        {
            var cells = Enumerable.Range(commit * 4_000 + 1, 4_000).Select(position => Samples.Dirty(position)).ToList();
            await catalog.CommitFlushAsync("t1", Samples.Commit($"k{commit}", commit + 1, cells), Cancel);
        }

        await using var db = file.Open();
        var kept = db.DirtyRecords.Where(r => r.TaskName == "t1");
        Assert.Equal(SqliteTaskCatalog.DirtyRecordsKept, await kept.CountAsync(Cancel));
        Assert.Equal(2_001, await kept.MinAsync(r => r.Position, Cancel)); // the oldest 2,000 went
        Assert.Equal(12_000, await kept.MaxAsync(r => r.Position, Cancel));
        Assert.Equal(12_000, (await db.DirtyCounts.SingleAsync(c => c.TaskName == "t1", Cancel)).Count);
        Assert.Equal(1, await db.DirtyRecords.CountAsync(r => r.TaskName == "t2", Cancel)); // another task's are untouched
    }

    [Fact]
    public async Task Events_keep_the_newest_thousand_per_task()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        await catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await catalog.TryAddTaskAsync(Samples.Task("t2"), Cancel);
        await catalog.AddEventAsync("t2", new(Samples.Now, TaskEvent.Error, "other"), Cancel);

        for (var i = 1; i <= SqliteTaskCatalog.EventsKept + 5; i++)
            await catalog.AddEventAsync("t1", new(Samples.Now.AddSeconds(i), TaskEvent.Info, $"event {i}"), Cancel);

        await using var db = file.Open();
        var kept = await db.TaskEvents.Where(e => e.TaskName == "t1").OrderBy(e => e.Id).ToListAsync(Cancel);
        Assert.Equal(SqliteTaskCatalog.EventsKept, kept.Count);
        Assert.Equal("event 6", kept[0].Message);
        Assert.Equal(new TaskEvent(Samples.Now.AddSeconds(1_005), TaskEvent.Info, "event 1005"), kept[^1].ToEvent());
        Assert.Equal(1, await db.TaskEvents.CountAsync(e => e.TaskName == "t2", Cancel));
    }

    [Fact]
    public async Task Tasks_commit_concurrently_and_every_commit_is_kept()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var catalog = file.Catalog;
        string[] names = ["t1", "t2", "t3", "t4"];
        foreach (var name in names)
            await catalog.TryAddTaskAsync(Samples.Task(name), Cancel);

        await Task.WhenAll(names.Select(name => Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= 25; sequence++)
            {
                await catalog.RecordIntentAsync(name, Samples.Intent($"k{sequence}", sequenceId: sequence), Cancel);
                await catalog.CommitFlushAsync(name, Samples.Commit($"k{sequence}", sequence, [Samples.Dirty(sequence)], sequence), Cancel);
                await catalog.AddEventAsync(name, new(Samples.Now, TaskEvent.Info, $"flushed {sequence}"), Cancel);
            }
        }, Cancel)));

        foreach (var name in names)
        {
            Assert.Equal(new TaskRows(1, 1, 25, 0, 1, 25, 25, 1), await file.CountAsync(name, Cancel));
            var checkpoint = await catalog.LoadCheckpointAsync(name, Cancel);
            Assert.Equal(Samples.State(25).RowsDelivered, checkpoint.State.RowsDelivered);
            Assert.Equal(26, Assert.Single(checkpoint.Partitions).NextSequenceId);
        }
    }

    [Fact]
    public async Task A_write_waits_for_another_writer_instead_of_failing()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        await using var other = new SqliteConnection(file.ConnectionString);
        await other.OpenAsync(Cancel);
        var lockHolder = other.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: holds the write lock

        // On another thread: Microsoft.Data.Sqlite waits for a busy file synchronously, retrying until its timeout.
        var save = Task.Run(() => file.Catalog.CommitFlushAsync("t1", Samples.Commit("k1", 1, [Samples.Dirty(1)]), Cancel), Cancel);
        // Without waiting on a busy file the commit would fail at once; it must still be waiting when the lock goes.
        Assert.NotSame(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromMilliseconds(300), Cancel)));
        lockHolder.Commit();
        await save;

        Assert.Equal(new TaskRows(1, 1, 1, 0, 1, 1, 0, 1), await file.CountAsync("t1", Cancel));
    }
}

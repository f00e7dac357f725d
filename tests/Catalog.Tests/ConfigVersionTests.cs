using DeliveryConsole.Delivery.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DeliveryConsole.Catalog.Tests;

/// <summary>A task's config versions: version 1 from its creation, each update the next, and when each took effect.</summary>
public class ConfigVersionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_task_has_version_1_in_effect_from_its_creation()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var task = Samples.Task("t1");
        await file.Catalog.TryAddTaskAsync(task, Cancel);

        var version = Assert.Single(await file.Catalog.ListConfigVersionsAsync("t1", Cancel));
        Assert.Equal((1, task.CreatedAt.UtcTicks, task.CreatedAt.UtcTicks), (version.Version, version.SavedAt.UtcTicks, version.EffectiveAt!.Value.UtcTicks));
        Assert.Equal(CatalogJson.Serialize(task.Request), CatalogJson.Serialize(version.Request));
        Assert.Equal(1, (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State.ConfigVersion);
    }

    [Fact]
    public async Task An_update_is_the_next_version_and_the_tasks_request_and_takes_effect_with_the_state_saved_with_it()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var updated = Samples.Task("t1").Request;
        updated = updated with { TaskConfig = updated.TaskConfig with { OssPrefix = "moved/$yyyy" } };

        var added = await file.Catalog.AddConfigVersionAsync("t1", updated, Samples.Now.AddHours(1), Cancel);
        Assert.Equal((2, (DateTimeOffset?)null), (added.Version, added.EffectiveAt));
        Assert.Equal("moved/$yyyy", (await file.Catalog.ListTasksAsync(Cancel)).Single().Request.TaskConfig.OssPrefix);
        Assert.Equal(1, (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State.ConfigVersion);

        var state = Samples.State() with { ConfigVersion = 2 };
        await file.Catalog.ApplyConfigVersionAsync("t1", state, Samples.Now.AddHours(2), Cancel);

        var versions = await file.Catalog.ListConfigVersionsAsync("t1", Cancel);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(Samples.Now.AddHours(2).UtcTicks, versions[1].EffectiveAt!.Value.UtcTicks);
        Assert.Equal(Samples.Now.AddHours(1).UtcTicks, versions[1].SavedAt.UtcTicks);
        Assert.Equal(state with { FullResumeKey = null }, (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State with { FullResumeKey = null });
    }

    [Fact]
    public async Task An_intent_and_its_delivered_object_keep_the_version_that_wrote_them()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var intent = Samples.Intent("k1") with { ConfigVersion = 4 };
        await file.Catalog.RecordIntentAsync("t1", intent, Cancel);
        Assert.Equal(4, Assert.Single((await file.Catalog.LoadCheckpointAsync("t1", Cancel)).PendingIntents).ConfigVersion);

        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(Samples.Object(intent), [], Samples.State(), []), Cancel);

        await using var db = file.Open();
        Assert.Equal(4, (await db.DeliveredObjects.SingleAsync(Cancel)).ToDeliveredObject().Intent.ConfigVersion);
    }

    [Fact]
    public async Task Migrating_gives_a_task_that_existed_version_1_from_its_creation_and_its_objects_version_1()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        var task = Samples.Task("t1");
        await file.Catalog.TryAddTaskAsync(task, Cancel);
        await file.Catalog.CommitFlushAsync("t1", Samples.Commit("lake/a/t1_0_lake_a__1", 1), Cancel);
        await using (var migrating = file.Open())
        {
            var migrator = migrating.GetService<IMigrator>();
            await migrator.MigrateAsync("20261205090851_DirtyObjectCounts", Cancel);
            await migrator.MigrateAsync(cancellationToken: Cancel);
        }

        var version = Assert.Single(await file.Catalog.ListConfigVersionsAsync("t1", Cancel));
        Assert.Equal((1, task.CreatedAt.UtcTicks), (version.Version, version.EffectiveAt!.Value.UtcTicks));
        Assert.Equal(1, (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State.ConfigVersion);
        await using var db = file.Open();
        Assert.Equal(1, (await db.DeliveredObjects.SingleAsync(Cancel)).ConfigVersion);
        SqliteConnection.ClearAllPools();
    }
}

using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// UpdateDeliveryTask through the engine: a new config version takes effect at an object boundary, the objects
/// written before keep their shape and version, and an update that breaks a rule changes nothing.
/// </summary>
public sealed class TaskUpdateTests : IDisposable
{
    private static readonly CreateTaskSchema Before = new(["id", "v"], ["UTF8", "INT64"]);
    private static readonly CreateTaskSchema After = new(["id", "v", "w"], ["UTF8", "INT64", "UTF8"]);
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Buffered_rows_are_written_with_the_old_config_and_rows_read_after_the_update_with_the_new()
    {
        await using (var host = await EngineHost.StartAsync(_data))
        {
            CreateTable(host);
            // Rows wait in the buffer (an hour's flush interval) until the update takes effect.
            await host.CreateAsync(EngineRequests.Task("t", "upd-task", "INC", "p", Before, new EmulatorTaskConfig(FlushIntervalSeconds: 3600)));
            Put(host, "a", 1, "ignored-before");
            Put(host, "b", 2, "ignored-before");
            await host.WaitForAsync("t", "upd-task", s => s.RowsBuffered == 2);

            Assert.Null(await host.Engine.UpdateTaskAsync(
                EngineRequests.Task("t", "upd-task", "INC", "q", After, new EmulatorTaskConfig(FlushIntervalSeconds: 1)), CancellationToken.None));
            await Eventually.UntilAsync(() => Versions(host), v => v.Count == 2 && v[1].EffectiveAt is not null, v => $"versions: {v.Count}");
            Put(host, "c", 3, "new-column");
            var done = await host.WaitForAsync("t", "upd-task", s => s.State.RowsDelivered == 3);

            Assert.Equal(2, done.State.ConfigVersion);
            Assert.Equal("q", done.Definition.Request.TaskConfig.OssPrefix);
            DeliveredRows.AssertSame(["p|a|1", "p|b|2"], DeliveredRows.Read(host, "p/"));
            DeliveredRows.AssertSame(["q|c|3|new-column"], DeliveredRows.Read(host, "q/"));
            Assert.Equal([("p/", 1), ("q/", 2)], await ObjectVersions(host));
            var events = await EventsAsync(host);
            Assert.Contains(events, e => e.StartsWith("Config version 2 in effect after change", StringComparison.Ordinal));
        }

        // The versions, their times and the version in effect outlive a restart.
        await using (var host = await EngineHost.StartAsync(_data))
        {
            var versions = await Versions(host);
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            Assert.All(versions, v => Assert.NotNull(v.EffectiveAt));
            Assert.True(versions[1].EffectiveAt >= versions[1].SavedAt);
            Assert.Equal(2, (await host.DescribeAsync("t", "upd-task")).State.ConfigVersion);
            Assert.Equal(3, versions[1].Request.TaskConfig.Schema.Count);
        }
    }

    [Fact]
    public async Task An_upload_interrupted_before_an_update_is_redone_after_a_restart_with_the_version_it_began_with()
    {
        string blocker, interruptedKey;
        await using (var host = await EngineHost.StartAsync(_data))
        {
            CreateTable(host);
            // A file where the prefix's folder must be: the upload of p's first object fails after its intent is recorded.
            blocker = Path.Combine(host.BucketFolder, "p");
            Directory.CreateDirectory(host.BucketFolder);
            File.WriteAllText(blocker, "in the way");
            await host.CreateAsync(EngineRequests.Task("t", "upd-task", "INC", "p", Before, new EmulatorTaskConfig(FlushIntervalSeconds: 1)));
            Put(host, "a", 1, "ignored-before");
            Put(host, "b", 2, "ignored-before");
            await host.WaitForAsync("t", "upd-task", s => s.State.LastError is not null);
            var pending = Assert.Single((await host.Catalog.LoadCheckpointAsync("upd-task", CancellationToken.None)).PendingIntents);
            Assert.Equal((1, 2L), (pending.ConfigVersion, pending.Rows));
            interruptedKey = pending.Key;

            Assert.Null(await host.Engine.UpdateTaskAsync(
                EngineRequests.Task("t", "upd-task", "INC", "q", After, new EmulatorTaskConfig(FlushIntervalSeconds: 1)), CancellationToken.None));
            Assert.Equal(1, (await host.DescribeAsync("t", "upd-task")).State.ConfigVersion);
        }

        File.Delete(blocker);
        await using (var host = await EngineHost.StartAsync(_data))
        {
            await host.WaitForAsync("t", "upd-task", s => s.State.ConfigVersion == 2);
            Put(host, "c", 3, "new-column");
            await host.WaitForAsync("t", "upd-task", s => s.State.RowsDelivered == 3);

            // The interrupted object is written as it was begun: version 1's prefix and columns, under its recorded key.
            DeliveredRows.AssertSame(["p|a|1", "p|b|2"], DeliveredRows.Read(host, "p/"));
            DeliveredRows.AssertSame(["q|c|3|new-column"], DeliveredRows.Read(host, "q/"));
            Assert.Equal([("p/", 1), ("q/", 2)], await ObjectVersions(host));
            Assert.Equal(interruptedKey, Assert.Single(host.ObjectKeys(), key => key.StartsWith("p/", StringComparison.Ordinal)));
            Assert.Empty((await host.Catalog.LoadCheckpointAsync("upd-task", CancellationToken.None)).PendingIntents);
        }
    }

    [Fact]
    public async Task A_refused_update_names_the_field_and_the_rule_and_changes_nothing()
    {
        await using var host = await EngineHost.StartAsync(_data);
        CreateTable(host);
        host.Tables.CreateTable("other", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        var created = EngineRequests.Task("t", "upd-task", "INC", "p", Before);
        await host.CreateAsync(created);

        await AssertRefused(host, created with { TaskName = "no-such" }, TableStoreError.ObjectNotExist, "taskName",
            "Table 't' has no delivery task named 'no-such'.");
        await AssertRefused(host, created with { TableName = "other" }, TableStoreError.ParameterInvalid, "tableName",
            "tableName 'other' cannot change: the task has 't'; create a new task for another.");
        await AssertRefused(host, created with { TaskType = "BASE_INC" }, TableStoreError.ParameterInvalid, "taskType",
            "taskType 'BASE_INC' cannot change: the task has 'INC'; create a new task for another.");
        await AssertRefused(host, created with { TaskConfig = created.TaskConfig with { OssBucket = "other-bucket" } },
            TableStoreError.ParameterInvalid, "taskConfig.ossBucket",
            "taskConfig.ossBucket 'other-bucket' cannot change: the task has 'lake-bucket'; create a new task for another.");
        await AssertRefused(host, created with { TaskConfig = created.TaskConfig with { Schema = [new SchemaColumnConfig("id", "UTF8"), new SchemaColumnConfig("v", "NOPE")] } },
            TableStoreError.ParameterInvalid, "taskConfig.schema[1].type", null);

        // The task's own config again is no change: accepted, and no version is saved.
        Assert.Null(await host.Engine.UpdateTaskAsync(created, CancellationToken.None));
        var versions = await Versions(host, "upd-task");
        Assert.Single(versions);
        Assert.Equal("p", (await host.DescribeAsync("t", "upd-task")).Definition.Request.TaskConfig.OssPrefix);
    }

    private static async Task AssertRefused(EngineHost host, CreateDeliveryTaskRequest update, string code, string field, string? message)
    {
        var error = await host.Engine.UpdateTaskAsync(update, CancellationToken.None);
        Assert.NotNull(error);
        Assert.Equal((code, field), (error.Code, error.Field));
        if (message is not null)
            Assert.Equal(message, error.Message);
    }

    private static Task<IReadOnlyList<TaskConfigVersion>> Versions(EngineHost host, string task = "upd-task") =>
        host.Catalog.ListConfigVersionsAsync(task, CancellationToken.None);

    private static async Task<List<(string Prefix, int Version)>> ObjectVersions(EngineHost host)
    {
        await using var db = await host.CatalogFactory.CreateDbContextAsync();
        return [.. (await db.DeliveredObjects.OrderBy(o => o.Id).ToListAsync()).Select(o => (o.Key[..(o.Key.LastIndexOf('/') + 1)], o.ConfigVersion))];
    }

    private static async Task<List<string>> EventsAsync(EngineHost host)
    {
        await using var db = await host.CatalogFactory.CreateDbContextAsync();
        return await db.TaskEvents.OrderBy(e => e.Id).Select(e => e.Message).ToListAsync();
    }

    private static void CreateTable(EngineHost host) => host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);

    private static void Put(EngineHost host, string id, long v, string w) =>
        host.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))],
            [new ColumnPut("v", Value.Integer(v)), new ColumnPut("w", Value.String(w))]));

    public void Dispose() => _data.Dispose();
}

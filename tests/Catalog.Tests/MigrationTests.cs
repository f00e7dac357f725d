using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DeliveryConsole.Catalog.Tests;

public class MigrationTests : IDisposable
{
    private readonly TempFolder _data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migrations_apply_to_an_empty_file_and_leave_it_in_wal_mode()
    {
        await using (var connection = new SqliteConnection(CatalogDb.ConnectionString(_data.Path)))
            await connection.OpenAsync(Cancel); // an empty database file, as an older console might leave

        await using (var db = await Factory().CreateDbContextAsync(Cancel))
        {
            await db.Database.MigrateAsync(Cancel);
            Assert.Equal(["20261124040337_Initial", "20261124060455_DeliveryTasks", "20261205090329_TaskFault", "20261205090851_DirtyObjectCounts", "20261206062119_ConfigVersions"], await db.Database.GetAppliedMigrationsAsync(Cancel));
        }

        await using var check = new SqliteConnection(CatalogDb.ConnectionString(_data.Path));
        await check.OpenAsync(Cancel);
        Assert.Equal("wal", await Scalar(check, "PRAGMA journal_mode;"));
        Assert.Equal(["DeliveredObjects", "DeliveryTasks", "DirtyCounts", "DirtyRecords", "Intents", "Partitions", "TaskConfigVersions", "TaskEvents"],
            await Names(check, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name"));
    }

    [Fact]
    public async Task Migrating_splits_the_dirty_data_objects_from_the_data_objects_that_older_counters_added_together()
    {
        await using var file = await CatalogFile.CreateAsync(Cancel);
        await file.Catalog.TryAddTaskAsync(Samples.Task("t1"), Cancel);
        var withDirty = Samples.Object(Samples.Intent("lake/a/t1_0_lake_a__1", "lake/a", 1));
        var clean = Samples.Object(Samples.Intent("lake/a/t1_0_lake_a__2", "lake/a", 2) with { DirtyKey = null, DirtyPrefix = null, DirtySequenceId = 0 })
            with { DirtyBytes = 0 };
        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(withDirty, [], Samples.State(), []), Cancel);
        await file.Catalog.CommitFlushAsync("t1", new FlushCommit(clean, [], Samples.State(), []), Cancel);
        await using var migrating = file.Open();
        var migrator = migrating.GetService<IMigrator>();

        // Back to the catalog before the split: its counters held data and dirty-data objects together.
        await migrator.MigrateAsync("20261124060455_DeliveryTasks", Cancel);
        await using (var connection = new SqliteConnection(file.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await Scalar(connection, "UPDATE DeliveryTasks SET ObjectsWritten = 3, BytesWritten = 99999 WHERE TaskName = 't1'");
        }
        await migrator.MigrateAsync(cancellationToken: Cancel);

        var state = (await file.Catalog.LoadCheckpointAsync("t1", Cancel)).State;
        Assert.Equal((2, withDirty.Bytes + clean.Bytes, 1, withDirty.DirtyBytes),
            (state.ObjectsWritten, state.BytesWritten, state.DirtyObjectsWritten, state.DirtyBytesWritten));
        await using var db = file.Open();
        Assert.All(db.DeliveredObjects, o => Assert.Equal(o.LastCommitTime, o.SyncTime));
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Cancel);
    }

    private static async Task<List<string>> Names(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var names = new List<string>();
        while (await reader.ReadAsync(Cancel))
            names.Add(reader.GetString(0));
        return names;
    }

    private PooledDbContextFactory<CatalogDb> Factory() =>
        new(new DbContextOptionsBuilder<CatalogDb>().UseSqlite(CatalogDb.ConnectionString(_data.Path)).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

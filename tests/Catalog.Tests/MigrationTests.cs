using DeliveryConsole.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
            Assert.Equal(["20261124040337_Initial", "20261124060455_DeliveryTasks"], await db.Database.GetAppliedMigrationsAsync(Cancel));
        }

        await using var check = new SqliteConnection(CatalogDb.ConnectionString(_data.Path));
        await check.OpenAsync(Cancel);
        Assert.Equal("wal", await Scalar(check, "PRAGMA journal_mode;"));
        Assert.Equal(["DeliveredObjects", "DeliveryTasks", "DirtyCounts", "DirtyRecords", "Intents", "Partitions", "TaskEvents"],
            await Names(check, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name"));
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

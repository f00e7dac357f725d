using DeliveryConsole.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DeliveryConsole.Catalog.Tests;

/// <summary>On real SQLite files in a temp folder, as the console uses them.</summary>
public class CatalogHealthTests : IDisposable
{
    private readonly TempFolder _data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_migrated_catalog_is_ok_at_the_newest_migration()
    {
        var factory = Factory();
        await using (var db = await factory.CreateDbContextAsync(Cancel))
            await db.Database.MigrateAsync(Cancel);

        var health = await CatalogHealth.CheckAsync(factory, Cancel);

        Assert.True(health.Ok, health.Detail);
        Assert.Equal(0, health.PendingMigrations);
        await using var check = await factory.CreateDbContextAsync(Cancel);
        Assert.Equal(check.Database.GetMigrations().Last(), health.SchemaVersion);
        Assert.True(File.Exists(_data.Combine(CatalogDb.FileName)));
    }

    [Fact]
    public async Task A_catalog_that_was_never_migrated_reports_its_pending_migrations()
    {
        await using (var connection = new SqliteConnection(CatalogDb.ConnectionString(_data.Path)))
            await connection.OpenAsync(Cancel); // creates an empty database file

        var health = await CatalogHealth.CheckAsync(Factory(), Cancel);

        Assert.False(health.Ok);
        Assert.True(health.PendingMigrations > 0);
        Assert.Equal($"{health.PendingMigrations} migration(s) not applied", health.Detail);
    }

    [Fact]
    public async Task A_missing_catalog_file_is_reported()
    {
        var health = await CatalogHealth.CheckAsync(Factory(), Cancel);

        Assert.False(health.Ok);
        Assert.Equal("the catalog file does not exist or cannot be opened", health.Detail);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported_not_thrown()
    {
        await File.WriteAllTextAsync(_data.Combine(CatalogDb.FileName), new string('x', 4096), Cancel);

        var health = await CatalogHealth.CheckAsync(Factory(), Cancel);

        Assert.False(health.Ok);
        Assert.StartsWith("the catalog cannot be read: ", health.Detail);
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var db = Factory().CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    private PooledDbContextFactory<CatalogDb> Factory() =>
        new(new DbContextOptionsBuilder<CatalogDb>().UseSqlite(CatalogDb.ConnectionString(_data.Path)).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

using DeliveryConsole.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DeliveryConsole.Catalog.Tests;

/// <summary>A migrated catalog file in a temp folder, as the console opens it, and the catalog on it.</summary>
public sealed class CatalogFile : IAsyncDisposable
{
    private readonly TempFolder _data = new();

    private CatalogFile()
    {
        ConnectionString = CatalogDb.ConnectionString(_data.Path);
        Factory = new(new DbContextOptionsBuilder<CatalogDb>().UseSqlite(ConnectionString).Options);
    }

    public string ConnectionString { get; }

    public PooledDbContextFactory<CatalogDb> Factory { get; }

    public SqliteTaskCatalog Catalog => new(Factory);

    public static async Task<CatalogFile> CreateAsync(CancellationToken cancellationToken)
    {
        var file = new CatalogFile();
        await using var db = await file.Factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return file;
    }

    public CatalogDb Open() => Factory.CreateDbContext();

    /// <summary>How many rows of <paramref name="taskName"/> each table holds.</summary>
    public async Task<TaskRows> CountAsync(string taskName, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return new(
            await db.DeliveryTasks.CountAsync(t => t.TaskName == taskName, cancellationToken),
            await db.Partitions.CountAsync(p => p.TaskName == taskName, cancellationToken),
            await db.DeliveredObjects.CountAsync(o => o.TaskName == taskName, cancellationToken),
            await db.Intents.CountAsync(i => i.TaskName == taskName, cancellationToken),
            await db.DirtyCounts.CountAsync(c => c.TaskName == taskName, cancellationToken),
            await db.DirtyRecords.CountAsync(r => r.TaskName == taskName, cancellationToken),
            await db.TaskEvents.CountAsync(e => e.TaskName == taskName, cancellationToken),
            await db.ConfigVersions.CountAsync(v => v.TaskName == taskName, cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record TaskRows(int Tasks, int Partitions, int Objects, int Intents, int DirtyCounts, int DirtyRecords, int Events, int ConfigVersions);

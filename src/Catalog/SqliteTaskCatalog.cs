using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Catalog;

/// <summary>
/// <see cref="ITaskCatalog"/> on the SQLite catalog. Each call opens its own short-lived context; a call that
/// writes more than one row does so in one transaction, begun IMMEDIATE (Microsoft.Data.Sqlite's default), so
/// its reads and writes see no other writer in between.
/// </summary>
public sealed class SqliteTaskCatalog(IDbContextFactory<CatalogDb> factory) : ITaskCatalog
{
    /// <summary>How many dirty records a task keeps (its newest); counts are kept forever.</summary>
    public const int DirtyRecordsKept = 10_000;

    /// <summary>How many events a task keeps (its newest).</summary>
    public const int EventsKept = 1_000;

    public async Task<bool> TryAddTaskAsync(StoredTask task, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.DeliveryTasks.Add(DeliveryTaskRow.From(task));
        db.ConfigVersions.Add(TaskConfigVersionRow.From(task.TaskName, new TaskConfigVersion(1, task.Request, task.CreatedAt, task.CreatedAt)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsKeyTaken(e))
        {
            return false; // the name was taken, possibly by a caller that raced us to it
        }
    }

    public async Task<IReadOnlyList<StoredTask>> ListTasksAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeliveryTasks.AsNoTracking().OrderBy(t => t.TaskName).ToListAsync(cancellationToken);
        return [.. rows.Select(row => row.ToStoredTask())];
    }

    public async Task<bool> RemoveTaskAsync(string taskName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Children first, explicitly: the cascading foreign keys are a safety net, not the mechanism.
        await db.Partitions.Where(p => p.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.Intents.Where(i => i.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.DeliveredObjects.Where(o => o.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.DirtyCounts.Where(c => c.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.DirtyRecords.Where(r => r.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.TaskEvents.Where(e => e.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await db.ConfigVersions.Where(v => v.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.DeliveryTasks.Where(t => t.TaskName == taskName).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public async Task<TaskCheckpoint> LoadCheckpointAsync(string taskName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // one consistent read
        var task = await FindTaskAsync(db.DeliveryTasks.AsNoTracking(), taskName, cancellationToken);
        var partitions = await db.Partitions.AsNoTracking().Where(p => p.TaskName == taskName)
            .OrderBy(p => p.Prefix).ToListAsync(cancellationToken);
        var intents = await db.Intents.AsNoTracking().Where(i => i.TaskName == taskName)
            .OrderBy(i => i.Prefix).ThenBy(i => i.SequenceId).ThenBy(i => i.Key).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(task.ToState(), [.. partitions.Select(p => p.ToState())], [.. intents.Select(i => i.ToIntent())]);
    }

    public async Task SaveStateAsync(string taskName, TaskState state, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var task = await FindTaskAsync(db.DeliveryTasks, taskName, cancellationToken);
        task.Apply(state);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordIntentAsync(string taskName, ObjectIntent intent, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RequireTaskAsync(db, taskName, cancellationToken);
        await db.Intents.Where(i => i.TaskName == taskName && i.Key == intent.Key).ExecuteDeleteAsync(cancellationToken);
        db.Intents.Add(IntentRow.From(taskName, intent));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CommitFlushAsync(string taskName, FlushCommit commit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await FindTaskAsync(db.DeliveryTasks, taskName, cancellationToken);
        task.Apply(commit.State);
        var key = commit.Object.Intent.Key;
        await db.Intents.Where(i => i.TaskName == taskName && i.Key == key).ExecuteDeleteAsync(cancellationToken);
        db.DeliveredObjects.Add(DeliveredObjectRow.From(taskName, commit.Object, commit.State.CurrentSyncTime));
        await UpsertPartitionsAsync(db, taskName, commit.Partitions, cancellationToken);
        if (commit.DirtyCells.Count > 0)
        {
            db.DirtyRecords.AddRange(commit.DirtyCells.Select(cell => DirtyRecordRow.From(taskName, cell)));
            await AddDirtyCountsAsync(db, taskName, commit.DirtyCells, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (commit.DirtyCells.Count > 0)
            await TrimDirtyRecordsAsync(db, taskName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TaskConfigVersion>> ListConfigVersionsAsync(string taskName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ConfigVersions.AsNoTracking().Where(v => v.TaskName == taskName).OrderBy(v => v.Version)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => row.ToVersion())];
    }

    public async Task<TaskConfigVersion> AddConfigVersionAsync(string taskName, CreateDeliveryTaskRequest request, DateTimeOffset savedAt,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await FindTaskAsync(db.DeliveryTasks, taskName, cancellationToken);
        var newest = await db.ConfigVersions.Where(v => v.TaskName == taskName).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = new TaskConfigVersion(newest + 1, request, savedAt, null);
        db.ConfigVersions.Add(TaskConfigVersionRow.From(taskName, version));
        task.RequestJson = CatalogJson.Serialize(request);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    public async Task ApplyConfigVersionAsync(string taskName, TaskState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await FindTaskAsync(db.DeliveryTasks, taskName, cancellationToken);
        task.Apply(state);
        var version = await db.ConfigVersions.SingleOrDefaultAsync(v => v.TaskName == taskName && v.Version == state.ConfigVersion, cancellationToken)
            ?? throw new KeyNotFoundException($"task '{taskName}' has no config version {state.ConfigVersion}");
        version.EffectiveAt = at;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AddEventAsync(string taskName, TaskEvent taskEvent, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RequireTaskAsync(db, taskName, cancellationToken);
        db.TaskEvents.Add(TaskEventRow.From(taskName, taskEvent));
        await db.SaveChangesAsync(cancellationToken);
        await TrimEventsAsync(db, taskName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertPartitionsAsync(CatalogDb db, string taskName, IReadOnlyList<PartitionState> partitions,
        CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
            return;
        var prefixes = partitions.Select(p => p.Prefix).Distinct().ToList();
        var rows = await db.Partitions.Where(p => p.TaskName == taskName && prefixes.Contains(p.Prefix))
            .ToDictionaryAsync(p => p.Prefix, StringComparer.Ordinal, cancellationToken);
        foreach (var partition in partitions)
        {
            if (!rows.TryGetValue(partition.Prefix, out var row))
            {
                row = new PartitionRow { TaskName = taskName, Prefix = partition.Prefix };
                db.Partitions.Add(row);
                rows.Add(partition.Prefix, row);
            }
            row.Apply(partition);
        }
    }

    private static async Task AddDirtyCountsAsync(CatalogDb db, string taskName, IReadOnlyList<DirtyRecord> cells,
        CancellationToken cancellationToken)
    {
        var counts = await db.DirtyCounts.Where(c => c.TaskName == taskName)
            .ToDictionaryAsync(c => (c.ColumnName, c.ActualType), cancellationToken);
        foreach (var group in cells.GroupBy(cell => (cell.ColumnName, cell.ActualType)))
        {
            if (!counts.TryGetValue(group.Key, out var row))
            {
                row = new DirtyCountRow { TaskName = taskName, ColumnName = group.Key.ColumnName, ActualType = group.Key.ActualType };
                db.DirtyCounts.Add(row);
            }
            row.Count += group.Count();
        }
    }

    /// <summary>Deletes all but the task's newest records: those at or below the id of the first one past the limit.</summary>
    private static Task TrimDirtyRecordsAsync(CatalogDb db, string taskName, CancellationToken cancellationToken) =>
        db.DirtyRecords
            .Where(r => r.TaskName == taskName && r.Id <= db.DirtyRecords.Where(newer => newer.TaskName == taskName)
                .OrderByDescending(newer => newer.Id).Skip(DirtyRecordsKept).Select(newer => (long?)newer.Id).FirstOrDefault())
            .ExecuteDeleteAsync(cancellationToken);

    private static Task TrimEventsAsync(CatalogDb db, string taskName, CancellationToken cancellationToken) =>
        db.TaskEvents
            .Where(e => e.TaskName == taskName && e.Id <= db.TaskEvents.Where(newer => newer.TaskName == taskName)
                .OrderByDescending(newer => newer.Id).Skip(EventsKept).Select(newer => (long?)newer.Id).FirstOrDefault())
            .ExecuteDeleteAsync(cancellationToken);

    private static async Task<DeliveryTaskRow> FindTaskAsync(IQueryable<DeliveryTaskRow> tasks, string taskName,
        CancellationToken cancellationToken) =>
        await tasks.SingleOrDefaultAsync(t => t.TaskName == taskName, cancellationToken) ?? throw Missing(taskName);

    private static async Task RequireTaskAsync(CatalogDb db, string taskName, CancellationToken cancellationToken)
    {
        if (!await db.DeliveryTasks.AnyAsync(t => t.TaskName == taskName, cancellationToken))
            throw Missing(taskName);
    }

    private static KeyNotFoundException Missing(string taskName) => new($"the catalog has no task named '{taskName}'");

    private static bool IsKeyTaken(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT } sqlite
        && sqlite.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY or SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE;
}

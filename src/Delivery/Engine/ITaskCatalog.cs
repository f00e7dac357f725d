namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Where delivery tasks and their progress are kept durably (the SQLite catalog). Every member is atomic: a
/// failed call changes nothing. Implementations are thread-safe.
/// </summary>
public interface ITaskCatalog
{
    /// <summary>Adds a task in INIT with an empty state; false (and nothing added) when its name is taken.</summary>
    Task<bool> TryAddTaskAsync(StoredTask task, CancellationToken cancellationToken);

    /// <summary>Every task, in name order.</summary>
    Task<IReadOnlyList<StoredTask>> ListTasksAsync(CancellationToken cancellationToken);

    /// <summary>Removes the task and everything kept about it; false when there was none. Delivered objects stay.</summary>
    Task<bool> RemoveTaskAsync(string taskName, CancellationToken cancellationToken);

    Task<TaskCheckpoint> LoadCheckpointAsync(string taskName, CancellationToken cancellationToken);

    /// <summary>Saves the task's state alone (a phase change, an error, a checkpoint that moved with no upload).</summary>
    Task SaveStateAsync(string taskName, TaskState state, CancellationToken cancellationToken);

    /// <summary>Records an upload about to happen; replaces an earlier intent of the same key.</summary>
    Task RecordIntentAsync(string taskName, ObjectIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// Makes one flush durable: the object delivered (its intent removed), the prefix states, the task state, and
    /// the dirty cells (added to the counts kept forever and to the newest 10,000 records).
    /// </summary>
    Task CommitFlushAsync(string taskName, FlushCommit commit, CancellationToken cancellationToken);

    Task AddEventAsync(string taskName, TaskEvent taskEvent, CancellationToken cancellationToken);
}

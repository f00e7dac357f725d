using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Where delivery tasks and their progress are kept durably (the SQLite catalog). Every member is atomic: a
/// failed call changes nothing. Implementations are thread-safe.
/// </summary>
public interface ITaskCatalog
{
    /// <summary>
    /// Adds a task in INIT with an empty state and its request as config version 1 (in effect from its creation);
    /// false (and nothing added) when its name is taken.
    /// </summary>
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

    /// <summary>The task's config versions, oldest first.</summary>
    Task<IReadOnlyList<TaskConfigVersion>> ListConfigVersionsAsync(string taskName, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="request"/> as the task's next config version (not yet in effect) and as the request the
    /// task is listed and described with; returns that version.
    /// </summary>
    Task<TaskConfigVersion> AddConfigVersionAsync(string taskName, CreateDeliveryTaskRequest request, DateTimeOffset savedAt,
        CancellationToken cancellationToken);

    /// <summary>
    /// Puts <paramref name="state"/>'s config version in effect at once with the state (whose checkpoint has nothing
    /// buffered): the version's time of effect is <paramref name="at"/>.
    /// </summary>
    Task ApplyConfigVersionAsync(string taskName, TaskState state, DateTimeOffset at, CancellationToken cancellationToken);

    Task AddEventAsync(string taskName, TaskEvent taskEvent, CancellationToken cancellationToken);
}

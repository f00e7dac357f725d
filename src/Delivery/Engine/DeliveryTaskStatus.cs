namespace DeliveryConsole.Delivery.Engine;

/// <summary>A task as DescribeDeliveryTask shows it: what it is, and where it is now.</summary>
/// <param name="FreshnessLag">How far behind "now" what is delivered is (now minus the current sync time).</param>
/// <param name="SnapshotRowsScanned">Rows of the snapshot read so far (live, ahead of what is saved).</param>
/// <param name="RowsBuffered">Rows read and waiting in buffers for their object to be written (live).</param>
/// <param name="ConfigVersions">The task's config versions, oldest first, each with when it took effect.</param>
public sealed record DeliveryTaskStatus(
    StoredTask Definition,
    TaskState State,
    TimeSpan FreshnessLag,
    long SnapshotRowsScanned,
    long RowsBuffered,
    IReadOnlyList<TaskConfigVersion> ConfigVersions);

/// <summary>One line of ListDeliveryTask.</summary>
public sealed record DeliveryTaskSummary(string TableName, string TaskName, Tasks.DeliveryTaskType TaskType);

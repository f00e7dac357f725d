using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>
/// A delivery task (table DeliveryTasks): the request it was created from, as JSON, and its saved
/// <see cref="TaskState"/>, one column per field so pages can sort and filter on them.
/// </summary>
public sealed class DeliveryTaskRow
{
    /// <summary>Unique per instance, not only per table.</summary>
    public required string TaskName { get; set; }
    public required string TableName { get; set; }
    public DeliveryTaskType TaskType { get; set; }

    /// <summary>
    /// The <see cref="CreateDeliveryTaskRequest"/> of the newest config version with every default written out
    /// (<see cref="CatalogJson"/>); TaskConfigVersions keeps every version.
    /// </summary>
    public required string RequestJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long StartSequence { get; set; }

    public TaskPhase Phase { get; set; }

    /// <summary>The config version the task maps rows with (<see cref="TaskState.ConfigVersion"/>).</summary>
    public int ConfigVersion { get; set; } = 1;
    public long SnapshotSequence { get; set; }
    public long SnapshotTime { get; set; }
    public long SnapshotRowsTotal { get; set; }
    public long SnapshotRowsScanned { get; set; }
    public long FullResumeOrdinal { get; set; }
    public byte[]? FullResumeKey { get; set; }
    public long ChangeResumeSequence { get; set; }
    public long CurrentSyncTime { get; set; }
    public long RowsDelivered { get; set; }
    public long ObjectsWritten { get; set; }
    public long BytesWritten { get; set; }
    public long DirtyObjectsWritten { get; set; }
    public long DirtyBytesWritten { get; set; }
    public long DirtyCells { get; set; }
    public DateTimeOffset? LastFlushTime { get; set; }
    public bool Finished { get; set; }
    public TaskErrorCode ErrorCode { get; set; }
    public TaskFault Fault { get; set; }
    public string Detail { get; set; } = "";
    public DateTimeOffset? LastErrorTime { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>A new row for <paramref name="task"/>, in INIT with an empty state.</summary>
    public static DeliveryTaskRow From(StoredTask task)
    {
        var row = new DeliveryTaskRow
        {
            TaskName = task.TaskName,
            TableName = task.TableName,
            TaskType = task.TaskType,
            RequestJson = CatalogJson.Serialize(task.Request),
            CreatedAt = task.CreatedAt,
            StartSequence = task.StartSequence,
        };
        row.Apply(new TaskState());
        return row;
    }

    public StoredTask ToStoredTask() =>
        new(TaskName, TableName, TaskType, CatalogJson.DeserializeRequest(RequestJson), CreatedAt, StartSequence);

    public TaskState ToState() => new()
    {
        Phase = Phase,
        ConfigVersion = ConfigVersion,
        SnapshotSequence = SnapshotSequence,
        SnapshotTime = SnapshotTime,
        SnapshotRowsTotal = SnapshotRowsTotal,
        SnapshotRowsScanned = SnapshotRowsScanned,
        FullResumeOrdinal = FullResumeOrdinal,
        FullResumeKey = FullResumeKey,
        ChangeResumeSequence = ChangeResumeSequence,
        CurrentSyncTime = CurrentSyncTime,
        RowsDelivered = RowsDelivered,
        ObjectsWritten = ObjectsWritten,
        BytesWritten = BytesWritten,
        DirtyObjectsWritten = DirtyObjectsWritten,
        DirtyBytesWritten = DirtyBytesWritten,
        DirtyCells = DirtyCells,
        LastFlushTime = LastFlushTime,
        Finished = Finished,
        ErrorCode = ErrorCode,
        Fault = Fault,
        Detail = Detail,
        LastErrorTime = LastErrorTime,
        LastError = LastError,
        RetryAt = RetryAt,
    };

    public void Apply(TaskState state)
    {
        Phase = state.Phase;
        ConfigVersion = state.ConfigVersion;
        SnapshotSequence = state.SnapshotSequence;
        SnapshotTime = state.SnapshotTime;
        SnapshotRowsTotal = state.SnapshotRowsTotal;
        SnapshotRowsScanned = state.SnapshotRowsScanned;
        FullResumeOrdinal = state.FullResumeOrdinal;
        FullResumeKey = state.FullResumeKey;
        ChangeResumeSequence = state.ChangeResumeSequence;
        CurrentSyncTime = state.CurrentSyncTime;
        RowsDelivered = state.RowsDelivered;
        ObjectsWritten = state.ObjectsWritten;
        BytesWritten = state.BytesWritten;
        DirtyObjectsWritten = state.DirtyObjectsWritten;
        DirtyBytesWritten = state.DirtyBytesWritten;
        DirtyCells = state.DirtyCells;
        LastFlushTime = state.LastFlushTime;
        Finished = state.Finished;
        ErrorCode = state.ErrorCode;
        Fault = state.Fault;
        Detail = state.Detail;
        LastErrorTime = state.LastErrorTime;
        LastError = state.LastError;
        RetryAt = state.RetryAt;
    }
}

internal sealed class DeliveryTaskRowConfiguration : IEntityTypeConfiguration<DeliveryTaskRow>
{
    public void Configure(EntityTypeBuilder<DeliveryTaskRow> task)
    {
        task.ToTable("DeliveryTasks");
        task.HasKey(t => t.TaskName);
        task.HasIndex(t => t.TableName);
    }
}

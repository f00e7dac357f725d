using System.Globalization;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// A created task as the catalog keeps it: the request with every default written out (so a later change of an
/// instance default does not change the task), when it was created, and the change sequence it starts after.
/// </summary>
/// <param name="StartSequence">The newest change when the task was created: INC delivers the changes after it.</param>
public sealed record StoredTask(
    string TaskName,
    string TableName,
    DeliveryTaskType TaskType,
    CreateDeliveryTaskRequest Request,
    DateTimeOffset CreatedAt,
    long StartSequence);

/// <summary>
/// Where a task is and what it has done, saved with every commit. Positions count in the phase's own unit: in
/// FULL the 1-based ordinal of a row in the snapshot's key order, in INCR a change sequence.
/// </summary>
public sealed record TaskState
{
    public TaskPhase Phase { get; init; }

    /// <summary>The saved snapshot FULL reads (0 before INIT has taken it): its newest change and its time (ms).</summary>
    public long SnapshotSequence { get; init; }
    public long SnapshotTime { get; init; }
    public long SnapshotRowsTotal { get; init; }
    public long SnapshotRowsScanned { get; init; }

    /// <summary>FULL resumes at this row ordinal and primary key (encoded with the table's key codec); null: at the start.</summary>
    public long FullResumeOrdinal { get; init; } = 1;
    public byte[]? FullResumeKey { get; init; }

    /// <summary>INCR resumes with the changes after this sequence.</summary>
    public long ChangeResumeSequence { get; init; }

    /// <summary>The newest commit time (ms) durably delivered; 0 in INIT.</summary>
    public long CurrentSyncTime { get; init; }

    public long RowsDelivered { get; init; }

    /// <summary>Parquet data objects written, and their bytes.</summary>
    public long ObjectsWritten { get; init; }
    public long BytesWritten { get; init; }

    /// <summary>JSON Lines objects of dirty cells written under <c>ossDirtyPrefix</c>, and their bytes: counted apart from the data.</summary>
    public long DirtyObjectsWritten { get; init; }
    public long DirtyBytesWritten { get; init; }

    /// <summary>
    /// The rows and objects delivered in words, dirty-data objects apart from the data objects that hold the rows:
    /// "802 rows in 1 object (+1 dirty-data object)".
    /// </summary>
    public string DeliveredText()
    {
        var text = $"{Counted(RowsDelivered, "row")} in {Counted(ObjectsWritten, "object")}";
        return DirtyObjectsWritten == 0 ? text : $"{text} (+{Counted(DirtyObjectsWritten, "dirty-data object")})";
    }

    private static string Counted(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");
    public long DirtyCells { get; init; }
    public DateTimeOffset? LastFlushTime { get; init; }

    /// <summary>True when a BASE task has delivered its snapshot and has nothing more to do.</summary>
    public bool Finished { get; init; }

    public TaskErrorCode ErrorCode { get; init; }

    /// <summary>A failure <see cref="ErrorCode"/> cannot show (it is OK meanwhile); None when there is none.</summary>
    public TaskFault Fault { get; init; }

    public string Detail { get; init; } = "";
    public DateTimeOffset? LastErrorTime { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>This state delivering again: no error code, fault, detail or retry (the last error stays as history).</summary>
    public TaskState Delivering() => this with
    {
        ErrorCode = TaskErrorCode.Ok, Fault = TaskFault.None, Detail = "", RetryAt = null,
    };
}

/// <summary>
/// The object sequence of one resolved prefix, and how far each phase's rows of that prefix are delivered: a
/// restarted task skips the rows it finds at or before these positions.
/// </summary>
public sealed record PartitionState(string Prefix, long NextSequenceId, long FullDeliveredThrough, long ChangeDeliveredThrough);

/// <summary>
/// An object about to be uploaded: its key, and exactly which rows (this prefix's rows of <paramref name="Phase"/>
/// from <paramref name="FirstPosition"/> to <paramref name="LastPosition"/>) it holds. Recorded before the upload,
/// so a restarted task uploads the same rows under the same key. <paramref name="DirtyKey"/> names the JSON Lines
/// object of those rows' dirty cells, when the task delivers them.
/// </summary>
public sealed record ObjectIntent(
    string Key,
    string Prefix,
    long SequenceId,
    TaskPhase Phase,
    long FirstPosition,
    long LastPosition,
    long Rows,
    string? DirtyKey = null,
    string? DirtyPrefix = null,
    long DirtySequenceId = 0);

/// <summary>An uploaded object: what it holds and where its rows came from.</summary>
public sealed record DeliveredObject(
    ObjectIntent Intent,
    long Bytes,
    DateTimeOffset MinPartitionTime,
    DateTimeOffset MaxPartitionTime,
    long FirstCommitTime,
    long LastCommitTime,
    DateTimeOffset WrittenAt,
    long DirtyBytes = 0);

/// <summary>One dirty cell of a delivered row: delivered as null, counted, kept among the task's newest records.</summary>
/// <param name="PrimaryKey">The row's primary key as JSON text.</param>
/// <param name="Position">The row's position in <paramref name="Phase"/> (snapshot ordinal or change sequence).</param>
public sealed record DirtyRecord(
    string PrimaryKey,
    string ColumnName,
    string ExpectedType,
    string ActualType,
    string Value,
    TaskPhase Phase,
    long Position,
    DateTimeOffset Time);

/// <summary>Something that happened to a task, for its timeline: <paramref name="Level"/> is info or error.</summary>
public sealed record TaskEvent(DateTimeOffset Time, string Level, string Message)
{
    public const string Info = "info";
    public const string Error = "error";
}

/// <summary>
/// Everything one flush makes durable at once: the uploaded object (its intent done), the prefixes' new states,
/// the task's new state (checkpoint and counters) and the dirty cells of the object's rows.
/// </summary>
public sealed record FlushCommit(
    DeliveredObject Object,
    IReadOnlyList<PartitionState> Partitions,
    TaskState State,
    IReadOnlyList<DirtyRecord> DirtyCells);

/// <summary>What a task resumes from: its state, its prefixes, and the intents whose upload was not committed.</summary>
public sealed record TaskCheckpoint(
    TaskState State,
    IReadOnlyList<PartitionState> Partitions,
    IReadOnlyList<ObjectIntent> PendingIntents);

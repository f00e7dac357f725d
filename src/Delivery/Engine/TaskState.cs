using System.Globalization;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Where a task is and what it has done, saved with every commit. Positions count in the phase's own unit: in
/// FULL the 1-based ordinal of a row in the snapshot's key order, in INCR a change sequence.
/// </summary>
public sealed record TaskState
{
    public TaskPhase Phase { get; init; }

    /// <summary>
    /// The config version the task maps rows with (<see cref="TaskConfigVersion"/>); saved with the checkpoint, so a
    /// restart maps the rows it reads again with the version that mapped them before.
    /// </summary>
    public int ConfigVersion { get; init; } = 1;

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

using System.Text.Json.Serialization;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Api;

// Request and response bodies of the delivery task operations (CreateDeliveryTask's body is the engine's
// CreateDeliveryTaskRequest). Names follow the real SDK's fields in camelCase; `emulator` is this emulator's extension.

/// <summary>DescribeDeliveryTask's and DeleteDeliveryTask's body. Both fields are required; null is answered as missing.</summary>
public sealed record DeliveryTaskBody(string? TableName, string? TaskName);

/// <param name="TableName">The table whose tasks to list; absent: every task of the instance.</param>
public sealed record ListDeliveryTaskBody(string? TableName = null);

public sealed record ListDeliveryTaskResult(IReadOnlyList<DeliveryTaskSummaryJson> Tasks);

/// <param name="TaskType">BASE, INC or BASE_INC.</param>
public sealed record DeliveryTaskSummaryJson(string TableName, string TaskName, string TaskType)
{
    public static DeliveryTaskSummaryJson From(DeliveryTaskSummary summary) =>
        new(summary.TableName, summary.TaskName, summary.TaskType.WireName());
}

/// <param name="TaskConfig">The task's configuration with every default written out.</param>
/// <param name="TaskType">BASE, INC or BASE_INC.</param>
public sealed record DescribeDeliveryTaskResult(
    DeliveryTaskConfig TaskConfig,
    string TaskType,
    TaskSyncStatJson TaskSyncStat,
    DeliveryTaskEmulatorJson Emulator)
{
    public static DescribeDeliveryTaskResult From(DeliveryTaskStatus status)
    {
        var (task, state) = (status.Definition, status.State);
        var emulator = task.Request.Emulator;
        return new(
            task.Request.TaskConfig,
            task.TaskType.WireName(),
            new TaskSyncStatJson(state.Phase.WireName(), state.CurrentSyncTime * NanosecondsPerMillisecond, state.ErrorCode.WireName(), state.Detail),
            new DeliveryTaskEmulatorJson(
                state.RowsDelivered, status.RowsBuffered, state.ObjectsWritten, state.BytesWritten, state.DirtyCells,
                state.DirtyObjectsWritten, state.DirtyBytesWritten,
                status.SnapshotRowsScanned, state.SnapshotRowsTotal,
                (long)status.FreshnessLag.TotalMilliseconds,
                Utc(state.LastFlushTime),
                state.LastError is { } message ? new TaskErrorJson(Utc(state.LastErrorTime) ?? DateTimeOffset.UnixEpoch, message) : null,
                Utc(state.RetryAt),
                emulator?.FlushIntervalSeconds ?? TaskValidationContext.DefaultFlushIntervalSeconds,
                emulator?.FlushSizeMiB ?? (int)TaskValidationContext.DefaultFlushSizeMiB,
                emulator?.TimeZone ?? PartitionTimeZone.DefaultId,
                state.Finished,
                state.EmulatorErrorCode(),
                state.ConfigVersion,
                [.. status.ConfigVersions.Select(v => new ConfigVersionJson(v.Version, v.SavedAt.ToUniversalTime(), Utc(v.EffectiveAt)))]));
    }

    private const long NanosecondsPerMillisecond = 1_000_000;

    private static DateTimeOffset? Utc(DateTimeOffset? time) => time?.ToUniversalTime();
}

/// <param name="TaskSyncPhase">INIT (setting up), FULL (the snapshot) or INCR (the changes; a finished BASE task stays here).</param>
/// <param name="CurrentSyncTimestamp">Nanoseconds since the epoch of the newest commit time durably delivered; 0 in INIT.</param>
/// <param name="ErrorCode">OK, UNAUTHORIZED or INVALID_OSS_BUCKET.</param>
/// <param name="Detail">What the error code means for this task, in words; empty when OK.</param>
public sealed record TaskSyncStatJson(string TaskSyncPhase, long CurrentSyncTimestamp, string ErrorCode, string Detail);

/// <summary>The emulator's extension of DescribeDeliveryTask: progress counters and the task's effective settings.</summary>
/// <param name="RowsBuffered">Rows read and waiting in buffers for their object to be written.</param>
/// <param name="ObjectsWritten">Parquet data objects written (the dirty-data objects are counted apart).</param>
/// <param name="BytesWritten">Bytes of the Parquet data objects.</param>
/// <param name="DirtyCells">Cells delivered as null because their value did not fit the column's type.</param>
/// <param name="DirtyObjectsWritten">JSON Lines objects of dirty cells written under <c>ossDirtyPrefix</c>.</param>
/// <param name="DirtyBytesWritten">Bytes of those dirty-data objects.</param>
/// <param name="SnapshotRowsScanned">Rows of the snapshot read so far.</param>
/// <param name="SnapshotRowsTotal">Rows in the snapshot (0 before it is taken).</param>
/// <param name="FreshnessLagMs">Freshness: how far the newest delivered change is behind now (now minus the current sync time), in milliseconds.</param>
/// <param name="LastFlushTime">When an object was last written (ISO 8601, UTC); null before the first.</param>
/// <param name="LastError">The newest error and when it happened; absent when there was none.</param>
/// <param name="RetryAt">When a failing task tries again (ISO 8601, UTC); absent when it is not waiting to retry.</param>
/// <param name="Finished">True when a BASE task has delivered its whole snapshot.</param>
/// <param name="ConfigVersion">The config version the task maps the rows it reads with now (see <paramref name="ConfigVersions"/>).</param>
/// <param name="ConfigVersions">Every config version of the task, oldest first, with when each was saved and took effect.</param>
/// <param name="ErrorCode">
/// The task's error code with the emulator's own: taskSyncStat's code, except ENDPOINT_UNREACHABLE (retrying an
/// unreachable endpoint, before INVALID_OSS_BUCKET) or EMULATOR_ERROR (a failure the service has no code for,
/// retrying) while taskSyncStat says OK. OK only when the task is not failing.
/// </param>
public sealed record DeliveryTaskEmulatorJson(
    long RowsDelivered,
    long RowsBuffered,
    long ObjectsWritten,
    long BytesWritten,
    long DirtyCells,
    long DirtyObjectsWritten,
    long DirtyBytesWritten,
    long SnapshotRowsScanned,
    long SnapshotRowsTotal,
    long FreshnessLagMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastFlushTime,
    TaskErrorJson? LastError,
    DateTimeOffset? RetryAt,
    int FlushIntervalSeconds,
    int FlushSizeMiB,
    string TimeZone,
    bool Finished,
    string ErrorCode,
    int ConfigVersion,
    IReadOnlyList<ConfigVersionJson> ConfigVersions);

/// <summary>One config version of a task: 1 is the create, each UpdateDeliveryTask adds the next.</summary>
/// <param name="SavedAt">When the create or update was accepted (ISO 8601, UTC).</param>
/// <param name="EffectiveAt">
/// When the task started mapping rows with it (ISO 8601, UTC): the next object boundary after <paramref name="SavedAt"/>.
/// Null while it waits for that boundary, and for a version replaced by a newer one before it got there.
/// </param>
public sealed record ConfigVersionJson(int Version, DateTimeOffset SavedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EffectiveAt);

/// <param name="Time">ISO 8601, UTC.</param>
public sealed record TaskErrorJson(DateTimeOffset Time, string Message);

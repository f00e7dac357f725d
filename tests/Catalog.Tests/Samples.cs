using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Catalog.Tests;

/// <summary>Catalog records with every field set to something other than its default.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 3, 5, 123, TimeSpan.FromHours(8));

    public static StoredTask Task(string name, string table = "orders", long startSequence = 7) => new(
        name, table, DeliveryTaskType.BaseInc,
        new CreateDeliveryTaskRequest(table, name,
            new DeliveryTaskConfig("lake/$yyyy/$MM/$dd", "bucket-1", "oss-cn-hangzhou.aliyuncs.com",
                "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
                [new SchemaColumnConfig("id", "INT64", "id", "PLAIN"), new SchemaColumnConfig("name", "UTF8", "Name", "PLAIN")],
                Format: "Parquet"),
            "BASE_INC",
            new EmulatorTaskConfig(120, 64, "Asia/Shanghai")),
        Now, startSequence);

    public static TaskState State(long n = 1) => new()
    {
        Phase = TaskPhase.Full,
        ConfigVersion = 2 + (int)n,
        SnapshotSequence = 100 + n,
        SnapshotTime = 1_700_000_000_000 + n,
        SnapshotRowsTotal = 5_000 + n,
        SnapshotRowsScanned = 4_000 + n,
        FullResumeOrdinal = 42 + n,
        FullResumeKey = [1, 2, 3, (byte)n],
        ChangeResumeSequence = 99 + n,
        CurrentSyncTime = 1_700_000_001_000 + n,
        RowsDelivered = 41 + n,
        ObjectsWritten = 3 + n,
        BytesWritten = 12_345 + n,
        DirtyObjectsWritten = 2 + n,
        DirtyBytesWritten = 678 + n,
        DirtyCells = 6 + n,
        LastFlushTime = Now.AddTicks(n), // tick precision and an offset: the instant must come back exactly
        Finished = true,
        ErrorCode = TaskErrorCode.InvalidOssBucket,
        Fault = TaskFault.EndpointUnreachable,
        Detail = $"endpoint unreachable: {n}",
        LastErrorTime = Now.AddSeconds(-n),
        LastError = $"connection refused {n}",
        RetryAt = Now.AddSeconds(n),
    };

    public static ObjectIntent Intent(string key, string prefix = "lake/2026/11/24", long sequenceId = 1, long first = 1, long last = 10) =>
        new(key, prefix, sequenceId, TaskPhase.Incr, first, last, last - first + 1, $"dirty/{key}", "dirty/2026", sequenceId + 100, 3);

    public static DeliveredObject Object(ObjectIntent intent) => new(
        intent, 2_048 + intent.SequenceId, Now.AddHours(-1), Now, 1_700_000_000_000, 1_700_000_009_000, Now.AddMinutes(intent.SequenceId), 77);

    public static DirtyRecord Dirty(long position, string column = "name", string actualType = "INTEGER") => new(
        $"[{{\"id\":{position}}}]", column, "UTF8", actualType, position.ToString(), TaskPhase.Incr, position, Now.AddMilliseconds(position));

    public static FlushCommit Commit(string key, long sequenceId, IReadOnlyList<DirtyRecord>? dirty = null, long stateNumber = 1,
        string prefix = "lake/2026/11/24") =>
        new(Object(Intent(key, prefix, sequenceId)),
            [new PartitionState(prefix, sequenceId + 1, 0, sequenceId * 10)],
            State(stateNumber),
            dirty ?? []);
}

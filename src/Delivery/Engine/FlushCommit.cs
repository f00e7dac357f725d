namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Everything one flush makes durable at once: the uploaded object (its intent done), the prefixes' new states,
/// the task's new state (checkpoint and counters) and the dirty cells of the object's rows.
/// </summary>
public sealed record FlushCommit(
    DeliveredObject Object,
    IReadOnlyList<PartitionState> Partitions,
    TaskState State,
    IReadOnlyList<DirtyRecord> DirtyCells);

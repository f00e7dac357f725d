namespace DeliveryConsole.Delivery.Engine;

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

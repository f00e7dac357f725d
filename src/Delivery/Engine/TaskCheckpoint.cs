namespace DeliveryConsole.Delivery.Engine;

/// <summary>What a task resumes from: its state, its prefixes, and the intents whose upload was not committed.</summary>
public sealed record TaskCheckpoint(
    TaskState State,
    IReadOnlyList<PartitionState> Partitions,
    IReadOnlyList<ObjectIntent> PendingIntents);

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// The object sequence of one resolved prefix, and how far each phase's rows of that prefix are delivered: a
/// restarted task skips the rows it finds at or before these positions.
/// </summary>
public sealed record PartitionState(string Prefix, long NextSequenceId, long FullDeliveredThrough, long ChangeDeliveredThrough);

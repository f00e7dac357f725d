namespace DeliveryConsole.Delivery.Engine;

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

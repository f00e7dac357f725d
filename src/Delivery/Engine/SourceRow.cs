using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// One row to deliver, from the snapshot or the change log: its position in the phase (snapshot ordinal or change
/// sequence), its primary key, its (name, value) cells for the schema mapper, its write time (ms) and the commit
/// time (ms) of what it reflects.
/// </summary>
internal readonly record struct SourceRow(
    long Position,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<(string Name, Value Value)> Cells,
    long WriteTime,
    long CommitTime);

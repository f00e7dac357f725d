using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// A source row mapped to the schema: one slot per schema column in schema order, null where the cell is missing
/// or dirty, otherwise a value of the column's type; and the dirty cells of this row.
/// </summary>
public sealed record MappedRow(Value?[] Values, IReadOnlyList<DirtyCell> DirtyCells);

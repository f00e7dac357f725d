using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// A cell that does not convert to its schema column (see its <see cref="CellConversion"/>; any BINARY cell): it was delivered as null, its row kept.
/// <paramref name="ActualType"/> is the cell's type name (STRING, INTEGER, DOUBLE, BOOLEAN, BINARY);
/// <paramref name="Value"/> is its text cut to 1 KiB (<see cref="DirtyValueText"/>).
/// </summary>
public sealed record DirtyCell(
    string ColumnName,
    string OssColumnName,
    ParquetType ExpectedType,
    string ActualType,
    string Value,
    bool ValueTruncated)
{
    public static DirtyCell Of(SchemaColumn column, Value value)
    {
        var text = DirtyValueText.Of(value, out var truncated);
        return new DirtyCell(column.ColumnName, column.OssColumnName, column.Type, value.TypeName, text, truncated);
    }
}

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// One entry of a task's schema: the table column <paramref name="ColumnName"/> (primary-key or attribute, case
/// sensitive) delivered as the Parquet column <paramref name="OssColumnName"/> of <paramref name="Type"/>, written
/// with <paramref name="Encoding"/>. <paramref name="TypeExtend"/> is the request's text as given (null when absent),
/// kept and shown back; DECIMAL reads its precision and scale from it (<see cref="DecimalShape"/>), other types keep
/// it only. The list's order is the Parquet column order.
/// </summary>
public sealed record SchemaColumn(
    string ColumnName,
    string OssColumnName,
    ParquetType Type,
    ColumnEncoding Encoding = ColumnEncoding.Plain,
    string? TypeExtend = null)
{
    /// <summary>A DECIMAL column's precision and scale; null for other types. The column's rules have checked its text.</summary>
    public DecimalShape? Decimal => Type == ParquetType.Decimal ? DecimalShape.Of(TypeExtend) : null;
}

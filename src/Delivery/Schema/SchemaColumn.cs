namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// One entry of a task's schema: the table column <paramref name="ColumnName"/> (primary-key or attribute, case
/// sensitive) delivered as the Parquet column <paramref name="OssColumnName"/> of <paramref name="Type"/>, written
/// with <paramref name="Encoding"/>. The list's order is the Parquet column order.
/// </summary>
public sealed record SchemaColumn(
    string ColumnName,
    string OssColumnName,
    ParquetType Type,
    ColumnEncoding Encoding = ColumnEncoding.Plain);

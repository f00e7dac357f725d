using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// The encodings a column may ask for, and which writer honours them (docs/parquet-encodings.md): Parquet.Net 6.1.0
/// writes PLAIN, PLAIN_DICTIONARY on UTF8 and DELTA_BINARY_PACKED on INT32, INT64 and TIME_*; an object with any
/// other encoding is written whole by Arrow C++ (<see cref="ArrowObjectWriter"/>), which writes every pair the Parquet
/// format defines except dictionary-encoded BOOLEAN. Task creation refuses only what neither writes, naming the rule:
/// an encoding is never silently replaced.
/// </summary>
public static class ParquetEncodings
{
    public static bool CanWrite(SchemaColumn column) => WhyNot(column) is null;

    /// <summary>The encodings <paramref name="column"/>'s type may ask for, PLAIN first.</summary>
    public static IReadOnlyList<ColumnEncoding> For(SchemaColumn column) =>
        [.. ColumnEncodings.All.Where(encoding => CanWrite(column with { Encoding = encoding }))];

    /// <summary>Null when a writer honours the column's encoding for its type; otherwise one line saying why none can.</summary>
    public static string? WhyNot(SchemaColumn column)
    {
        if (ParquetNetWrites(column))
            return null;
        var layout = ColumnLayout.Of(column);
        return ArrowEncodings.WhyNot(layout.ArrowPhysical, column.Encoding) is { } reason
            ? $"{reason}, not {column.Type.WireName()} ({layout.Physical})"
            : null;
    }

    /// <summary>True when some column's encoding is one only the Arrow writer writes.</summary>
    public static bool NeedsArrow(IEnumerable<SchemaColumn> schema) => schema.Any(column => !ParquetNetWrites(column));

    private static bool ParquetNetWrites(SchemaColumn column) => (column.Type, column.Encoding) switch
    {
        (_, ColumnEncoding.Plain) => true,
        (ParquetType.Utf8, ColumnEncoding.PlainDictionary) => true,
        (ParquetType.Int32 or ParquetType.Int64 or ParquetType.TimeMillis or ParquetType.TimeMicros, ColumnEncoding.DeltaBinaryPacked) => true,
        _ => false,
    };
}

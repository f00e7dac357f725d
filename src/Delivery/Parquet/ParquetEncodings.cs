using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// The encodings <see cref="ParquetObjectWriter"/> really writes for a column with Parquet.Net 6.1.0, as read back
/// from the column chunks' metadata by an independent reader. Task creation rejects every other pair, naming either
/// the Parquet format's rule or the writer's limit: an encoding is never silently replaced.
/// </summary>
public static class ParquetEncodings
{
    private const string Writer = "the Parquet writer (Parquet.Net 6.1.0)";

    public static bool CanWrite(SchemaColumn column) => WhyNot(column) is null;

    /// <summary>The encodings <paramref name="column"/>'s type may ask for, PLAIN first.</summary>
    public static IReadOnlyList<ColumnEncoding> For(SchemaColumn column) =>
        [.. ColumnEncodings.All.Where(encoding => CanWrite(column with { Encoding = encoding }))];

    /// <summary>Null when the writer honours the column's encoding for its type; otherwise one line saying why it cannot.</summary>
    public static string? WhyNot(SchemaColumn column)
    {
        var (type, encoding) = (column.Type, column.Encoding);
        var physical = ColumnLayout.Of(column).Physical;
        return encoding switch
        {
            ColumnEncoding.Plain => null,
            ColumnEncoding.PlainDictionary when type == ParquetType.Utf8 => null,
            ColumnEncoding.PlainDictionary => $"{Writer} dictionary-encodes UTF8 columns only, not {type.WireName()}",
            ColumnEncoding.DeltaBinaryPacked when physical is not ("int32" or "int64") =>
                $"DELTA_BINARY_PACKED encodes integers, so it fits INT32- and INT64-backed columns only, not {type.WireName()} ({physical})",
            ColumnEncoding.DeltaBinaryPacked when type is ParquetType.Int32 or ParquetType.Int64 or ParquetType.TimeMillis or ParquetType.TimeMicros => null,
            ColumnEncoding.DeltaBinaryPacked =>
                $"{Writer} delta-encodes plain integer and TIME columns only and would silently write {type.WireName()} as PLAIN",
            ColumnEncoding.DeltaLengthByteArray when physical != "binary" =>
                $"DELTA_LENGTH_BYTE_ARRAY encodes variable-length byte arrays, so it fits UTF8 columns only, not {type.WireName()} ({physical})",
            ColumnEncoding.DeltaByteArray when physical != "binary" && !physical.StartsWith("fixed_len_byte_array", StringComparison.Ordinal) =>
                $"DELTA_BYTE_ARRAY encodes byte arrays, so it fits UTF8 and DECIMAL(19-38) columns only, not {type.WireName()} ({physical})",
            _ => $"{Writer} can read {encoding.WireName()} but cannot write it",
        };
    }
}

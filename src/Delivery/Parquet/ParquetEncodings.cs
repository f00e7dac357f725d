using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// The (type, encoding) pairs <see cref="ParquetObjectWriter"/> really writes with Parquet.Net 6.1.0, as read back
/// from the column chunks' metadata by an independent reader. Task creation rejects every other pair: an encoding
/// the writer cannot honour is never silently replaced.
/// </summary>
public static class ParquetEncodings
{
    public static bool CanWrite(ParquetType type, ColumnEncoding encoding) => WhyNot(type, encoding) is null;

    /// <summary>The encodings a column of <paramref name="type"/> may ask for, PLAIN first.</summary>
    public static IReadOnlyList<ColumnEncoding> For(ParquetType type) =>
        [.. ColumnEncodings.All.Where(encoding => CanWrite(type, encoding))];

    /// <summary>Null when the writer honours the pair; otherwise one line saying why it cannot.</summary>
    public static string? WhyNot(ParquetType type, ColumnEncoding encoding) => (type, encoding) switch
    {
        (_, ColumnEncoding.Plain) => null,
        (ParquetType.Utf8, ColumnEncoding.PlainDictionary) => null,
        (ParquetType.Int64 or ParquetType.Int32, ColumnEncoding.DeltaBinaryPacked) => null,
        (ParquetType.Date, ColumnEncoding.DeltaBinaryPacked) =>
            "the Parquet writer (Parquet.Net 6.1.0) delta-encodes plain integer columns only and would silently write DATE as PLAIN",
        (_, ColumnEncoding.PlainDictionary) =>
            $"the Parquet writer (Parquet.Net 6.1.0) dictionary-encodes UTF8 columns only, not {type.WireName()}",
        (_, ColumnEncoding.DeltaBinaryPacked) =>
            $"DELTA_BINARY_PACKED encodes integers, so it fits INT32 and INT64 columns only, not {type.WireName()}",
        (ParquetType.Utf8, _) =>
            $"the Parquet writer (Parquet.Net 6.1.0) can read {encoding.WireName()} but cannot write it",
        _ => $"{encoding.WireName()} encodes byte arrays, so it fits UTF8 columns only, not {type.WireName()}",
    };
}

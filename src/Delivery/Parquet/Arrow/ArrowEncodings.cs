using DeliveryConsole.Delivery.Schema;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// The (physical type, encoding) pairs <see cref="ArrowObjectWriter"/> writes: those the Parquet format defines
/// (apache/parquet-format Encodings.md), less dictionary-encoded BOOLEAN, which Arrow C++ silently writes PLAIN.
/// </summary>
public static class ArrowEncodings
{
    /// <summary>Null when the pair is written as asked; otherwise one line saying why it cannot be.</summary>
    public static string? WhyNot(PhysicalType physical, ColumnEncoding encoding) => (physical, encoding) switch
    {
        (_, ColumnEncoding.Plain) => null,
        (PhysicalType.Boolean, ColumnEncoding.PlainDictionary) =>
            "the Parquet writer (Arrow C++) never dictionary-encodes BOOLEAN and would silently write it PLAIN",
        (_, ColumnEncoding.PlainDictionary) => null,
        (PhysicalType.Int32 or PhysicalType.Int64, ColumnEncoding.DeltaBinaryPacked) => null,
        (_, ColumnEncoding.DeltaBinaryPacked) => "DELTA_BINARY_PACKED encodes INT32 and INT64 values only",
        (PhysicalType.ByteArray, ColumnEncoding.DeltaLengthByteArray) => null,
        (_, ColumnEncoding.DeltaLengthByteArray) => "DELTA_LENGTH_BYTE_ARRAY encodes BYTE_ARRAY values only",
        (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, ColumnEncoding.DeltaByteArray) => null,
        (_, ColumnEncoding.DeltaByteArray) => "DELTA_BYTE_ARRAY encodes BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values only",
        _ => $"unknown encoding {encoding}",
    };
}

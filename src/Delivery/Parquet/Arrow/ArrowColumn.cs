using DeliveryConsole.Delivery.Schema;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// One OPTIONAL column of an object written by <see cref="ArrowObjectWriter"/>, described physically: its name, the
/// physical type the values are stored as (with the byte length of a FIXED_LEN_BYTE_ARRAY), the logical type that
/// tells readers what the bytes mean, and the encoding of its data pages.
/// </summary>
public sealed record ArrowColumn
{
    public ArrowColumn(string name, PhysicalType physical, ColumnEncoding encoding, ArrowLogicalType? logical = null, int fixedLength = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (physical is PhysicalType.Undefined || !Enum.IsDefined(physical))
            throw new ArgumentOutOfRangeException(nameof(physical), physical, "A column needs a physical type.");
        if ((physical == PhysicalType.FixedLenByteArray) != (fixedLength > 0))
            throw new ArgumentOutOfRangeException(nameof(fixedLength), fixedLength,
                "A FIXED_LEN_BYTE_ARRAY column needs a positive byte length, and only such a column has one.");
        if (ArrowEncodings.WhyNot(physical, encoding) is { } reason)
            throw new NotSupportedException($"Column {name}: {encoding.WireName()} on {physical}: {reason}.");
        Name = name;
        Physical = physical;
        Encoding = encoding;
        Logical = logical ?? ArrowLogicalType.None;
        FixedLength = fixedLength;
    }

    public string Name { get; }

    public PhysicalType Physical { get; }

    public ColumnEncoding Encoding { get; }

    public ArrowLogicalType Logical { get; }

    /// <summary>Bytes per value of a FIXED_LEN_BYTE_ARRAY column; 0 for every other physical type.</summary>
    public int FixedLength { get; }
}

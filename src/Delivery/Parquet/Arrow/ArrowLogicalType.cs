using ParquetSharp;

namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// The logical type of an <see cref="ArrowColumn"/>: what its physical values mean to a reader. Plain data, unlike
/// ParquetSharp's <see cref="LogicalType"/>, which holds a native handle; <see cref="ArrowObjectWriter"/> makes that
/// handle only while it builds the file schema.
/// </summary>
public sealed record ArrowLogicalType
{
    private ArrowLogicalType(ArrowLogicalKind kind, TimeUnit unit = TimeUnit.Unknown, bool adjustedToUtc = false, int precision = 0, int scale = 0)
    {
        // INTEGER keeps its bit width in Precision.
        Kind = kind;
        Unit = unit;
        AdjustedToUtc = adjustedToUtc;
        Precision = precision;
        Scale = scale;
    }

    public ArrowLogicalKind Kind { get; }

    /// <summary>TIME and TIMESTAMP: the unit of the stored integer.</summary>
    public TimeUnit Unit { get; }

    /// <summary>TIME and TIMESTAMP: whether the value is an instant (UTC) rather than a local wall-clock reading.</summary>
    public bool AdjustedToUtc { get; }

    /// <summary>DECIMAL: total digits; INTEGER: the bit width (8, 16, 32 or 64).</summary>
    public int Precision { get; }

    /// <summary>DECIMAL: digits after the point.</summary>
    public int Scale { get; }

    public static ArrowLogicalType None { get; } = new(ArrowLogicalKind.None);

    public static ArrowLogicalType String { get; } = new(ArrowLogicalKind.String);

    /// <summary>INTEGER(64, signed) on INT64 and INTEGER(32, signed) on INT32, as Parquet.Net annotates CLR long and int.</summary>
    public static ArrowLogicalType SignedInteger(int bits) => bits is 8 or 16 or 32 or 64
        ? new(ArrowLogicalKind.Integer, precision: bits)
        : throw new ArgumentOutOfRangeException(nameof(bits), bits, "An integer has 8, 16, 32 or 64 bits.");

    public static ArrowLogicalType Date { get; } = new(ArrowLogicalKind.Date);

    public static ArrowLogicalType Time(TimeUnit unit, bool adjustedToUtc) => new(ArrowLogicalKind.Time, CheckUnit(unit), adjustedToUtc);

    public static ArrowLogicalType Timestamp(TimeUnit unit, bool adjustedToUtc) => new(ArrowLogicalKind.Timestamp, CheckUnit(unit), adjustedToUtc);

    public static ArrowLogicalType Decimal(int precision, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        return new(ArrowLogicalKind.Decimal, precision: precision, scale: scale);
    }

    /// <summary>The native logical type; the caller disposes it.</summary>
    internal LogicalType ToNative() => Kind switch
    {
        ArrowLogicalKind.None => LogicalType.None(),
        ArrowLogicalKind.String => LogicalType.String(),
        ArrowLogicalKind.Integer => LogicalType.Int(Precision, isSigned: true),
        ArrowLogicalKind.Date => LogicalType.Date(),
        ArrowLogicalKind.Time => LogicalType.Time(AdjustedToUtc, Unit),
        ArrowLogicalKind.Timestamp => LogicalType.Timestamp(AdjustedToUtc, Unit),
        ArrowLogicalKind.Decimal => LogicalType.Decimal(Precision, Scale),
        _ => throw new InvalidOperationException($"Unknown logical kind {Kind}."),
    };

    private static TimeUnit CheckUnit(TimeUnit unit) => unit is TimeUnit.Millis or TimeUnit.Micros or TimeUnit.Nanos
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "TIME and TIMESTAMP need MILLIS, MICROS or NANOS.");
}

public enum ArrowLogicalKind : byte
{
    None,
    String,
    Integer,
    Date,
    Time,
    Timestamp,
    Decimal,
}

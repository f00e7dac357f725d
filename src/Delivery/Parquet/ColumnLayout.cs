using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using Parquet.Data;
using Parquet.Schema;
using PhysicalType = ParquetSharp.PhysicalType;
using TimeUnit = ParquetSharp.TimeUnit;

namespace DeliveryConsole.Delivery.Parquet;

/// <summary>
/// How a schema column is laid out in a Parquet object, decided here once per type: its physical and logical type as
/// Parquet tools print them, the Hive type that reads it, and (inside the writer) its Parquet.Net field and the
/// buffer that holds its stored values (<see cref="CellConversion"/>) until they are written, and the same column
/// as the Arrow writer declares it (for the encodings only Arrow writes). Every column is OPTIONAL.
/// </summary>
public sealed class ColumnLayout
{
    private readonly Func<string, DataField> _field;
    private readonly Func<ColumnBuffer> _buffer;
    private readonly ArrowLogicalType _arrowLogical;

    private ColumnLayout(string physical, string? logical, string hiveType, Func<string, DataField> field, Func<ColumnBuffer> buffer,
        ArrowLogicalType? arrowLogical = null)
    {
        Physical = physical;
        Logical = logical;
        HiveType = hiveType;
        _field = field;
        _buffer = buffer;
        _arrowLogical = arrowLogical ?? ArrowLogicalType.None;
        ArrowPhysical = physical switch
        {
            "boolean" => PhysicalType.Boolean,
            "int32" => PhysicalType.Int32,
            "int64" => PhysicalType.Int64,
            "int96" => PhysicalType.Int96,
            "float" => PhysicalType.Float,
            "double" => PhysicalType.Double,
            "binary" => PhysicalType.ByteArray,
            _ => PhysicalType.FixedLenByteArray,
        };
    }

    /// <summary>The physical type as the Arrow writer names it.</summary>
    public PhysicalType ArrowPhysical { get; }

    /// <summary>The physical type as parquet-tools prints a schema: boolean, int32, int64, int96, float, double, binary, fixed_len_byte_array(n).</summary>
    public string Physical { get; }

    /// <summary>The logical type, such as STRING, DATE, TIME(MILLIS,false), TIMESTAMP(MICROS,true) or DECIMAL(10,2); null for none.</summary>
    public string? Logical { get; }

    /// <summary>The Hive column type that reads the column (TIME has none: Hive reads its count of units since midnight).</summary>
    public string HiveType { get; }

    /// <summary>The column as a parquet-tools schema line prints it, without <c>optional</c>: <c>int32 d (DATE)</c>.</summary>
    public string SchemaLine(string name) => Logical is null ? $"{Physical} {name}" : $"{Physical} {name} ({Logical})";

    internal DataField Field(string name) => _field(name);

    internal ColumnBuffer NewBuffer() => _buffer();

    internal ArrowColumn ArrowColumn(string name, ColumnEncoding encoding) =>
        new(name, ArrowPhysical, encoding, _arrowLogical,
            ArrowPhysical == PhysicalType.FixedLenByteArray ? int.Parse(Physical["fixed_len_byte_array(".Length..^1], System.Globalization.CultureInfo.InvariantCulture) : 0);

    public static ColumnLayout Of(SchemaColumn column) => column.Type switch
    {
        ParquetType.Bool => new("boolean", null, "BOOLEAN", name => new DataField<bool?>(name), () => new BoolColumnBuffer()),
        ParquetType.Int64 => new("int64", null, "BIGINT", name => new DataField<long?>(name), () => new Int64ColumnBuffer(),
            ArrowLogicalType.SignedInteger(64)),
        ParquetType.Utf8 => new("binary", "STRING", "STRING", name => new DataField<string>(name, nullable: true), () => new Utf8ColumnBuffer(),
            ArrowLogicalType.String),
        ParquetType.Double => new("double", null, "DOUBLE", name => new DataField<double?>(name), () => new DoubleColumnBuffer()),
        ParquetType.Int32 => new("int32", null, "INT", name => new DataField<int?>(name), () => new Int32ColumnBuffer(),
            ArrowLogicalType.SignedInteger(32)),
        ParquetType.Float => new("float", null, "FLOAT", name => new DataField<float?>(name), () => new FloatColumnBuffer()),
        // DateOnly gives INT32 with both the DATE logical and converted type (DateTimeDataField(Date) sets only the latter).
        ParquetType.Date => new("int32", "DATE", "DATE", name => new DataField<DateOnly?>(name), () => new DateColumnBuffer(), ArrowLogicalType.Date),
        // A time of day read from text carries no zone: not adjusted to UTC, so readers show it as it was written.
        ParquetType.TimeMillis => new("int32", "TIME(MILLIS,false)", "INT",
            name => new TimeDataField(name, TimeUnitPrecision.Millis, isNullable: true) { IsAdjustedToUtc = false },
            () => new Int32ColumnBuffer(), ArrowLogicalType.Time(TimeUnit.Millis, false)),
        ParquetType.TimeMicros => new("int64", "TIME(MICROS,false)", "BIGINT",
            name => new TimeDataField(name, TimeUnitPrecision.Micros, isNullable: true) { IsAdjustedToUtc = false },
            () => new Int64ColumnBuffer(), ArrowLogicalType.Time(TimeUnit.Micros, false)),
        // An epoch count or an RFC 3339 text with its offset is an instant: adjusted to UTC.
        ParquetType.TimestampMillis => new("int64", "TIMESTAMP(MILLIS,true)", "TIMESTAMP",
            name => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Millis, isNullable: true),
            () => new InstantColumnBuffer(1_000, int96: false), ArrowLogicalType.Timestamp(TimeUnit.Millis, true)),
        ParquetType.TimestampMicros => new("int64", "TIMESTAMP(MICROS,true)", "TIMESTAMP",
            name => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: true),
            () => new InstantColumnBuffer(1_000_000, int96: false), ArrowLogicalType.Timestamp(TimeUnit.Micros, true)),
        ParquetType.Int96 => new("int96", null, "TIMESTAMP",
            name => new DateTimeDataField(name, DateTimeFormat.Impala, isNullable: true),
            () => new InstantColumnBuffer(1_000_000, int96: true)),
        ParquetType.Decimal => Decimal(column.Decimal!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    /// <summary>As Parquet.Net lays a decimal out: INT32 up to 9 digits, INT64 up to 18, else the fewest bytes that hold p digits.</summary>
    private static ColumnLayout Decimal(DecimalShape shape)
    {
        var (precision, scale) = (shape.Precision, shape.Scale);
        var physical = precision <= 9 ? "int32" : precision <= 18 ? "int64" : $"fixed_len_byte_array({BigDecimal.GetBufferSize(precision)})";
        var logical = $"DECIMAL({precision},{scale})";
        return shape.FitsInt64
            ? new(physical, logical, logical, name => new DecimalDataField(name, precision, scale, isNullable: true), () => new DecimalColumnBuffer(shape),
                ArrowLogicalType.Decimal(precision, scale))
            : new(physical, logical, logical, name => new BigDecimalDataField(name, precision, scale, isNullable: true), () => new BigDecimalColumnBuffer(shape),
                ArrowLogicalType.Decimal(precision, scale));
    }
}

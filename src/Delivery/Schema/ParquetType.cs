namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The Parquet type of a delivered column, with the real service's wire values (the proto's DataType). Which table
/// cells each one delivers, and as what, is <see cref="CellConversion"/>; how each is laid out in a Parquet file is
/// <c>ColumnLayout</c>. The proto's LIST, MAP and INTERVAL are no type here: <see cref="ParquetTypes.WhyRefused"/>.
/// </summary>
public enum ParquetType : byte
{
    Bool = 0,
    Int64 = 1,
    Utf8 = 2,
    Double = 3,
    Date = 4,
    Decimal = 5,
    TimeMillis = 6,
    TimeMicros = 7,
    TimestampMillis = 8,
    TimestampMicros = 9,
    Float = 13,
    Int32 = 14,
    Int96 = 15,
}

/// <summary>Wire names of <see cref="ParquetType"/>, as the service spells them: BOOL, INT64, UTF8, DOUBLE, ...</summary>
public static class ParquetTypes
{
    /// <summary>Every type a task may deliver: the ten the SDKs name, then FLOAT, INT32 and INT96.</summary>
    public static IReadOnlyList<ParquetType> All { get; } = [
        ParquetType.Bool, ParquetType.Int64, ParquetType.Utf8, ParquetType.Double, ParquetType.Date, ParquetType.Decimal,
        ParquetType.TimeMillis, ParquetType.TimeMicros, ParquetType.TimestampMillis, ParquetType.TimestampMicros,
        ParquetType.Float, ParquetType.Int32, ParquetType.Int96,
    ];

    public static string WireName(this ParquetType type) => type switch
    {
        ParquetType.Bool => "BOOL",
        ParquetType.Int64 => "INT64",
        ParquetType.Utf8 => "UTF8",
        ParquetType.Double => "DOUBLE",
        ParquetType.Date => "DATE",
        ParquetType.Decimal => "DECIMAL",
        ParquetType.TimeMillis => "TIME_MILLIS",
        ParquetType.TimeMicros => "TIME_MICROS",
        ParquetType.TimestampMillis => "TIMESTAMP_MILLIS",
        ParquetType.TimestampMicros => "TIMESTAMP_MICROS",
        ParquetType.Float => "FLOAT",
        ParquetType.Int32 => "INT32",
        ParquetType.Int96 => "INT96",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a wire name exactly as the service spells it (upper case).</summary>
    public static bool TryParse(string? wireName, out ParquetType type) =>
        WireNames.TryParse(All, WireName, wireName, out type);

    /// <summary>
    /// Why the proto's other data types are refused, by wire name; null for a name that is not one of them. No
    /// Tablestore cell converts to them, so a task that asked for one would deliver nothing but dirty cells.
    /// </summary>
    public static string? WhyRefused(string? wireName) => wireName switch
    {
        "LIST" or "MAP" =>
            $"{wireName} is a nested Parquet type and a Tablestore column holds one value (STRING, INTEGER, DOUBLE, BOOLEAN or BINARY), so no cell converts to it; deliver the column as UTF8 (for example JSON text) instead",
        "INTERVAL" =>
            "INTERVAL is a legacy Parquet converted type (months, days and milliseconds in 12 bytes) with no logical type, and no Tablestore cell converts to it; deliver the duration as INT64 (for example milliseconds) instead",
        _ => null,
    };
}

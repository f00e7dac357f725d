namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The Parquet type of a delivered column, with the real service's wire values (the proto's DataType: BOOL=0 ..
/// DOUBLE=3, DATE=4, FLOAT=13, INT32=14). Which table cells each one delivers, and as what, is <see cref="CellConversions"/>.
/// </summary>
public enum ParquetType : byte
{
    Bool = 0,
    Int64 = 1,
    Utf8 = 2,
    Double = 3,
    Date = 4,
    Float = 13,
    Int32 = 14,
}

/// <summary>Wire names of <see cref="ParquetType"/>: BOOL, INT64, UTF8, DOUBLE, INT32, FLOAT, DATE.</summary>
public static class ParquetTypes
{
    public static IReadOnlyList<ParquetType> All { get; } = [
        ParquetType.Bool, ParquetType.Int64, ParquetType.Utf8, ParquetType.Double, ParquetType.Int32, ParquetType.Float, ParquetType.Date,
    ];

    public static string WireName(this ParquetType type) => type switch
    {
        ParquetType.Bool => "BOOL",
        ParquetType.Int64 => "INT64",
        ParquetType.Utf8 => "UTF8",
        ParquetType.Double => "DOUBLE",
        ParquetType.Int32 => "INT32",
        ParquetType.Float => "FLOAT",
        ParquetType.Date => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a wire name exactly as the service spells it (upper case).</summary>
    public static bool TryParse(string? wireName, out ParquetType type) =>
        WireNames.TryParse(All, WireName, wireName, out type);
}

namespace DeliveryConsole.Delivery.Schema;

/// <summary>The Parquet encoding asked for a delivered column, with the real service's wire values (PLAIN=0 ..).</summary>
public enum ColumnEncoding : byte
{
    Plain = 0,
    PlainDictionary = 1,
    DeltaBinaryPacked = 2,
    DeltaByteArray = 3,
    DeltaLengthByteArray = 4,
}

/// <summary>Wire names of <see cref="ColumnEncoding"/>: PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED, ...</summary>
public static class ColumnEncodings
{
    public static IReadOnlyList<ColumnEncoding> All { get; } =
    [
        ColumnEncoding.Plain, ColumnEncoding.PlainDictionary, ColumnEncoding.DeltaBinaryPacked,
        ColumnEncoding.DeltaByteArray, ColumnEncoding.DeltaLengthByteArray,
    ];

    public static string WireName(this ColumnEncoding encoding) => encoding switch
    {
        ColumnEncoding.Plain => "PLAIN",
        ColumnEncoding.PlainDictionary => "PLAIN_DICTIONARY",
        ColumnEncoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        ColumnEncoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        ColumnEncoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    /// <summary>Parses a wire name exactly as the service spells it (upper case).</summary>
    public static bool TryParse(string? wireName, out ColumnEncoding encoding) =>
        WireNames.TryParse(All, WireName, wireName, out encoding);
}

using System.Buffers.Binary;
using DeliveryConsole.Delivery.Parquet.Arrow;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Tests.Parquet.Arrow;

/// <summary>
/// One column's worth of rows per physical type: every third row null, values that repeat (so a dictionary has
/// something to share), and the text DuckDB gives for each value cast to VARCHAR.
/// </summary>
internal sealed record ArrowSample(ArrowColumn Column, string DuckDbType, Action<ArrowRowGroup, byte[], int> Write, Func<int, string> Text)
{
    public static byte[] Presence(int rows, int first = 0) => [.. Enumerable.Range(first, rows).Select(row => row % 3 == 2 ? (byte)0 : (byte)1)];

    /// <summary>The rows [first, first + rows) of this sample, written into <paramref name="group"/>.</summary>
    public void WriteRows(ArrowRowGroup group, int first, int rows) => Write(group, Presence(rows, first), first);

    public IEnumerable<string?> Expected(int rows) => Enumerable.Range(0, rows).Select(row => row % 3 == 2 ? null : Text(row));

    private static T[] Values<T>(byte[] present, int first, Func<int, T> value) =>
        [.. Enumerable.Range(first, present.Length).Where(row => present[row - first] == 1).Select(value)];

    public static ArrowSample For(PhysicalType physical, DeliveryConsole.Delivery.Schema.ColumnEncoding encoding)
    {
        var name = $"{physical}_{encoding}".ToLowerInvariant();
        return physical switch
        {
            PhysicalType.Boolean => new(new(name, physical, encoding), "BOOLEAN",
                (g, p, f) => g.WriteBooleans(p, Values(p, f, row => row % 2 == 0)), row => row % 2 == 0 ? "true" : "false"),
            PhysicalType.Int32 => new(new(name, physical, encoding), "INTEGER",
                (g, p, f) => g.WriteInt32s(p, Values(p, f, row => (row % 5) - 2)), row => $"{(row % 5) - 2}"),
            PhysicalType.Int64 => new(new(name, physical, encoding), "BIGINT",
                (g, p, f) => g.WriteInt64s(p, Values(p, f, row => (row % 5) * 10_000_000_000L)), row => $"{(row % 5) * 10_000_000_000L}"),
            // INT96: nanoseconds of the day in the first 8 bytes, the Julian day in the last 4 (2440588 = 1970-01-01).
            PhysicalType.Int96 => new(new(name, physical, encoding), "TIMESTAMP",
                (g, p, f) => g.WriteInt96s(p, Values(p, f, row => Int96At(row % 5))), row => $"1970-01-01 00:00:0{row % 5}"),
            PhysicalType.Float => new(new(name, physical, encoding), "FLOAT",
                (g, p, f) => g.WriteFloats(p, Values(p, f, row => (row % 5) + 0.5f)), row => $"{row % 5}.5"),
            PhysicalType.Double => new(new(name, physical, encoding), "DOUBLE",
                (g, p, f) => g.WriteDoubles(p, Values(p, f, row => (row % 5) + 0.25)), row => $"{row % 5}.25"),
            PhysicalType.ByteArray => new(new(name, physical, encoding, ArrowLogicalType.String), "VARCHAR",
                (g, p, f) => g.WriteStrings(p, Values(p, f, row => $"café {row % 5}".AsMemory())), row => $"café {row % 5}"),
            // FIXED_LEN_BYTE_ARRAY(4) holding DECIMAL(9,2) as a big-endian integer of hundredths.
            PhysicalType.FixedLenByteArray => new(new(name, physical, encoding, ArrowLogicalType.Decimal(9, 2), fixedLength: 4), "DECIMAL(9,2)",
                (g, p, f) => g.WriteFixedLengthByteArrays(p, Values(p, f, row => BigEndian(row % 5 * 100 + 25)).SelectMany(b => b).ToArray()),
                row => $"{row % 5}.25"),
            _ => throw new ArgumentOutOfRangeException(nameof(physical), physical, null),
        };
    }

    private static Int96 Int96At(int seconds)
    {
        var nanos = seconds * 1_000_000_000L;
        return new Int96((int)nanos, (int)(nanos >> 32), 2440588);
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}

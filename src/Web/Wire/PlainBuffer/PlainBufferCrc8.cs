using System.Buffers.Binary;

namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>
/// The PlainBuffer checksum: CRC-8 with polynomial 0x07, init 0, not reflected, no final XOR (CRC-8/SMBUS), as the
/// Java and node SDKs compute it. Multi-byte integers are folded least significant byte first, as they sit on the wire.
/// </summary>
public static class PlainBufferCrc8
{
    private static readonly byte[] Table = BuildTable();

    /// <summary>Folds one byte into <paramref name="crc"/>.</summary>
    public static byte Update(byte crc, byte value) => Table[crc ^ value];

    /// <summary>Folds every byte of <paramref name="bytes"/> into <paramref name="crc"/>, in order.</summary>
    public static byte Update(byte crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            crc = Table[crc ^ b];
        return crc;
    }

    /// <summary>Folds the 4 little-endian bytes of <paramref name="value"/>.</summary>
    public static byte UpdateUInt32(byte crc, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Update(crc, bytes);
    }

    /// <summary>Folds the 8 little-endian bytes of <paramref name="value"/>.</summary>
    public static byte UpdateInt64(byte crc, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return Update(crc, bytes);
    }

    /// <summary>The checksum of <paramref name="bytes"/> from a zero start.</summary>
    public static byte Compute(ReadOnlySpan<byte> bytes) => Update(0, bytes);

    private static byte[] BuildTable()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1;
            table[i] = (byte)crc;
        }
        return table;
    }
}

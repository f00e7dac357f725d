using System.Buffers.Binary;
using System.Text;

namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>
/// Reads PlainBuffer primitives from a span, checking every length against the bytes that remain, so no input can
/// make it read past the end or allocate more than the input holds. Every failure is a <see cref="PlainBufferFormatException"/>.
/// </summary>
internal ref struct PlainBufferCursor(ReadOnlySpan<byte> bytes, int baseOffset = 0)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    /// <summary>The offset of the next byte in the whole buffer (for messages).</summary>
    public readonly int Offset => baseOffset + _position;

    public readonly int Remaining => _bytes.Length - _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    /// <summary>The next byte without consuming it, or null at the end.</summary>
    public readonly byte? Peek() => AtEnd ? null : _bytes[_position];

    public readonly ReadOnlySpan<byte> Rest => _bytes[_position..];

    public byte ReadByte(string what)
    {
        if (AtEnd)
            throw Fail($"truncated: expected {what}");
        return _bytes[_position++];
    }

    /// <summary>Consumes <paramref name="tag"/> or fails naming <paramref name="what"/>.</summary>
    public void Expect(byte tag, string what)
    {
        var offset = Offset;
        var actual = ReadByte(what);
        if (actual != tag)
            throw new PlainBufferFormatException($"expected {what} (tag 0x{tag:X2}), found 0x{actual:X2}", offset);
    }

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4, what));

    public long ReadInt64(string what) => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8, what));

    public ReadOnlySpan<byte> ReadBytes(int count, string what)
    {
        if (count > Remaining)
            throw Fail($"truncated: {what} needs {count} bytes, {Remaining} left");
        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>A u32 length followed by that many bytes; the length is checked before anything is sliced.</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed(string what)
    {
        var offset = Offset;
        var length = ReadUInt32($"length of {what}");
        if (length > (uint)Remaining)
            throw new PlainBufferFormatException($"{what} length {length} exceeds the {Remaining} bytes left", offset);
        return ReadBytes((int)length, what);
    }

    /// <summary>Decodes strict UTF-8: invalid sequences are an error, never replacement characters.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new PlainBufferFormatException($"{what} is not valid UTF-8", offset);
        }
    }

    public readonly PlainBufferFormatException Fail(string problem) => new(problem, Offset);
}

using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>Appends the store's binary formats (little-endian numbers, length-prefixed UTF-8) to a growable buffer.</summary>
internal sealed class ValueWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Clear() => _buffer.ResetWrittenCount();

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Int64BigEndian(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void VarUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        for (; value >= 0x80; value >>= 7)
            span[i++] = (byte)(value | 0x80);
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void LengthPrefixed(ReadOnlySpan<byte> bytes)
    {
        VarUInt((ulong)bytes.Length);
        Bytes(bytes);
    }

    /// <summary>A kind byte and the payload; placeholders are never stored.</summary>
    public void Value(Value value)
    {
        Byte((byte)value.Kind);
        switch (value.Kind)
        {
            case ValueKind.Integer: Int64(value.AsInteger); break;
            case ValueKind.Double: Int64(BitConverter.DoubleToInt64Bits(value.AsDouble)); break;
            case ValueKind.Boolean: Byte(value.AsBoolean ? (byte)1 : (byte)0); break;
            case ValueKind.String: String(value.AsString); break;
            case ValueKind.Binary: LengthPrefixed(value.AsBinary); break;
            default: throw new InvalidOperationException($"{value.TypeName} cannot be stored");
        }
    }
}

/// <summary>Reads what <see cref="ValueWriter"/> wrote.</summary>
internal ref struct ValueReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position >= _data.Length;

    public byte Byte() => _data[_position++];

    public long Int64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }

    public ReadOnlySpan<byte> LengthPrefixed()
    {
        var length = (int)VarUInt();
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string String() => Encoding.UTF8.GetString(LengthPrefixed());

    public Value Value() => (ValueKind)Byte() switch
    {
        ValueKind.Integer => Model.Value.Integer(Int64()),
        ValueKind.Double => Model.Value.Double(BitConverter.Int64BitsToDouble(Int64())),
        ValueKind.Boolean => Model.Value.Boolean(Byte() != 0),
        ValueKind.String => Model.Value.String(String()),
        ValueKind.Binary => Model.Value.Binary(LengthPrefixed().ToArray()),
        var kind => throw new InvalidDataException($"stored value of unknown kind {kind}"),
    };
}

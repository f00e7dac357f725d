using System.Buffers.Binary;
using System.Text;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// The order-preserving encoding of primary keys: comparing two encoded keys as unsigned bytes gives the service's
/// row order. A key is the table's id (4 bytes, big-endian) and then each key column in schema order:
/// INTEGER as 8 big-endian bytes with the sign bit flipped; STRING (UTF-8) and BINARY with every 0x00 written as
/// 0x00 0xFF and a 0x00 0x01 terminator, so a shorter value sorts before every value it is a prefix of.
/// </summary>
public static class KeyCodec
{
    public const int TablePrefixLength = 4;

    public static byte[] TablePrefix(uint tableId)
    {
        var prefix = new byte[TablePrefixLength];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, tableId);
        return prefix;
    }

    /// <summary>Encodes a complete key (no placeholders) of the table <paramref name="tableId"/>.</summary>
    public static byte[] Encode(uint tableId, IReadOnlyList<KeyColumn> key) => Encode(tableId, key, new ValueWriter());

    /// <summary>Encodes with <paramref name="writer"/> as scratch space (cleared first), so a batch reuses one buffer.</summary>
    internal static byte[] Encode(uint tableId, IReadOnlyList<KeyColumn> key, ValueWriter writer)
    {
        writer.Clear();
        Span<byte> prefix = stackalloc byte[TablePrefixLength];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, tableId);
        writer.Bytes(prefix);
        for (var i = 0; i < key.Count; i++)
            AppendValue(writer, key[i].Value);
        return writer.ToArray();
    }

    /// <summary>
    /// The byte position where a range bound falls: the key's columns up to the first INF_MIN/INF_MAX, then for
    /// INF_MIN that prefix itself (before every key that starts with it) and for INF_MAX the first byte string
    /// after every key that starts with it. <paramref name="exact"/> is true when the bound is a complete key.
    /// </summary>
    public static byte[] EncodeBound(uint tableId, IReadOnlyList<KeyColumn> bound, out bool exact)
    {
        var writer = new ValueWriter();
        writer.Bytes(TablePrefix(tableId));
        foreach (var column in bound)
        {
            if (column.Value.Kind == ValueKind.InfMin)
            {
                exact = false;
                return writer.ToArray();
            }
            if (column.Value.Kind == ValueKind.InfMax)
            {
                exact = false;
                return Successor(writer.WrittenSpan);
            }
            AppendValue(writer, column.Value);
        }
        exact = true;
        return writer.ToArray();
    }

    /// <summary>The smallest byte string greater than every string that starts with <paramref name="prefix"/>.</summary>
    public static byte[] Successor(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.Length;
        while (end > 0 && prefix[end - 1] == 0xFF)
            end--;
        if (end == 0)
            throw new ArgumentException("a prefix of only 0xFF bytes has no successor", nameof(prefix));
        var successor = prefix[..end].ToArray();
        successor[end - 1]++;
        return successor;
    }

    /// <summary>Decodes the key columns after the table prefix, by the table's schema.</summary>
    public static KeyColumn[] Decode(ReadOnlySpan<byte> key, IReadOnlyList<PrimaryKeyColumn> schema)
    {
        var columns = new KeyColumn[schema.Count];
        var position = TablePrefixLength;
        for (var i = 0; i < schema.Count; i++)
        {
            var value = schema[i].Type switch
            {
                PrimaryKeyType.Integer => Value.Integer(DecodeInteger(key, ref position)),
                PrimaryKeyType.String => Value.String(DecodeString(key, ref position)),
                _ => Value.Binary(DecodeEscaped(key, ref position)),
            };
            columns[i] = new KeyColumn(schema[i].Name, value);
        }
        return columns;
    }

    private static void AppendValue(ValueWriter writer, Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Integer:
                writer.Int64BigEndian(value.AsInteger ^ long.MinValue);
                break;
            case ValueKind.String:
                AppendEscaped(writer, Encoding.UTF8.GetBytes(value.AsString));
                break;
            case ValueKind.Binary:
                AppendEscaped(writer, value.AsBinary);
                break;
            default:
                throw new ArgumentException($"{value.TypeName} is not a primary-key value");
        }
    }

    private static void AppendEscaped(ValueWriter writer, ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            var zero = bytes.IndexOf((byte)0);
            if (zero < 0)
                break;
            writer.Bytes(bytes[..(zero + 1)]);
            writer.Byte(0xFF);
            bytes = bytes[(zero + 1)..];
        }
        writer.Bytes(bytes);
        writer.Byte(0x00);
        writer.Byte(0x01);
    }

    private static long DecodeInteger(ReadOnlySpan<byte> key, ref int position)
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(key[position..]) ^ long.MinValue;
        position += 8;
        return value;
    }

    private static string DecodeString(ReadOnlySpan<byte> key, ref int position)
    {
        var rest = key[position..];
        var zero = rest.IndexOf((byte)0);
        if (rest[zero + 1] == 0x01)
        {
            position += zero + 2;
            return Encoding.UTF8.GetString(rest[..zero]);
        }
        return Encoding.UTF8.GetString(DecodeEscaped(key, ref position));
    }

    private static byte[] DecodeEscaped(ReadOnlySpan<byte> key, ref int position)
    {
        var output = new List<byte>();
        while (true)
        {
            var rest = key[position..];
            var zero = rest.IndexOf((byte)0);
            output.AddRange(rest[..zero]);
            position += zero + 2;
            if (rest[zero + 1] == 0x01)
                return output.ToArray();
            output.Add(0);
        }
    }
}

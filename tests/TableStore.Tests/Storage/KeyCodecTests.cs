using System.Globalization;
using System.Text;
using CsCheck;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;

namespace DeliveryConsole.TableStore.Tests.Storage;

public class KeyCodecTests
{
    private const long Iterations = 3_000;

    private static readonly Gen<uint> GenTableId = Gen.Frequency<uint>(
        (2, Gen.UInt[0, 16]),
        (2, Gen.OneOf<uint>(0xFE, 0xFF, 0x100, 0xFFFF, 0xFF_FFFF, 0x7FFF_FFFF, 0xFFFF_FFFE)),
        (2, Gen.UInt[0, uint.MaxValue - 1]));

    private static readonly Gen<long> GenInteger = Gen.Frequency<long>(
        (3, Gen.Long),
        (2, Gen.Long[-3, 3]),
        (2, Gen.OneOf(long.MinValue, long.MinValue + 1, -256L, -1L, 0L, 1L, 255L, 256L, long.MaxValue - 1, long.MaxValue)));

    private static readonly Gen<byte[]> GenSmallBinary = Gen.Frequency<byte>(
        (1, Gen.Byte),
        (2, Gen.OneOf<byte>(0x00, 0x01, 0x02, 0x61, 0xFE, 0xFF))).Array[0, 6];

    private static readonly Gen<byte[]> GenBinary = Gen.Frequency<byte[]>(
        (1, Gen.Const(Array.Empty<byte>())),
        (4, GenSmallBinary),
        (2, Gen.Byte.Array[0, 16]),
        (1, Gen.Byte.Array[0, 1024]));

    // Code points whose UTF-8 and UTF-16 orders differ (U+E000..U+FFFF against surrogate pairs) are included on purpose.
    private static readonly Gen<string> GenFragment = Gen.Frequency<string>(
        (4, Gen.OneOf("", "\0", "\0\0", "a", "b", "\u0001", "\u007F", "\u0080", "\u00FF", "\u07FF", "\u0800",
            "中", "文", "\uE000", "\uFFFD", "\uFFFF", "😀", "\U00010000", "\U0010FFFF")),
        (3, Gen.Char['a', 'c'].Select(c => c.ToString())),
        (1, Gen.Char['\0', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> GenString = GenFragment.Array[0, 6].Select(parts => string.Concat(parts));

    private static readonly Gen<PrimaryKeyColumn[]> GenSchema =
        Gen.OneOf(PrimaryKeyType.Integer, PrimaryKeyType.String, PrimaryKeyType.Binary).Array[1, 4]
            .Select(types => types.Select((type, i) => new PrimaryKeyColumn($"pk{i}", type)).ToArray());

    private static readonly Gen<KeyPair> GenKeyPair =
        from schema in GenSchema
        from tableId in GenTableId
        from first in GenKey(schema)
        from second in Gen.Frequency<KeyColumn[]>((1, GenKey(schema)), (3, GenNearKey(first)))
        select new KeyPair(schema, tableId, first, second);

    private static readonly Gen<KeyCase> GenKeyCase =
        from schema in GenSchema
        from tableId in GenTableId
        from key in GenKey(schema)
        select new KeyCase(schema, tableId, key);

    private static readonly Gen<NeighbourTables> GenNeighbourTables =
        from first in GenKeyCase
        from secondSchema in GenSchema
        from second in GenKey(secondSchema)
        select new NeighbourTables(first, new KeyCase(secondSchema, first.TableId + 1, second));

    private static readonly Gen<BoundCase> GenBoundCase =
        from schema in GenSchema
        from tableId in GenTableId
        from key in GenKey(schema)
        from column in Gen.Int[0, schema.Length - 1]
        from placeholder in Gen.OneOf(Value.InfMin, Value.InfMax)
        from tail in Gen.OneOf<Value?>(Value.InfMin, Value.InfMax, null).Array[schema.Length]
        from others in Gen.Frequency<KeyColumn[]>((1, GenKey(schema)), (4, GenNearKey(key))).Array[1, 8]
        select new BoundCase(
            new KeyCase(schema, tableId, key),
            column,
            BoundOf(key, column, placeholder, tail),
            others);

    [Fact]
    public void Encoded_order_equals_the_service_order_for_random_keys() =>
        GenKeyPair.Sample(pair =>
        {
            var expected = Math.Sign(CompareKeys(pair.First, pair.Second));
            var actual = Math.Sign(CompareEncoded(KeyCodec.Encode(pair.TableId, pair.First), KeyCodec.Encode(pair.TableId, pair.Second)));
            Assert.Equal(expected, actual);
        }, iter: Iterations, print: pair => pair.ToString());

    [Fact]
    public void Decoding_an_encoded_key_gives_back_the_same_columns() =>
        GenKeyCase.Sample(keyCase =>
        {
            var decoded = KeyCodec.Decode(KeyCodec.Encode(keyCase.TableId, keyCase.Key), keyCase.Schema);
            Assert.Equal(keyCase.Key.Select(c => c.Name), decoded.Select(c => c.Name));
            Assert.Equal(keyCase.Key.Select(c => c.Value), decoded.Select(c => c.Value));
        }, iter: Iterations, print: keyCase => keyCase.ToString());

    [Fact]
    public void Keys_of_a_table_sort_before_the_next_table_and_inside_its_prefix_range() =>
        GenNeighbourTables.Sample(tables =>
        {
            var tableId = tables.First.TableId;
            var prefix = KeyCodec.TablePrefix(tableId);
            var end = KeyCodec.Successor(prefix);
            var first = KeyCodec.Encode(tableId, tables.First.Key);
            var second = KeyCodec.Encode(tables.Second.TableId, tables.Second.Key);
            Assert.True(CompareEncoded(first, second) < 0);
            Assert.True(CompareEncoded(prefix, first) <= 0);
            Assert.True(CompareEncoded(first, end) < 0);
            Assert.True(CompareEncoded(end, second) <= 0);
        }, iter: Iterations, print: tables => tables.ToString());

    [Fact]
    public void Inf_bounds_fall_before_or_after_every_key_sharing_the_concrete_columns() =>
        GenBoundCase.Sample(boundCase =>
        {
            var (_, tableId, key) = boundCase.Key;
            var bound = KeyCodec.EncodeBound(tableId, boundCase.Bound, out var exact);
            Assert.False(exact);
            var isMin = boundCase.Bound[boundCase.Column].Value.Kind == ValueKind.InfMin;
            foreach (var other in boundCase.Others.Append(key))
            {
                var prefixOrder = CompareKeys(other[..boundCase.Column], key[..boundCase.Column]);
                var keyIsBefore = isMin ? prefixOrder < 0 : prefixOrder <= 0;
                var order = CompareEncoded(KeyCodec.Encode(tableId, other), bound);
                if (keyIsBefore)
                    Assert.True(order < 0, $"{Describe(other)} should sort before the bound");
                else
                    Assert.True(order >= 0, $"{Describe(other)} should sort at or after the bound");
            }
            Assert.True(CompareEncoded(KeyCodec.TablePrefix(tableId), bound) <= 0);
            Assert.True(CompareEncoded(bound, KeyCodec.Successor(KeyCodec.TablePrefix(tableId))) <= 0);
        }, iter: Iterations, print: boundCase => boundCase.ToString());

    [Fact]
    public void A_complete_bound_without_placeholders_is_exact_and_encodes_like_the_key() =>
        GenKeyCase.Sample(keyCase =>
        {
            var bound = KeyCodec.EncodeBound(keyCase.TableId, keyCase.Key, out var exact);
            Assert.True(exact);
            Assert.Equal(KeyCodec.Encode(keyCase.TableId, keyCase.Key), bound);
        }, iter: Iterations, print: keyCase => keyCase.ToString());

    [Fact]
    public void Successor_drops_trailing_ff_bytes_and_increments_the_last_other_byte()
    {
        Assert.Equal([0x02], KeyCodec.Successor([0x01, 0xFF]));
        Assert.Equal([0x00, 0x00, 0x01], KeyCodec.Successor([0x00, 0x00, 0x00]));
        Assert.Equal([0x00, 0xFF], KeyCodec.Successor([0x00, 0xFE, 0xFF, 0xFF]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Successor_of_only_ff_bytes_throws(int length) =>
        Assert.Throws<ArgumentException>(() => KeyCodec.Successor(Enumerable.Repeat((byte)0xFF, length).ToArray()));

    [Fact]
    public void Integers_sort_numerically_with_negatives_first() =>
        AssertAscending<long>(PrimaryKeyType.Integer,
            [long.MinValue, long.MinValue + 1, -256, -1, 0, 1, 255, 256, long.MaxValue - 1, long.MaxValue],
            Value.Integer);

    [Fact]
    public void Strings_sort_by_utf8_bytes_with_prefixes_first() =>
        AssertAscending<string>(PrimaryKeyType.String,
            ["", "\0", "\0\0", "\u0001", "a", "a\0", "a\0\0", "a\0b", "a\u0001", "ab", "b", "\u00FF", "中", "\uFFFF", "😀"],
            Value.String);

    [Fact]
    public void Binaries_sort_by_unsigned_bytes_with_prefixes_first() =>
        AssertAscending<byte[]>(PrimaryKeyType.Binary,
            [[], [0x00], [0x00, 0x00], [0x00, 0x01], [0x00, 0xFF], [0x01], [0x7F], [0x80], [0xFF], [0xFF, 0x00], [0xFF, 0xFF]],
            Value.Binary);

    [Fact]
    public void An_earlier_column_decides_before_later_ones()
    {
        PrimaryKeyColumn[] schema = [new("s", PrimaryKeyType.String), new("n", PrimaryKeyType.Integer)];
        KeyColumn[][] keys =
        [
            Key(schema, Value.String(""), Value.Integer(long.MaxValue)),
            Key(schema, Value.String("a"), Value.Integer(long.MinValue)),
            Key(schema, Value.String("a"), Value.Integer(5)),
            Key(schema, Value.String("a\0"), Value.Integer(long.MinValue)),
            Key(schema, Value.String("ab"), Value.Integer(long.MinValue)),
        ];
        AssertStrictlyAscending(keys.Select(k => KeyCodec.Encode(7, k)).ToList());
    }

    private static void AssertAscending<T>(PrimaryKeyType type, T[] values, Func<T, Value> toValue)
    {
        PrimaryKeyColumn[] schema = [new("pk", type)];
        AssertStrictlyAscending(values.Select(v => KeyCodec.Encode(1, Key(schema, toValue(v)))).ToList());
    }

    private static void AssertStrictlyAscending(IReadOnlyList<byte[]> encoded)
    {
        for (var i = 1; i < encoded.Count; i++)
            Assert.True(CompareEncoded(encoded[i - 1], encoded[i]) < 0, $"key {i - 1} should sort before key {i}");
    }

    private static KeyColumn[] Key(PrimaryKeyColumn[] schema, params Value[] values) =>
        schema.Zip(values, (column, value) => new KeyColumn(column.Name, value)).ToArray();

    private static int CompareEncoded(byte[] left, byte[] right) => left.AsSpan().SequenceCompareTo(right);

    private static int CompareKeys(IReadOnlyList<KeyColumn> left, IReadOnlyList<KeyColumn> right)
    {
        for (var i = 0; i < left.Count; i++)
        {
            var order = CompareValues(left[i].Value, right[i].Value);
            if (order != 0)
                return order;
        }
        return 0;
    }

    private static int CompareValues(Value left, Value right) => left.Kind switch
    {
        ValueKind.Integer => left.AsInteger.CompareTo(right.AsInteger),
        ValueKind.String => CompareBytes(Encoding.UTF8.GetBytes(left.AsString), Encoding.UTF8.GetBytes(right.AsString)),
        ValueKind.Binary => CompareBytes(left.AsBinary, right.AsBinary),
        _ => throw new ArgumentException($"{left.TypeName} is not a key value"),
    };

    private static int CompareBytes(byte[] left, byte[] right)
    {
        for (var i = 0; i < left.Length && i < right.Length; i++)
        {
            if (left[i] != right[i])
                return left[i] < right[i] ? -1 : 1;
        }
        return left.Length.CompareTo(right.Length);
    }

    private static Gen<Value> GenValue(PrimaryKeyType type) => type switch
    {
        PrimaryKeyType.Integer => GenInteger.Select(Value.Integer),
        PrimaryKeyType.String => GenString.Select(Value.String),
        _ => GenBinary.Select(Value.Binary),
    };

    private static Gen<KeyColumn[]> GenKey(PrimaryKeyColumn[] schema) =>
        Combine(schema.Select(column => GenValue(column.Type).Select(value => new KeyColumn(column.Name, value))));

    // Mostly equal columns, else small edits, so equal keys, shared prefixes and near misses are common.
    private static Gen<KeyColumn[]> GenNearKey(KeyColumn[] key) =>
        Combine(key.Select(column => GenNearValue(column.Value).Select(value => column with { Value = value })));

    private static Gen<Value> GenNearValue(Value value) => value.Kind switch
    {
        ValueKind.Integer => Gen.Frequency<long>(
            (3, Gen.Const(value.AsInteger)),
            (2, Gen.Long[-2, 2].Select(delta => unchecked(value.AsInteger + delta))),
            (1, GenInteger)).Select(Value.Integer),
        ValueKind.String => GenNearString(value.AsString).Select(Value.String),
        _ => GenNearBinary(value.AsBinary).Select(Value.Binary),
    };

    private static Gen<string> GenNearString(string text) => Gen.Frequency<string>(
        (3, Gen.Const(text)),
        (2, GenFragment.Select(fragment => text + fragment)),
        (2, Gen.Int[0, text.Length].Select(length => Truncate(text, length))),
        (2, Gen.Select(Gen.Int[0, text.Length], GenFragment, (length, fragment) => Truncate(text, length) + fragment)),
        (1, GenString));

    private static Gen<byte[]> GenNearBinary(byte[] bytes) => Gen.Frequency<byte[]>(
        (3, Gen.Const(bytes)),
        (2, GenSmallBinary.Select(extra => bytes.Concat(extra).ToArray())),
        (2, Gen.Int[0, bytes.Length].Select(length => bytes[..length])),
        (2, Gen.Select(Gen.Int[0, bytes.Length], GenSmallBinary, (length, extra) => bytes[..length].Concat(extra).ToArray())),
        (1, GenBinary));

    // Never cuts a surrogate pair in half: the strings stay valid UTF-16.
    private static string Truncate(string text, int length) =>
        length > 0 && length < text.Length && char.IsLowSurrogate(text[length]) ? text[..(length - 1)] : text[..length];

    private static Gen<KeyColumn[]> Combine(IEnumerable<Gen<KeyColumn>> columns)
    {
        var key = Gen.Const(Array.Empty<KeyColumn>());
        foreach (var column in columns)
        {
            var previous = key;
            key = Gen.Select(previous, column, (start, next) => start.Append(next).ToArray());
        }
        return key;
    }

    private static KeyColumn[] BoundOf(KeyColumn[] key, int column, Value placeholder, Value?[] tail) =>
        key.Select((c, i) => i < column ? c : i == column ? c with { Value = placeholder } : TailColumn(c, tail[i])).ToArray();

    // After the first placeholder the rest of a bound is either more placeholders or values the codec must ignore.
    private static KeyColumn TailColumn(KeyColumn column, Value? tail) => tail is { } placeholder ? column with { Value = placeholder } : column;

    private static string Describe(IReadOnlyList<KeyColumn> key) => "(" + string.Join(", ", key.Select(c => DescribeValue(c.Value))) + ")";

    private static string DescribeValue(Value value) => value.Kind switch
    {
        ValueKind.Integer => value.AsInteger.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => "\"" + string.Concat(value.AsString.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"",
        ValueKind.Binary => "0x" + Convert.ToHexString(value.AsBinary),
        _ => value.TypeName,
    };

    private static string DescribeSchema(IReadOnlyList<PrimaryKeyColumn> schema) => "[" + string.Join(", ", schema.Select(c => c.Type)) + "]";

    private sealed record KeyCase(PrimaryKeyColumn[] Schema, uint TableId, KeyColumn[] Key)
    {
        public override string ToString() => $"table {TableId} {DescribeSchema(Schema)} {Describe(Key)}";
    }

    private sealed record KeyPair(PrimaryKeyColumn[] Schema, uint TableId, KeyColumn[] First, KeyColumn[] Second)
    {
        public override string ToString() => $"table {TableId} {DescribeSchema(Schema)} {Describe(First)} vs {Describe(Second)}";
    }

    private sealed record NeighbourTables(KeyCase First, KeyCase Second)
    {
        public override string ToString() => $"{First} then {Second}";
    }

    private sealed record BoundCase(KeyCase Key, int Column, KeyColumn[] Bound, KeyColumn[][] Others)
    {
        public override string ToString() =>
            $"{Key}, bound {Describe(Bound)} at column {Column}, others {string.Join(" ", Others.Select(Describe))}";
    }
}

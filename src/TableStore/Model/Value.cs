using System.Globalization;
using System.Text;

namespace DeliveryConsole.TableStore.Model;

/// <summary>What a <see cref="Value"/> holds. The last three only appear in requests: range bounds and key placeholders.</summary>
public enum ValueKind : byte
{
    Integer = 1,
    String = 2,
    Binary = 3,
    Double = 4,
    Boolean = 5,
    InfMin = 6,
    InfMax = 7,
    AutoIncrement = 8,
}

/// <summary>
/// One cell or key value: INTEGER (signed 64-bit), STRING (UTF-16 in memory, UTF-8 on disk), BINARY, DOUBLE or
/// BOOLEAN; in requests also INF_MIN / INF_MAX (range bounds) and the auto-increment placeholder. Immutable.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly long _bits;
    private readonly object? _reference;

    private Value(ValueKind kind, long bits, object? reference) => (Kind, _bits, _reference) = (kind, bits, reference);

    public ValueKind Kind { get; }

    public static Value Integer(long value) => new(ValueKind.Integer, value, null);
    public static Value String(string value) => new(ValueKind.String, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static Value Binary(byte[] value) => new(ValueKind.Binary, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static Value Double(double value) => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(value), null);
    public static Value Boolean(bool value) => new(ValueKind.Boolean, value ? 1 : 0, null);
    public static readonly Value InfMin = new(ValueKind.InfMin, 0, null);
    public static readonly Value InfMax = new(ValueKind.InfMax, 0, null);
    public static readonly Value AutoIncrement = new(ValueKind.AutoIncrement, 0, null);

    public long AsInteger => Kind == ValueKind.Integer ? _bits : throw WrongKind(ValueKind.Integer);
    public string AsString => Kind == ValueKind.String ? (string)_reference! : throw WrongKind(ValueKind.String);
    public byte[] AsBinary => Kind == ValueKind.Binary ? (byte[])_reference! : throw WrongKind(ValueKind.Binary);
    public double AsDouble => Kind == ValueKind.Double ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(ValueKind.Double);
    public bool AsBoolean => Kind == ValueKind.Boolean ? _bits != 0 : throw WrongKind(ValueKind.Boolean);

    /// <summary>True for INF_MIN, INF_MAX and the auto-increment placeholder: never stored.</summary>
    public bool IsPlaceholder => Kind is ValueKind.InfMin or ValueKind.InfMax or ValueKind.AutoIncrement;

    /// <summary>Bytes the value counts for in size limits: UTF-8 length of strings, length of binaries, 8 otherwise.</summary>
    public int Size => Kind switch
    {
        ValueKind.String => Encoding.UTF8.GetByteCount(AsString),
        ValueKind.Binary => AsBinary.Length,
        ValueKind.Boolean => 1,
        _ => 8,
    };

    /// <summary>The type name the real service uses in messages (STRING, INTEGER, ...).</summary>
    public string TypeName => Kind switch
    {
        ValueKind.InfMin => "INF_MIN",
        ValueKind.InfMax => "INF_MAX",
        ValueKind.AutoIncrement => "AUTO_INCREMENT",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    public bool Equals(Value other) => Kind == other.Kind && Kind switch
    {
        ValueKind.String => AsString == other.AsString,
        ValueKind.Binary => AsBinary.AsSpan().SequenceEqual(other.AsBinary),
        _ => _bits == other._bits,
    };

    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        ValueKind.String => HashCode.Combine(Kind, AsString),
        ValueKind.Binary => HashCode.Combine(Kind, AsBinary.Length, AsBinary.Length > 0 ? AsBinary[0] : 0),
        _ => HashCode.Combine(Kind, _bits),
    };

    public static bool operator ==(Value left, Value right) => left.Equals(right);
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        ValueKind.Integer => AsInteger.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => AsString,
        ValueKind.Binary => Convert.ToBase64String(AsBinary),
        ValueKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.Boolean => AsBoolean ? "true" : "false",
        _ => TypeName,
    };

    private InvalidOperationException WrongKind(ValueKind wanted) => new($"value is {TypeName}, not {wanted.ToString().ToUpperInvariant()}");
}

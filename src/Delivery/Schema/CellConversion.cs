using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The one rule per schema column for which table cells it delivers, and as what: the mapper converts each cell here
/// once into the column's stored form (<see cref="StoredKind"/>), which the column buffers write as it is; the
/// wizard's dirty counts ask the same mapper. A cell that does not convert (another cell type, out of range,
/// unparseable, more digits than the column holds) is dirty: delivered as null and reported. BINARY cells are dirty
/// everywhere. The README's type table says the same rules in a user's words.
/// </summary>
public abstract class CellConversion
{
    /// <summary>The kind of every stored value this conversion gives.</summary>
    public abstract ValueKind StoredKind { get; }

    /// <summary>Converts <paramref name="source"/> to the column's stored form; false (and a default <paramref name="stored"/>) when the cell is dirty.</summary>
    public abstract bool TryConvert(Value source, out Value stored);

    /// <summary>
    /// The conversion of <paramref name="column"/>: BOOL, INT64, UTF8 and DOUBLE take their cell type as it is;
    /// INT32 an INTEGER in range; FLOAT a DOUBLE rounded to float; DATE, TIME_* and TIMESTAMP_*/INT96 integers or
    /// text (<see cref="TimeConversions"/>); DECIMAL integers, doubles and decimal text (<see cref="DecimalConversion"/>).
    /// </summary>
    public static CellConversion For(SchemaColumn column) => column.Type switch
    {
        ParquetType.Bool => SameKind.Boolean,
        ParquetType.Int64 => SameKind.Integer,
        ParquetType.Utf8 => SameKind.String,
        ParquetType.Double => SameKind.Double,
        ParquetType.Int32 => Int32Conversion.Instance,
        ParquetType.Float => FloatConversion.Instance,
        ParquetType.Date => TimeConversions.Date,
        ParquetType.TimeMillis => TimeConversions.TimeMillis,
        ParquetType.TimeMicros => TimeConversions.TimeMicros,
        ParquetType.TimestampMillis => TimeConversions.TimestampMillis,
        ParquetType.TimestampMicros => TimeConversions.TimestampMicros,
        ParquetType.Int96 => TimeConversions.Int96,
        ParquetType.Decimal => new DecimalConversion(column.Decimal!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    /// <summary>BOOL, INT64, UTF8, DOUBLE: the cell of that kind as it is.</summary>
    private sealed class SameKind(ValueKind kind) : CellConversion
    {
        public static readonly SameKind Boolean = new(ValueKind.Boolean);
        public static readonly SameKind Integer = new(ValueKind.Integer);
        public static readonly SameKind String = new(ValueKind.String);
        public static readonly SameKind Double = new(ValueKind.Double);

        public override ValueKind StoredKind => kind;

        public override bool TryConvert(Value source, out Value stored)
        {
            stored = source.Kind == kind ? source : default;
            return source.Kind == kind;
        }
    }

    /// <summary>INT32: an INTEGER cell within int's range, as it is.</summary>
    private sealed class Int32Conversion : CellConversion
    {
        public static readonly Int32Conversion Instance = new();

        public override ValueKind StoredKind => ValueKind.Integer;

        public override bool TryConvert(Value source, out Value stored)
        {
            var fits = source.Kind == ValueKind.Integer && source.AsInteger is >= int.MinValue and <= int.MaxValue;
            stored = fits ? source : default;
            return fits;
        }
    }

    /// <summary>
    /// FLOAT: a DOUBLE cell rounded to the nearest float (IEEE round-half-even), stored as that Double; NaN and the
    /// infinities stay what they are. A finite double that rounds beyond float's range (it would become an infinity)
    /// is dirty.
    /// </summary>
    private sealed class FloatConversion : CellConversion
    {
        public static readonly FloatConversion Instance = new();

        public override ValueKind StoredKind => ValueKind.Double;

        public override bool TryConvert(Value source, out Value stored)
        {
            stored = default;
            if (source.Kind != ValueKind.Double)
                return false;
            var rounded = (float)source.AsDouble;
            if (float.IsInfinity(rounded) && !double.IsInfinity(source.AsDouble))
                return false;
            stored = Value.Double(rounded);
            return true;
        }
    }
}

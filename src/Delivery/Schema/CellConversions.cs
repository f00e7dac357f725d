using System.Globalization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The one rule per Parquet type for which table cells a column delivers, and as what: the mapper converts each
/// cell here once into the column's stored form (<see cref="StoredKind"/>), which the column buffers write as it is;
/// the wizard's dirty counts ask the same mapper. A cell that does not convert is dirty (delivered as null and
/// reported). BOOL, INT64, UTF8 and DOUBLE take their cell type as it is; INT32, FLOAT and DATE look at the value
/// too. Only DATE parses text; no conversion allocates.
/// </summary>
public static class CellConversions
{
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// Converts <paramref name="source"/> to the stored form of a <paramref name="type"/> column: BOOL a Boolean,
    /// INT64 and INT32 an Integer, UTF8 a String, DOUBLE and FLOAT a Double (FLOAT's already rounded to float),
    /// DATE an Integer of days since 1970-01-01. False (and a default <paramref name="stored"/>) when the cell is dirty.
    /// </summary>
    public static bool TryConvert(ParquetType type, Value source, out Value stored)
    {
        stored = default;
        switch (type)
        {
            case ParquetType.Bool when source.Kind == ValueKind.Boolean:
            case ParquetType.Int64 when source.Kind == ValueKind.Integer:
            case ParquetType.Utf8 when source.Kind == ValueKind.String:
            case ParquetType.Double when source.Kind == ValueKind.Double:
                stored = source;
                return true;
            case ParquetType.Int32 when source.Kind == ValueKind.Integer && source.AsInteger is >= int.MinValue and <= int.MaxValue:
                stored = source;
                return true;
            case ParquetType.Float when TryFloat(source, out var rounded):
                stored = Value.Double(rounded);
                return true;
            case ParquetType.Date when TryDate(source, out var days):
                stored = Value.Integer(days);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The kind of every stored value of a <paramref name="type"/> column (see <see cref="TryConvert"/>).</summary>
    public static ValueKind StoredKind(ParquetType type) => type switch
    {
        ParquetType.Bool => ValueKind.Boolean,
        ParquetType.Int64 or ParquetType.Int32 or ParquetType.Date => ValueKind.Integer,
        ParquetType.Utf8 => ValueKind.String,
        ParquetType.Double or ParquetType.Float => ValueKind.Double,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The date a stored DATE value (days since 1970-01-01) stands for.</summary>
    public static DateOnly StoredDate(Value stored) => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)stored.AsInteger);

    /// <summary>
    /// FLOAT: a DOUBLE cell rounded to the nearest float (IEEE round-half-even); NaN and the infinities stay what
    /// they are. A finite double that rounds beyond float's range (it would become an infinity) is dirty, as is
    /// every other cell type.
    /// </summary>
    private static bool TryFloat(Value value, out float converted)
    {
        if (value.Kind == ValueKind.Double)
        {
            var source = value.AsDouble;
            converted = (float)source;
            if (!float.IsInfinity(converted) || double.IsInfinity(source))
                return true;
        }
        converted = 0;
        return false;
    }

    /// <summary>
    /// DATE: a STRING cell that is exactly an ISO 8601 calendar date <c>yyyy-MM-dd</c> (0001-01-01 .. 9999-12-31,
    /// a real day of the invariant Gregorian calendar), or an INTEGER cell of days since 1970-01-01 within that
    /// range. Anything else (a time part, a zone, missing zeros, spaces) and every other cell type is dirty.
    /// </summary>
    private static bool TryDate(Value value, out long days)
    {
        days = 0;
        if (value.Kind == ValueKind.String)
        {
            if (!DateOnly.TryParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return false;
            days = date.DayNumber - UnixEpochDayNumber;
            return true;
        }
        if (value.Kind == ValueKind.Integer
            && value.AsInteger >= DateOnly.MinValue.DayNumber - UnixEpochDayNumber
            && value.AsInteger <= DateOnly.MaxValue.DayNumber - UnixEpochDayNumber)
        {
            days = value.AsInteger;
            return true;
        }
        return false;
    }
}

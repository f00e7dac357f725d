using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The one rule per Parquet type for which table cells a column delivers, and as what: the mapper's dirty
/// detection, the column buffers' written value and the wizard's dirty counts all ask here. A cell that does not
/// convert is dirty (delivered as null and reported). BOOL, INT64, UTF8 and DOUBLE take their cell type as it is;
/// INT32 and FLOAT look at the value too. No conversion allocates.
/// </summary>
public static class CellConversions
{
    /// <summary>True when <paramref name="value"/> is delivered in a column of <paramref name="type"/>.</summary>
    public static bool Converts(ParquetType type, Value value) => type switch
    {
        ParquetType.Bool => value.Kind == ValueKind.Boolean,
        ParquetType.Int64 => value.Kind == ValueKind.Integer,
        ParquetType.Utf8 => value.Kind == ValueKind.String,
        ParquetType.Double => value.Kind == ValueKind.Double,
        ParquetType.Int32 => TryInt32(value, out _),
        ParquetType.Float => TryFloat(value, out _),
        _ => false,
    };

    /// <summary>INT32: an INTEGER cell in [-2^31, 2^31-1], as it is; any other value or cell type is dirty.</summary>
    public static bool TryInt32(Value value, out int converted)
    {
        if (value.Kind == ValueKind.Integer && value.AsInteger is >= int.MinValue and <= int.MaxValue)
        {
            converted = (int)value.AsInteger;
            return true;
        }
        converted = 0;
        return false;
    }

    /// <summary>
    /// FLOAT: a DOUBLE cell rounded to the nearest float (IEEE round-half-even); NaN and the infinities stay what
    /// they are. A finite double that rounds beyond float's range (it would become an infinity) is dirty, as is
    /// every other cell type.
    /// </summary>
    public static bool TryFloat(Value value, out float converted)
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
}

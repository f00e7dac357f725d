using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.TableTools;

/// <summary>Typed values from the text of a CSV field, and the words errors use for each type.</summary>
public static class CellText
{
    /// <summary>
    /// Reads <paramref name="text"/> as <paramref name="type"/> with the console's one typed-text parser
    /// (<see cref="ValueText"/>); numbers and booleans may carry spaces around them, and a CSV DOUBLE is a finite number.
    /// </summary>
    public static bool TryParse(ColumnType type, string text, out Value value) =>
        ValueText.TryParse(TableTypes.Kind(type), type == ColumnType.String ? text : text.Trim(), out value) is null
        && (type != ColumnType.Double || double.IsFinite(value.AsDouble));

    /// <summary>A key value: key types share their numbering with the column types of the same name.</summary>
    public static bool TryParseKey(PrimaryKeyType type, string text, out Value value) => TryParse((ColumnType)type, text, out value);

    /// <summary>An untyped column's value: INTEGER, else DOUBLE, else BOOLEAN (true/false), else the text as STRING.</summary>
    public static Value Infer(string text)
    {
        foreach (var type in (ReadOnlySpan<ColumnType>)[ColumnType.Integer, ColumnType.Double, ColumnType.Boolean])
            if (TryParse(type, text, out var value))
                return value;
        return Value.String(text);
    }

    /// <summary>The type named in a CSV header (<c>price:DOUBLE</c>), in any letter case.</summary>
    public static bool TryParseTypeName(string name, out ColumnType type) =>
        Enum.TryParse(name.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(name, out _);

    public const string TypeNames = "STRING, INTEGER, DOUBLE, BOOLEAN or BINARY";

    /// <summary>How an error names what was expected: "an INTEGER", "a BOOLEAN (true or false)", "BINARY as base64".</summary>
    public static string Expected(ColumnType type) => type switch
    {
        ColumnType.Integer => "an INTEGER",
        ColumnType.Double => "a DOUBLE",
        ColumnType.Boolean => "a BOOLEAN (true or false)",
        ColumnType.Binary => "BINARY as base64",
        _ => "a STRING",
    };

    /// <summary>A value quoted for a message, shortened so one huge cell cannot flood the error list.</summary>
    public static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..37]}...'";
}

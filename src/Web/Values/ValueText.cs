using System.Globalization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Values;

/// <summary>
/// A value of a known type written as text: the one parser behind the JSON API's escapes
/// (<c>{"integer": "…"}</c>, <c>{"double": "…"}</c>, <c>{"binary": "…"}</c>) and the console's typed fields, so a
/// value the console accepts is exactly one the API accepts. <see cref="Value.ToString"/> writes this form.
/// </summary>
public static class ValueText
{
    /// <summary>
    /// Null when <paramref name="text"/> is a valid <paramref name="kind"/>, else the rule it breaks without a
    /// subject ("must be true or false"), so each caller names the field in its own words.
    /// </summary>
    /// <param name="kind">STRING, INTEGER, DOUBLE, BOOLEAN or BINARY.</param>
    public static string? TryParse(ValueKind kind, string? text, out Value value)
    {
        value = default;
        text ??= "";
        switch (kind)
        {
            case ValueKind.String:
                value = Value.String(text);
                return null;
            case ValueKind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                value = Value.Integer(integer);
                return null;
            case ValueKind.Integer:
                return "must be a 64-bit integer, as a number or a string of digits";
            case ValueKind.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                value = Value.Double(number);
                return null;
            case ValueKind.Double:
                return "must be a number or \"NaN\", \"Infinity\", \"-Infinity\"";
            case ValueKind.Boolean when bool.TryParse(text, out var boolean):
                value = Value.Boolean(boolean);
                return null;
            case ValueKind.Boolean:
                return "must be true or false";
            case ValueKind.Binary when TryFromBase64(text) is { } bytes:
                value = Value.Binary(bytes);
                return null;
            case ValueKind.Binary:
                return "must be a base64 string";
            default:
                return $"cannot be written as {kind.ToString().ToUpperInvariant()}: a cell or key is STRING, INTEGER, DOUBLE, BOOLEAN or BINARY";
        }
    }

    private static byte[]? TryFromBase64(string text)
    {
        var bytes = new byte[(text.Length + 3) / 4 * 3];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }
}

using System.Globalization;
using System.Text.Json;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// The precision (digits in all, 1-38) and scale (digits after the point, 0-precision) of a DECIMAL column, read
/// from its <c>typeExtend</c>. Nothing public says what the service puts there, so the forms a user of Hive, Spark
/// or a JSON API would write are all read: <c>decimal(10,2)</c>, <c>(10,2)</c>, <c>10,2</c>, <c>10</c> (scale 0) and
/// <c>{"precision":10,"scale":2}</c>, in any case and with spaces. An absent or empty one is <see cref="Default"/>.
/// </summary>
public readonly record struct DecimalShape(int Precision, int Scale)
{
    public const int MaxPrecision = 38;

    /// <summary>DECIMAL(38,18): what Spark infers for a decimal value and Parquet.Net writes for a plain decimal; loses nothing of a typical value.</summary>
    public static DecimalShape Default { get; } = new(MaxPrecision, 18);

    public const string Rule =
        "must be empty (DECIMAL(38,18)) or give precision 1-38 and scale 0-precision, as decimal(10,2), 10,2, 10 or {\"precision\":10,\"scale\":2}";

    /// <summary>Precision 19 and up is stored as a FIXED_LEN_BYTE_ARRAY, 10-18 as INT64, 1-9 as INT32 (as Parquet.Net lays them out).</summary>
    public bool FitsInt64 => Precision <= 18;

    public override string ToString() => $"DECIMAL({Precision},{Scale})";

    /// <summary>The shape a validated column's typeExtend gives (see <see cref="TryParse"/>).</summary>
    public static DecimalShape Of(string? typeExtend) =>
        TryParse(typeExtend, out var shape) ? shape : throw new ArgumentException($"typeExtend '{typeExtend}' {Rule}.", nameof(typeExtend));

    public static bool TryParse(string? typeExtend, out DecimalShape shape)
    {
        shape = Default;
        var text = (typeExtend ?? "").Trim();
        if (text.Length == 0)
            return true;
        if (text.StartsWith('{'))
            return TryParseJson(text, out shape);
        if (text.StartsWith("decimal", StringComparison.OrdinalIgnoreCase))
            text = text["decimal".Length..].TrimStart();
        if (text.StartsWith('(') && text.EndsWith(')'))
            text = text[1..^1];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || !TryDigits(parts[0], out var precision))
            return false;
        var scale = 0;
        if (parts.Length == 2 && !TryDigits(parts[1], out scale))
            return false;
        return TryShape(precision, scale, out shape);
    }

    private static bool TryParseJson(string text, out DecimalShape shape)
    {
        shape = Default;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (!TryProperty(root, "precision", out var precision))
                return false;
            var scale = 0;
            if (root.EnumerateObject().Any(p => p.NameEquals("scale")) && !TryProperty(root, "scale", out scale))
                return false;
            return TryShape(precision, scale, out shape);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryProperty(JsonElement root, string name, out int value)
    {
        value = 0;
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.Number
            && property.TryGetInt32(out value);
    }

    private static bool TryDigits(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryShape(int precision, int scale, out DecimalShape shape)
    {
        shape = new DecimalShape(precision, scale);
        return precision is >= 1 and <= MaxPrecision && scale >= 0 && scale <= precision;
    }
}

namespace DeliveryConsole.Delivery;

/// <summary>Parsing of enum values by their wire names, which the service spells exactly (upper case).</summary>
internal static class WireNames
{
    public static bool TryParse<T>(IReadOnlyList<T> all, Func<T, string> wireName, string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in all)
        {
            if (wireName(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Every value's wire name as the alternatives a message offers: "A, B or C".</summary>
    public static string Alternatives<T>(IReadOnlyList<T> all, Func<T, string> wireName) where T : struct, Enum =>
        all.Count == 1 ? wireName(all[0])
        : $"{string.Join(", ", all.Take(all.Count - 1).Select(wireName))} or {wireName(all[^1])}";
}

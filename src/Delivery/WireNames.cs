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
}

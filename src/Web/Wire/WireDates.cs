using System.Globalization;
using System.Text.RegularExpressions;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// <c>x-ots-date</c> as the SDKs write it: ISO 8601 UTC with 0-9 fractional digits (node and Java milliseconds,
/// Python's <c>.000</c>, Go's layout bug that prints month, day and hour as the "fraction"), or RFC 1123 (the old
/// C# SDK). The fraction is ignored: Go's is not one, and the date only serves the clock-skew check.
/// </summary>
public static partial class WireDates
{
    public static DateTimeOffset? Parse(string text)
    {
        if (Iso8601().Match(text) is { Success: true } match)
            return DateTimeOffset.TryParseExact(match.Groups["seconds"].Value, "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rfc1123)
            ? rfc1123
            : null;
    }

    /// <summary>The response's <c>x-ots-date</c>: microseconds, as the real service (Python reads 1-6 digits).</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{0,9})?Z\z")]
    private static partial Regex Iso8601();
}

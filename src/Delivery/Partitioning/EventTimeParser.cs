using System.Globalization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// Reads a row's event time from its event-time column. A false result means the cell is dirty: the caller
/// counts it and partitions the row by its write time instead.
/// </summary>
/// <remarks>
/// The RFC formats follow Go's <c>time.Parse</c>, leniencies included: month and weekday names ignore case, the
/// weekday is checked for spelling but not against the date, the hour ("15") may have one digit, a layout space
/// matches one or more spaces, seconds may carry a fraction after <c>.</c> or <c>,</c> (beyond 100 ns it is
/// truncated), and a <c>Z07:00</c> offset may reach 24:60. Zone abbreviations (the <c>MST</c> element) are
/// stricter than Go, which reads any unknown abbreviation as UTC+0: we accept UTC, GMT, GMT followed by a signed
/// hour up to 23 (<c>GMT+8</c>, as Go does) and CST read as China Standard Time (+08:00), which is what Go does
/// on a server in China; CST's other meanings (US Central, Cuba) are not. Any other abbreviation, <c>Z</c>, or a
/// numeric offset where the layout wants an abbreviation fails, so a value the real service might misplace
/// shows up as dirty. Years before 1 or after 9999 fail (Go allows them; .NET cannot represent them).
/// </remarks>
public static class EventTimeParser
{
    private const long MillisecondsThreshold = 100_000_000_000;

    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// The instant <paramref name="cell"/> holds in <paramref name="format"/>, with the offset the text gave when
    /// .NET can hold it (within ±14:00, else UTC); false for a wrong cell type, bad text or an unrepresentable time.
    /// </summary>
    public static bool TryParse(EventTimeFormat format, Value cell, out DateTimeOffset time)
    {
        time = default;
        return format == EventTimeFormat.Unix
            ? cell.Kind switch
            {
                ValueKind.Integer => TryFromEpoch(cell.AsInteger, out time),
                ValueKind.String => IsEpochText(cell.AsString)
                    && long.TryParse(cell.AsString, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch)
                    && TryFromEpoch(epoch, out time),
                _ => false,
            }
            : cell.Kind == ValueKind.String && GoTimeLayouts.TryParse(format, cell.AsString, out time);
    }

    private static bool IsEpochText(string text)
    {
        ReadOnlySpan<char> digits = text.StartsWith('-') ? text.AsSpan(1) : text;
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryFromEpoch(long value, out DateTimeOffset time)
    {
        var milliseconds = value >= MillisecondsThreshold || value <= -MillisecondsThreshold;
        var inRange = milliseconds
            ? value >= MinMilliseconds && value <= MaxMilliseconds
            : value >= MinSeconds && value <= MaxSeconds;
        time = !inRange ? default
            : milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.FromUnixTimeSeconds(value);
        return inRange;
    }
}

using System.Globalization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// DATE, TIME_* and TIMESTAMP_*/INT96 cells. Each is stored as an Integer count of its unit: DATE days since
/// 1970-01-01; TIME_MILLIS/MICROS milliseconds/microseconds since midnight; TIMESTAMP_MILLIS/MICROS and INT96
/// milliseconds/microseconds since 1970-01-01T00:00:00Z (INT96 keeps microseconds). Text is parsed exactly, with the
/// invariant calendar; a fraction may have more digits than the unit holds only when the extra ones are zeros, so
/// no digit is ever lost silently. Every instant lies within 0001-01-01 .. 9999-12-31 (UTC).
/// </summary>
public static class TimeConversions
{
    private const long MicrosPerSecond = 1_000_000;
    private const long SecondsPerDay = 86_400;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly long MinSecond = (DateTime.MinValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
    private static readonly long EndSecond = (DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond + 1;

    /// <summary>DATE: a STRING that is exactly <c>yyyy-MM-dd</c>, or an INTEGER of days since 1970-01-01.</summary>
    public static CellConversion Date { get; } = new DateConversion();

    /// <summary>TIME_MILLIS: a STRING <c>HH:mm:ss[.fraction]</c>, or an INTEGER of milliseconds since midnight (0 .. 86,399,999).</summary>
    public static CellConversion TimeMillis { get; } = new TimeOfDayConversion(1_000);

    /// <summary>TIME_MICROS: a STRING <c>HH:mm:ss[.fraction]</c>, or an INTEGER of microseconds since midnight.</summary>
    public static CellConversion TimeMicros { get; } = new TimeOfDayConversion(MicrosPerSecond);

    /// <summary>TIMESTAMP_MILLIS: an RFC 3339 STRING with its offset, or an INTEGER of milliseconds since the epoch.</summary>
    public static CellConversion TimestampMillis { get; } = new InstantConversion(1_000, 1_000);

    /// <summary>TIMESTAMP_MICROS: an RFC 3339 STRING with its offset, or an INTEGER of microseconds since the epoch.</summary>
    public static CellConversion TimestampMicros { get; } = new InstantConversion(MicrosPerSecond, MicrosPerSecond);

    /// <summary>
    /// INT96 (the legacy timestamp Hive and Spark still read): an RFC 3339 STRING, or an INTEGER of milliseconds
    /// since the epoch as Tablestore rows usually keep time; stored as microseconds.
    /// </summary>
    public static CellConversion Int96 { get; } = new InstantConversion(MicrosPerSecond, 1_000);

    /// <summary>The date a stored DATE value (days since 1970-01-01) stands for.</summary>
    public static DateOnly StoredDate(Value stored) => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)stored.AsInteger);

    /// <summary>The UTC instant a stored TIMESTAMP_* or INT96 value stands for, given its units per second.</summary>
    public static DateTime StoredInstant(Value stored, long unitsPerSecond) =>
        DateTime.UnixEpoch.AddTicks(stored.AsInteger * (TimeSpan.TicksPerSecond / unitsPerSecond));

    /// <summary>The time of day a stored TIME_* value stands for, given its units per second.</summary>
    public static TimeOnly StoredTimeOfDay(Value stored, long unitsPerSecond) =>
        new(stored.AsInteger * (TimeSpan.TicksPerSecond / unitsPerSecond));

    private sealed class DateConversion : CellConversion
    {
        private static readonly long MinDay = DateOnly.MinValue.DayNumber - UnixEpochDayNumber;
        private static readonly long MaxDay = DateOnly.MaxValue.DayNumber - UnixEpochDayNumber;

        public override ValueKind StoredKind => ValueKind.Integer;

        public override bool TryConvert(Value source, out Value stored)
        {
            stored = default;
            if (source.Kind == ValueKind.String)
            {
                if (!TryDay(source.AsString, out var day))
                    return false;
                stored = Value.Integer(day);
                return true;
            }
            if (source.Kind != ValueKind.Integer || source.AsInteger < MinDay || source.AsInteger > MaxDay)
                return false;
            stored = source;
            return true;
        }
    }

    private sealed class TimeOfDayConversion(long unitsPerSecond) : CellConversion
    {
        public override ValueKind StoredKind => ValueKind.Integer;

        public override bool TryConvert(Value source, out Value stored)
        {
            stored = default;
            long units;
            if (source.Kind == ValueKind.String)
            {
                if (!TryTimeOfDay(source.AsString, unitsPerSecond, out units))
                    return false;
            }
            else if (source.Kind == ValueKind.Integer && source.AsInteger >= 0 && source.AsInteger < SecondsPerDay * unitsPerSecond)
            {
                units = source.AsInteger;
            }
            else
            {
                return false;
            }
            stored = Value.Integer(units);
            return true;
        }
    }

    /// <param name="unitsPerSecond">The stored unit.</param>
    /// <param name="integerUnitsPerSecond">The unit an INTEGER cell counts in.</param>
    private sealed class InstantConversion(long unitsPerSecond, long integerUnitsPerSecond) : CellConversion
    {
        public override ValueKind StoredKind => ValueKind.Integer;

        public override bool TryConvert(Value source, out Value stored)
        {
            stored = default;
            long units;
            if (source.Kind == ValueKind.String)
            {
                if (!TryRfc3339(source.AsString, unitsPerSecond, out units))
                    return false;
            }
            else if (source.Kind == ValueKind.Integer
                && source.AsInteger >= MinSecond * integerUnitsPerSecond
                && source.AsInteger < EndSecond * integerUnitsPerSecond)
            {
                units = source.AsInteger * (unitsPerSecond / integerUnitsPerSecond);
            }
            else
            {
                return false;
            }
            stored = Value.Integer(units);
            return true;
        }
    }

    private static bool TryDay(ReadOnlySpan<char> text, out long day)
    {
        day = 0;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        day = date.DayNumber - UnixEpochDayNumber;
        return true;
    }

    /// <summary>
    /// <c>HH:mm:ss</c> (00-23, 00-59, 00-59) with an optional <c>.</c> and one or more fraction digits, as a count of
    /// <paramref name="unitsPerSecond"/> since midnight. Digits past the unit must be zeros.
    /// </summary>
    private static bool TryTimeOfDay(ReadOnlySpan<char> text, long unitsPerSecond, out long units)
    {
        units = 0;
        if (text.Length < 8 || text[2] != ':' || text[5] != ':'
            || !TryTwoDigits(text[0..2], 23, out var hour) || !TryTwoDigits(text[3..5], 59, out var minute)
            || !TryTwoDigits(text[6..8], 59, out var second))
            return false;
        long fraction = 0;
        if (text.Length > 8 && !TryFraction(text[8..], unitsPerSecond, out fraction))
            return false;
        units = ((hour * 60L + minute) * 60 + second) * unitsPerSecond + fraction;
        return true;
    }

    /// <summary>
    /// RFC 3339: <c>yyyy-MM-dd</c>, <c>T</c> (or <c>t</c> or a space, as its section 5.6 allows), a time of day, and
    /// <c>Z</c> or an offset <c>+HH:mm</c>/<c>-HH:mm</c>; as a count of <paramref name="unitsPerSecond"/> since the epoch.
    /// </summary>
    private static bool TryRfc3339(ReadOnlySpan<char> text, long unitsPerSecond, out long units)
    {
        units = 0;
        if (text.Length < 20 || text[10] is not ('T' or 't' or ' ') || !TryDay(text[..10], out var day))
            return false;
        var zone = text[^1] is 'Z' or 'z' ? text.Length - 1 : text.Length - 6;
        if (zone < 19 || !TryOffsetSeconds(text[zone..], out var offset)
            || !TryTimeOfDay(text[11..zone], unitsPerSecond, out var timeOfDay))
            return false;
        var second = day * SecondsPerDay + timeOfDay / unitsPerSecond - offset;
        if (second < MinSecond || second >= EndSecond)
            return false;
        units = second * unitsPerSecond + timeOfDay % unitsPerSecond;
        return true;
    }

    private static bool TryOffsetSeconds(ReadOnlySpan<char> zone, out long seconds)
    {
        seconds = 0;
        if (zone is "Z" or "z")
            return true;
        if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
            || !TryTwoDigits(zone[1..3], 23, out var hours) || !TryTwoDigits(zone[4..6], 59, out var minutes))
            return false;
        seconds = (zone[0] == '-' ? -1 : 1) * (hours * 3600L + minutes * 60);
        return true;
    }

    /// <summary><c>.</c> and at least one digit, as <paramref name="unitsPerSecond"/>; digits past the unit must be zeros.</summary>
    private static bool TryFraction(ReadOnlySpan<char> text, long unitsPerSecond, out long units)
    {
        units = 0;
        if (text.Length < 2 || text[0] != '.')
            return false;
        var scale = unitsPerSecond;
        foreach (var c in text[1..])
        {
            if (!char.IsAsciiDigit(c))
                return false;
            scale /= 10;
            if (scale > 0)
                units += (c - '0') * scale;
            else if (c != '0')
                return false;
        }
        return true;
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
            return false;
        value = (text[0] - '0') * 10 + (text[1] - '0');
        return value <= max;
    }
}

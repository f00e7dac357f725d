using System.Globalization;

namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>Reads one value, element by element, with the rules of Go's <c>time.Parse</c> (see <see cref="EventTimeParser"/>).</summary>
internal ref struct GoTimeReader(string text)
{
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] ShortDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDayNames =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private int _at, _year, _month, _day, _hour, _minute, _second;
    private long _fractionTicks;
    private TimeSpan _offset;

    public bool Read(string chunk) => chunk switch
    {
        "Monday" => Name(LongDayNames, out _),
        "Mon" => Name(ShortDayNames, out _),
        "Jan" => Name(MonthNames, out _month),
        "2006" => Digits(4, out _year),
        "06" => TwoDigitYear(),
        "01" => Digits(2, out _month),
        "02" => Digits(2, out _day),
        "15" => Hour(),
        "04" => Digits(2, out _minute),
        "05" => Digits(2, out _second) && OptionalFraction(),
        "MST" => ZoneAbbreviation(),
        "Z07:00" => Take("Z") || NumericOffset(),
        " " => Spaces(),
        _ => Take(chunk),
    };

    public readonly bool TryFinish(out DateTimeOffset time)
    {
        time = default;
        if (_at != text.Length || _year is < 1 or > 9999 || _month is < 1 or > 12
            || _day < 1 || _day > DateTime.DaysInMonth(_year, _month) || _hour > 23 || _minute > 59 || _second > 59)
            return false;
        var utcTicks = new DateTime(_year, _month, _day, _hour, _minute, _second).Ticks + _fractionTicks - _offset.Ticks;
        if (utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        time = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        if (_offset.Duration() <= TimeSpan.FromHours(14))
            time = time.ToOffset(_offset);
        return true;
    }

    private bool Take(string expected)
    {
        if (_at + expected.Length > text.Length || string.CompareOrdinal(text, _at, expected, 0, expected.Length) != 0)
            return false;
        _at += expected.Length;
        return true;
    }

    private bool Spaces()
    {
        if (_at < text.Length && text[_at] != ' ')
            return false;
        while (_at < text.Length && text[_at] == ' ')
            _at++;
        return true;
    }

    private bool Name(string[] names, out int index)
    {
        for (index = 0; index < names.Length; index++)
        {
            var name = names[index];
            if (_at + name.Length <= text.Length
                && string.Compare(text, _at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                _at += name.Length;
                index++;
                return true;
            }
        }
        return false;
    }

    private bool Digits(int count, out int value)
    {
        value = 0;
        if (_at + count > text.Length)
            return false;
        for (var end = _at + count; _at < end; _at++)
        {
            if (!char.IsAsciiDigit(text[_at]))
                return false;
            value = value * 10 + text[_at] - '0';
        }
        return true;
    }

    private bool TwoDigitYear()
    {
        if (!Digits(2, out var year))
            return false;
        _year = year >= 69 ? 1900 + year : 2000 + year;
        return true;
    }

    private bool Hour() =>
        _at + 1 < text.Length && char.IsAsciiDigit(text[_at + 1]) ? Digits(2, out _hour) : Digits(1, out _hour);

    private bool OptionalFraction()
    {
        if (_at + 1 >= text.Length || text[_at] is not ('.' or ',') || !char.IsAsciiDigit(text[_at + 1]))
            return true;
        var digits = 0;
        for (_at++; _at < text.Length && char.IsAsciiDigit(text[_at]); _at++)
        {
            if (digits++ < 7)
                _fractionTicks = _fractionTicks * 10 + text[_at] - '0';
        }
        for (; digits < 7; digits++)
            _fractionTicks *= 10;
        return true;
    }

    private bool ZoneAbbreviation()
    {
        if (Take("UTC"))
            return true;
        if (Take("CST"))
        {
            _offset = ChinaStandardTime;
            return true;
        }
        if (!Take("GMT"))
            return false;
        var end = _at + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        if (end > _at + 1 && text[_at] is '+' or '-'
            && int.TryParse(text.AsSpan(_at + 1, end - _at - 1), CultureInfo.InvariantCulture, out var hours) && hours <= 23)
        {
            _offset = TimeSpan.FromHours(text[_at] == '-' ? -hours : hours);
            _at = end;
        }
        return true;
    }

    private bool NumericOffset()
    {
        if (_at + 6 > text.Length || text[_at] is not ('+' or '-') || text[_at + 3] != ':')
            return false;
        var sign = text[_at] == '-' ? -1 : 1;
        _at++;
        if (!Digits(2, out var hours) || !Take(":") || !Digits(2, out var minutes) || hours > 24 || minutes > 60)
            return false;
        _offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// A validated ossPrefix: folders of literal text and the time variables <c>$yyyy $MM $dd $HH $mm</c>
/// (<c>$MM</c> is the month, <c>$mm</c> the minute), expanded from each row's partition time.
/// </summary>
/// <remarks>
/// A variable is a <c>$</c> and all the ASCII letters after it: <c>$yyyy$MM</c> and <c>$yyyy_$MM</c> hold two
/// variables, while <c>$yyyyMM</c> is rejected rather than guessed at, and so is a <c>$</c> with no letter after
/// it (there is no escape for a literal <c>$</c>). Every variable expands to a fixed number of digits, so the
/// expanded length is known when parsing. One trailing <c>/</c> is dropped; a second one is an empty folder.
/// Every expansion must be a key that every endpoint kind stores (<see cref="BucketKeys.PortableProblem"/>, the
/// rule the endpoints apply): since variables expand to digits, checking one expansion checks them all.
/// </remarks>
public sealed class PrefixTemplate
{
    /// <summary>The longest prefix an OSS object key allows, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1023;

    private const string VariableList = "$yyyy, $MM, $dd, $HH or $mm";

    private static readonly Dictionary<string, Func<DateTime, string>> Variables = new(StringComparer.Ordinal)
    {
        ["yyyy"] = t => t.Year.ToString("D4", CultureInfo.InvariantCulture),
        ["MM"] = t => TwoDigits(t.Month),
        ["dd"] = t => TwoDigits(t.Day),
        ["HH"] = t => TwoDigits(t.Hour),
        ["mm"] = t => TwoDigits(t.Minute),
    };

    private readonly IReadOnlyList<Func<DateTime, string>> _parts;

    private PrefixTemplate(string text, IReadOnlyList<Func<DateTime, string>> parts, bool hasTimeVariables)
    {
        Text = text;
        _parts = parts;
        HasTimeVariables = hasTimeVariables;
        StaticPrefix = string.Join('/', text.Split('/').TakeWhile(segment => !segment.Contains('$')));
        Sample = Render(new DateTime(2000, 1, 1));
        ExpandedByteCount = Encoding.UTF8.GetByteCount(Sample);
    }

    /// <summary>One expansion: every other differs only in the digits of its variables.</summary>
    private string Sample { get; }

    /// <summary>The prefix as given, without its trailing <c>/</c>.</summary>
    public string Text { get; }

    /// <summary>True when the prefix holds at least one time variable, so objects go to time partitions.</summary>
    public bool HasTimeVariables { get; }

    /// <summary>
    /// The folders before the first one holding a variable, without a trailing <c>/</c> (the whole prefix when it
    /// has no variables, empty when the first folder has one): the fixed location that holds every partition.
    /// </summary>
    public string StaticPrefix { get; }

    /// <summary>The UTF-8 length of every expansion (each variable expands to a fixed number of digits).</summary>
    public int ExpandedByteCount { get; }

    /// <summary>Parses <paramref name="prefix"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse(
        string? prefix, [NotNullWhen(true)] out PrefixTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        error = string.IsNullOrEmpty(prefix) ? "must not be empty."
            : prefix[0] is '/' or '\\' ? @"must not start with '/' or '\'."
            : CharacterError(prefix);
        if (error is not null)
            return false;
        var text = prefix![^1] == '/' ? prefix[..^1] : prefix;
        error = ReadParts(text, out var parts, out var hasTimeVariables);
        if (error is not null)
            return false;
        var parsed = new PrefixTemplate(text, parts, hasTimeVariables);
        if (parsed.ExpandedByteCount > MaxBytes)
        {
            error = $"must be at most {MaxBytes} bytes (UTF-8) once time variables are expanded, not {parsed.ExpandedByteCount}.";
            return false;
        }
        if (BucketKeys.PortableProblem(parsed.Sample) is { } why)
        {
            error = $"must make object keys that every endpoint kind stores, but {why}.";
            return false;
        }
        template = parsed;
        return true;
    }

    /// <summary>The resolved prefix for <paramref name="time"/> seen in <paramref name="zone"/>, without leading or trailing <c>/</c>.</summary>
    public string Expand(DateTimeOffset time, TimeZoneInfo zone) =>
        HasTimeVariables ? Render(TimeZoneInfo.ConvertTime(time, zone).DateTime) : Text;

    public override string ToString() => Text;

    private string Render(DateTime local) => string.Concat(_parts.Select(part => part(local)));

    private static string TwoDigits(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    private static string? CharacterError(string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = prefix[i];
            if (char.IsControl(c))
                return $"must not contain control characters (found U+{(int)c:X4}).";
            if (char.IsHighSurrogate(c) && i + 1 < prefix.Length && char.IsLowSurrogate(prefix[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return "must be valid Unicode text (found an unpaired surrogate).";
        }
        return null;
    }

    private static string? ReadParts(string text, out List<Func<DateTime, string>> parts, out bool hasTimeVariables)
    {
        parts = [];
        hasTimeVariables = false;
        var literalStart = 0;
        for (var dollar = text.IndexOf('$'); dollar >= 0; dollar = text.IndexOf('$', literalStart))
        {
            var end = dollar + 1;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
                end++;
            var name = text[(dollar + 1)..end];
            if (name.Length == 0)
                return $"'$' must start a time variable (use {VariableList}).";
            if (!Variables.TryGetValue(name, out var variable))
                return $"'${name}' is not a time variable (use {VariableList}).";
            var literal = text[literalStart..dollar];
            if (literal.Length > 0)
                parts.Add(_ => literal);
            parts.Add(variable);
            hasTimeVariables = true;
            literalStart = end;
        }
        var tail = text[literalStart..];
        if (tail.Length > 0)
            parts.Add(_ => tail);
        return null;
    }
}

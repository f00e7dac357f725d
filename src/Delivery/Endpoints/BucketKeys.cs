using System.Text;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// Object keys valid on every endpoint: 1 to 1024 bytes of UTF-8 without control characters (C0, DEL, C1), and
/// well-formed (no lone surrogates). The local endpoint adds the folder rules of <see cref="PortableProblem"/>,
/// which task validation applies to every prefix too, so a task never makes a key some endpoint kind refuses.
/// Keys are compared and listed in ordinal order of their UTF-8 bytes, as S3 does.
/// </summary>
public static class BucketKeys
{
    public const int MaxBytes = 1024;

    /// <summary>The longest key segment a local endpoint stores (a file or folder name on common file systems).</summary>
    public const int MaxSegmentBytes = 255;

    private const string TempPrefix = ".~put-";
    private const string TempSuffix = ".tmp";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Orders keys as S3 lists them: by UTF-8 bytes, which is Unicode code point order.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create(CompareUtf8);

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule when <paramref name="key"/> breaks it.</summary>
    public static void Validate(string? key)
    {
        if (Problem(key) is { } why)
            throw Invalid(key, why);
    }

    /// <summary>Which rule <paramref name="key"/> breaks, or null when it is valid.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return "it is empty";
        if (key.Any(char.IsControl))
            return "it contains a control character";
        int bytes;
        try { bytes = StrictUtf8.GetByteCount(key); }
        catch (EncoderFallbackException) { return "it is not well-formed Unicode (a lone surrogate)"; }
        return bytes > MaxBytes ? $"it is longer than {MaxBytes} bytes in UTF-8" : null;
    }

    /// <summary>
    /// Which rule <paramref name="key"/> breaks on some endpoint kind, or null when every kind stores it: the rules of
    /// <see cref="Problem"/>, and those of a local folder, where each segment is a file or folder name: no leading
    /// '/', no backslash, no empty, '.' or '..' segment, segments of at most <see cref="MaxSegmentBytes"/> bytes, and
    /// no segment named like a local upload in progress (<c>.~put-….tmp</c>, which a local endpoint removes at start).
    /// </summary>
    public static string? PortableProblem(string? key)
    {
        if (Problem(key) is { } why)
            return why;
        if (key!.StartsWith('/'))
            return "it is an absolute path";
        if (key.Contains('\\'))
            return "it contains a backslash";
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
                return "it has an empty segment (a trailing or double '/')";
            if (segment is "." or "..")
                return "it has a '.' or '..' segment";
            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
                return $"a segment is longer than {MaxSegmentBytes} bytes in UTF-8";
            if (IsTempName(segment))
                return $"a segment is named like a local upload in progress ('{TempPrefix}…{TempSuffix}')";
        }
        return null;
    }

    /// <summary>A new name for a local upload's temp file.</summary>
    public static string NewTempName() => $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}";

    /// <summary>True when <paramref name="name"/> is named as a local upload's temp file.</summary>
    public static bool IsTempName(string name) =>
        name.StartsWith(TempPrefix, StringComparison.Ordinal) && name.EndsWith(TempSuffix, StringComparison.Ordinal);

    internal static ArgumentException Invalid(string? key, string why) =>
        new($"Invalid object key '{Printable(key)}': {why}.", "key");

    private static string Printable(string? key) =>
        key is null ? "" : string.Concat(key.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static int CompareUtf8(string? a, string? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : -1) : 1;
        var (x, y) = (a.EnumerateRunes(), b.EnumerateRunes());
        while (true)
        {
            var (more, moreB) = (x.MoveNext(), y.MoveNext());
            if (!more || !moreB)
                return more ? 1 : moreB ? -1 : 0;
            var order = x.Current.Value.CompareTo(y.Current.Value);
            if (order != 0)
                return order;
        }
    }
}

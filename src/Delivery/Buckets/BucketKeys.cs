using System.Text;

namespace DeliveryConsole.Delivery.Buckets;

/// <summary>
/// Object keys valid on every endpoint: 1 to 1024 bytes of UTF-8 without control characters (C0, DEL, C1), and
/// well-formed (no lone surrogates). The local endpoint adds the rules of <see cref="LocalPaths"/>.
/// Keys are compared and listed in ordinal order of their UTF-8 bytes, as S3 does.
/// </summary>
public static class BucketKeys
{
    public const int MaxBytes = 1024;

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

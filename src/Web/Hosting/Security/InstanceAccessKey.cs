using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// The instance's one access key pair: it signs a person in to the console, authenticates every JSON API call (HTTP
/// Basic) and will sign Tablestore wire-protocol requests. A class, not a record: a record's generated ToString would
/// print the secret into any log or message that formats the key.
/// </summary>
public sealed partial class InstanceAccessKey(string id, string secret)
{
    /// <summary>The well-known local key id, documented in the README like MinIO's <c>minioadmin</c>: for local use only.</summary>
    public const string WellKnownId = "LTAI5tLocalConsoleKey";

    /// <summary>The well-known local secret that goes with <see cref="WellKnownId"/>; public, so never protection.</summary>
    public const string WellKnownSecret = "LocalConsoleSecretChangeMeBeforeSharing";

    public const string AccessKeyMode = "AccessKey";
    public const string NoneMode = "None";

    public string Id { get; } = id;

    /// <summary>The secret; compare with <see cref="Matches"/>, never with ==, and never write it anywhere.</summary>
    internal string Secret { get; } = secret;

    // The key's own hashes, taken once: every API request compares against them.
    private readonly byte[] _idHash = Hash(id);
    private readonly byte[] _secretHash = Hash(secret);

    public bool IsWellKnown => Id == WellKnownId && Secret == WellKnownSecret;

    /// <summary>Both halves compared in constant time, so the time of a failed attempt tells nothing about either half.</summary>
    public bool Matches(string? id, string? secret)
    {
        var idMatches = IdMatches(id);
        var secretMatches = CryptographicOperations.FixedTimeEquals(Hash(secret ?? ""), _secretHash);
        return idMatches & secretMatches;
    }

    /// <summary>Whether <paramref name="id"/> is this key's id, compared in constant time.</summary>
    public bool IdMatches(string? id) => CryptographicOperations.FixedTimeEquals(Hash(id ?? ""), _idHash);

    /// <summary>Two texts (a signature, a digest) compared in constant time: neither content nor length leaks through timing.</summary>
    public static bool SameText(string expected, string actual) => CryptographicOperations.FixedTimeEquals(Hash(expected), Hash(actual));

    /// <summary>
    /// A short fingerprint of the key pair kept in the sign-in cookie: after the key is changed, cookies issued for
    /// the old key stop working. One-way, and the cookie itself is encrypted.
    /// </summary>
    public string Fingerprint => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id}:{Secret}")))[..22];

    // Hashing first makes both sides the same length, so FixedTimeEquals does not return early on a length difference.
    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public override string ToString() => $"access key {Id}";

    /// <summary>The settings' rules; messages name the setting and never repeat the secret.</summary>
    public static IEnumerable<string> Errors(ConsoleOptions options)
    {
        const string s = ConsoleOptions.Section;
        if (options.Authentication is not { } mode
            || !(mode.Equals(AccessKeyMode, StringComparison.OrdinalIgnoreCase) || mode.Equals(NoneMode, StringComparison.OrdinalIgnoreCase)))
            yield return $"{s}:Authentication must be {AccessKeyMode} (sign-in and the key on every API call) or {NoneMode} (no sign-in, local use only), not '{options.Authentication}'.";
        if (options.AccessKeyId is not { } keyId || !KeyId().IsMatch(keyId))
            yield return $"{s}:AccessKeyId must be 8-128 letters or digits, such as {WellKnownId}, not '{options.AccessKeyId}'.";
        if (options.AccessKeySecret is not { } secret || secret.Length is < 16 or > 256)
            yield return $"{s}:AccessKeySecret must be 16-256 characters long (the value is not shown).";
        else if (secret.Any(c => c is < '!' or > '~'))
            yield return $"{s}:AccessKeySecret must be printable ASCII without spaces (the value is not shown).";
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{8,128}\z")]
    private static partial Regex KeyId();
}

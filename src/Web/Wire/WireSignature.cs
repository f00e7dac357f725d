using System.Security.Cryptography;
using System.Text;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// The V2 signatures of the Tablestore protocol, both ways: HMAC-SHA1 with the access key secret over the action and
/// the <c>x-ots-*</c> headers, Base64. The header rules are the ones every SDK's signature survives (research 1.3, 1.5).
/// </summary>
public static class WireSignature
{
    public const string HeaderPrefix = "x-ots-";
    public const string SignatureHeader = "x-ots-signature";

    /// <summary>
    /// A request's signature: <c>/Action\nPOST\n\n</c>, then <c>name:value\n</c> for every <c>x-ots-*</c> header but
    /// the signature, names lower-cased and sorted ordinally, values trimmed (node does not trim, the others do; a
    /// value with no outer spaces reads the same either way).
    /// </summary>
    public static string SignRequest(string secret, string action, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder().Append('/').Append(action).Append("\nPOST\n\n");
        foreach (var (name, value) in Canonical(headers).Where(h => h.Key != SignatureHeader))
            text.Append(name).Append(':').Append(value.Trim()).Append('\n');
        return Hmac(secret, text.ToString());
    }

    /// <summary>
    /// A response's signature: the sorted <c>name:value</c> lines of every <c>x-ots-*</c> header joined by <c>\n</c>,
    /// then <c>\n/Action</c>. Java signs values untrimmed and Python trimmed, so values must have no outer spaces.
    /// </summary>
    public static string SignResponse(string secret, string action, IEnumerable<KeyValuePair<string, string>> headers) =>
        Hmac(secret, string.Join("\n", Canonical(headers).Select(h => $"{h.Key}:{h.Value}")) + "\n/" + action);

    /// <summary>Base64 of the MD5 of a body: <c>x-ots-contentmd5</c>.</summary>
    public static string ContentMd5(ReadOnlySpan<byte> body) => Convert.ToBase64String(MD5.HashData(body));

    private static IEnumerable<KeyValuePair<string, string>> Canonical(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Where(h => h.Key.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value))
            .OrderBy(h => h.Key, StringComparer.Ordinal);

    private static string Hmac(string secret, string text) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
}

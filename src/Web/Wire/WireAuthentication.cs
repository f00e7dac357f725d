using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// Checks a wire request the way the real service does, in its words (research 1.4): the required headers, the
/// date, the body's MD5, the access key id, the instance name and the V2 signature. With <c>Authentication=None</c>
/// the key id and signature may be anything, but the body must still match its MD5.
/// </summary>
public static class WireAuthentication
{
    public const string DateHeader = "x-ots-date";
    public const string ApiVersionHeader = "x-ots-apiversion";
    public const string AccessKeyIdHeader = "x-ots-accesskeyid";
    public const string InstanceNameHeader = "x-ots-instancename";
    public const string ContentMd5Header = "x-ots-contentmd5";

    public static readonly string[] RequiredHeaders =
        [DateHeader, ApiVersionHeader, AccessKeyIdHeader, InstanceNameHeader, ContentMd5Header, WireSignature.SignatureHeader];

    /// <summary>
    /// How far <c>x-ots-date</c> may be from the console's clock. Generous, as the SDKs are: Python resends the same
    /// date on every retry (up to ~40 s), and Python and C# themselves reject a response dated more than 15 minutes
    /// from their clock, so a client further off could not use the console anyway; saying so up front is clearer.
    /// </summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Throws the real service's error for the first check the request fails.</summary>
    public static void Check(HttpRequest request, string action, ReadOnlySpan<byte> body, ConsoleOptions options, KeyGuessLimiter guesses,
        DateTimeOffset now)
    {
        var headers = RequiredHeaders.ToDictionary(name => name, name => request.Headers[name] is { Count: > 0 } value
            ? value.ToString()
            : throw TableStoreException.Invalid($"Missing header: {name}."));
        if (WireDates.Parse(headers[DateHeader].Trim()) is not { } date)
            throw TableStoreException.Invalid($"Invalid date format: {headers[DateHeader]}.");
        if (!InstanceAccessKey.SameText(WireSignature.ContentMd5(body), headers[ContentMd5Header].Trim()))
            throw Failed("Mismatch between MD5 value of request body and x-ots-contentmd5 in header.");
        var key = options.AccessKey;
        var address = request.HttpContext.Connection.RemoteIpAddress;
        if (!options.AuthenticationOff && guesses.RetryAfter(address) is { } retryAfter)
            throw Failed(KeyGuessLimiter.Message(retryAfter));
        if (!options.AuthenticationOff && !key.IdMatches(headers[AccessKeyIdHeader].Trim()))
        {
            guesses.Failed(address);
            throw Failed($"The AccessKeyId '{headers[AccessKeyIdHeader].Trim()}' is not this console's access key.");
        }
        if (headers[InstanceNameHeader].Trim() != options.InstanceName)
            throw Failed($"The instance '{headers[InstanceNameHeader].Trim()}' does not exist; this console's instance is named '{options.InstanceName}'.");
        if (!options.AuthenticationOff)
        {
            var signed = request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
            if (!InstanceAccessKey.SameText(WireSignature.SignRequest(key.Secret, action, signed), headers[WireSignature.SignatureHeader].Trim()))
            {
                guesses.Failed(address);
                throw Failed("Signature mismatch.");
            }
        }
        if ((date - now).Duration() > AllowedSkew)
            throw Failed($"Mismatch between system time and x-ots-date: {headers[DateHeader]}.");
    }

    private static Exception Failed(string message) => WireErrors.Error(ServiceErrors.AuthFailed, message);
}

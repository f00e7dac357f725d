using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;

namespace DeliveryConsole.Web.Tests.Wire;

/// <summary>
/// A Tablestore SDK in miniature, written apart from the server's code: it signs a request as the node SDK does
/// (V2 over every <c>x-ots-*</c> header), posts the protobuf body, and holds every response to the Java, Python and
/// C# SDKs' checks (<see cref="StrictResponseCheck"/>) before the test sees it.
/// </summary>
public sealed class WireClient(HttpClient http, string keyId, string secret, string instanceName = "console")
{
    /// <summary>A client for a console, with the console's own key (the well-known one unless its settings name another).</summary>
    public static WireClient For(ConsoleFactory console) => new(console.CreateSignedOutClient(), console.Key.Id, console.Key.Secret);

    /// <summary>How <c>x-ots-date</c> is written; node's milliseconds unless a test picks another SDK's shape.</summary>
    public Func<DateTimeOffset, string> DateFormat { get; init; } = NodeDate;

    public string KeyId => keyId;

    /// <summary>The key the console signs its responses with: the client's own, unless a test sends another on purpose.</summary>
    public (string Id, string Secret) ConsoleKey { get; init; } = (keyId, secret);

    public static string NodeDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string PythonDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + ".000Z";

    /// <summary>Go's layout <c>.123</c> prints month, day and 12-hour clock hour unpadded (<c>.11243</c>), not a fraction.</summary>
    public static string GoDate(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var hour12 = utc.Hour % 12 == 0 ? 12 : utc.Hour % 12;
        return utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + $".{utc.Month}{utc.Day}{hour12}Z";
    }

    public static string Rfc1123Date(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>The request as an SDK would send it; <paramref name="beforeSigning"/> may change its x-ots-* headers first.</summary>
    public HttpRequestMessage Request(string action, byte[] body, Action<Dictionary<string, string>>? beforeSigning = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["x-ots-apiversion"] = "2015-12-31",
            ["x-ots-instancename"] = instanceName,
            ["x-ots-contentmd5"] = Convert.ToBase64String(MD5.HashData(body)),
            ["x-ots-date"] = DateFormat(DateTimeOffset.UtcNow),
            ["x-ots-accesskeyid"] = keyId,
        };
        beforeSigning?.Invoke(headers);
        headers["x-ots-signature"] = Sign(secret, action, headers);
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + action) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>The V2 request signature, built by hand from the documented string (research 1.3).</summary>
    public static string Sign(string secret, string action, IReadOnlyDictionary<string, string> headers)
    {
        var text = "/" + action + "\n" + "POST" + "\n" + "" + "\n";
        foreach (var name in headers.Keys.Where(n => n != "x-ots-signature").Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal))
            text += name + ":" + headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.Trim() + "\n";
        using var hmac = new HMACSHA1(System.Text.Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Sends the request and checks the response strictly; the status and body are the caller's to judge.</summary>
    public async Task<WireAnswer> SendAsync(string action, HttpRequestMessage request, CancellationToken cancel)
    {
        using var response = await http.SendAsync(request, cancel);
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        StrictResponseCheck.Check(response, body, action, ConsoleKey.Id, ConsoleKey.Secret);
        return new WireAnswer(response.StatusCode, body);
    }

    public Task<WireAnswer> SendAsync(string action, byte[] body, CancellationToken cancel) =>
        SendAsync(action, Request(action, body), cancel);

    /// <summary>A call that must succeed: 200 and a <typeparamref name="TResponse"/> with every required field.</summary>
    public async Task<TResponse> OkAsync<TResponse>(string action, IMessage request, MessageParser<TResponse> parser, CancellationToken cancel)
        where TResponse : IMessage<TResponse>
    {
        var answer = await SendAsync(action, request.ToByteArray(), cancel);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer.Status} {answer.DescribeError()}");
        return StrictResponseCheck.ParseComplete(parser, answer.Body);
    }

    /// <summary>A call that must fail with <paramref name="status"/> and <paramref name="code"/>; returns the error.</summary>
    public async Task<Error> FailsAsync(string action, byte[] body, HttpStatusCode status, string code, CancellationToken cancel) =>
        (await SendAsync(action, body, cancel)).AssertError(status, code);

    public Task<Error> FailsAsync(string action, IMessage request, HttpStatusCode status, string code, CancellationToken cancel) =>
        FailsAsync(action, request.ToByteArray(), status, code, cancel);
}

/// <summary>What came back, already strictly checked.</summary>
public sealed record WireAnswer(HttpStatusCode Status, byte[] Body)
{
    public Error AssertError(HttpStatusCode status, string code)
    {
        var error = StrictResponseCheck.ParseComplete(Error.Parser, Body);
        Assert.True(Status == status && error.Code == code, $"expected {(int)status} {code}, got {(int)Status} {error.Code}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    public string DescribeError() => Status == HttpStatusCode.OK ? "" : Error.Parser.ParseFrom(Body).ToString();
}

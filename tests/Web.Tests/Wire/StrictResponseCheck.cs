using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DeliveryConsole.Web.Tests.Wire;

/// <summary>
/// What the strictest SDKs demand of every response (research 1.6), success and error alike: Java's and Python's
/// header checks and response signature, Python's and C#'s MD5 and date checks, and the proto2 required fields that
/// node's, Java's and Go's decoders enforce. Independent of the server's code.
/// </summary>
public static partial class StrictResponseCheck
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public static void Check(HttpResponseMessage response, byte[] body, string action, string keyId, string secret)
    {
        var headers = AllHeaders(response);
        string Header(string name) =>
            headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"{action}: the response lacks {name}.");

        Assert.Equal(Convert.ToBase64String(MD5.HashData(body)), Header("x-ots-contentmd5"));
        Assert.False(string.IsNullOrWhiteSpace(Header("x-ots-requestid")));
        Assert.Equal("protocol buffer", Header("x-ots-contenttype"));
        var date = Header("x-ots-date");
        Assert.Matches(PythonDate(), date);
        var time = DateTime.ParseExact(date[..19], "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.True((time - DateTime.UtcNow).Duration() <= AllowedSkew, $"x-ots-date {date} is more than 15 minutes off");
        Assert.DoesNotContain("x-ots-signature", headers.Keys);
        Assert.All(headers.Where(h => h.Key.StartsWith("x-ots-", StringComparison.Ordinal)), h => Assert.Equal(h.Value.Trim(), h.Value));

        var authorization = Header("authorization");
        Assert.StartsWith("OTS ", authorization);
        var (id, signature) = (authorization[4..].Split(':')[0], authorization[(authorization.IndexOf(':') + 1)..]);
        Assert.Equal(keyId, id);
        var signed = string.Join("\n", headers.Where(h => h.Key.StartsWith("x-ots-", StringComparison.Ordinal))
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + ":" + h.Value)) + "\n/" + action;
        using var hmac = new HMACSHA1(System.Text.Encoding.UTF8.GetBytes(secret));
        Assert.Equal(Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(signed))), signature);

        if (!response.IsSuccessStatusCode)
            ParseComplete(Error.Parser, body);
    }

    /// <summary>Parses <paramref name="body"/> and fails unless every proto2 required field is present, at any depth.</summary>
    public static T ParseComplete<T>(MessageParser<T> parser, byte[] body) where T : IMessage<T>
    {
        var message = parser.ParseFrom(body);
        AssertRequiredFields(message, typeof(T).Name);
        return message;
    }

    private static void AssertRequiredFields(IMessage message, string path)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var at = $"{path}.{field.Name}";
            if (field.IsRequired)
                Assert.True(field.Accessor.HasValue(message), $"missing required '{at}'");
            if (field.FieldType != FieldType.Message)
                continue;
            if (field.IsRepeated)
            {
                var items = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < items.Count; i++)
                    AssertRequiredFields((IMessage)items[i]!, $"{at}[{i}]");
            }
            else if (field.Accessor.HasValue(message))
                AssertRequiredFields((IMessage)field.Accessor.GetValue(message), at);
        }
    }

    // Names lower-cased; a repeated header would be two values, which no SDK expects.
    private static Dictionary<string, string> AllHeaders(HttpResponseMessage response)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers))
        {
            var list = values.ToList();
            Assert.True(list.Count == 1, $"header {name} has {list.Count} values");
            all[name.ToLowerInvariant()] = list[0];
        }
        return all;
    }

    /// <summary>Python's <c>%Y-%m-%dT%H:%M:%S.%fZ</c>: 1-6 fractional digits.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$")]
    private static partial Regex PythonDate();
}

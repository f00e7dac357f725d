using DeliveryConsole.Web.Hosting.Security;
using Google.Protobuf;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// Writes a response the way every SDK accepts it, errors included (research 1.5, 1.6): the protobuf body and
/// exactly these <c>x-ots-*</c> headers, signed into <c>authorization</c> with the instance key. No
/// <c>x-ots-signature</c> and no other <c>x-ots-*</c> header, so the signature's header set is the same in Java,
/// Python and C#.
/// </summary>
public static class WireResponse
{
    public const string ContentType = "protocol buffer";

    public static async Task WriteAsync(HttpContext context, string action, int status, IMessage message, InstanceAccessKey key, DateTimeOffset now)
    {
        var body = message.ToByteArray();
        var headers = new Dictionary<string, string>
        {
            ["x-ots-contentmd5"] = WireSignature.ContentMd5(body),
            ["x-ots-requestid"] = ServiceErrors.RequestId(context),
            ["x-ots-date"] = WireDates.Format(now),
            ["x-ots-contenttype"] = ContentType,
        };
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers)
            response.Headers[name] = value;
        response.Headers.Authorization = $"OTS {key.Id}:{WireSignature.SignResponse(key.Secret, action, headers)}";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}

using System.Security.Cryptography;
using System.Text;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;
using DeliveryConsole.Web.Wire;
using Microsoft.AspNetCore.Http;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>The request the npm SDK sent in the research's probe (4.3), checked against the server's verifier.</summary>
public class WireSignatureVectorTests
{
    // CreateTable probe_t: table_meta{name, pk STRING, n INTEGER}, reserved_throughput{0, 0}, table_options{ttl -1, max_versions 1}.
    private static readonly byte[] Body = Convert.FromHexString(
        "0a180a0770726f62655f7412060a02706b100212050a016e1001" + "12060a0408001000" + "1a0d08ffffffffffffffffff011001");

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["x-ots-apiversion"] = "2015-12-31",
        ["x-ots-instancename"] = "console",
        ["x-ots-contentmd5"] = "WSvm6IhQhISBht+BYpqhBw==",
        ["x-ots-date"] = "2026-11-24T03:38:47.708Z",
        ["x-ots-accesskeyid"] = "test",
    };

    // The documented StringToSign, written out by hand: action, method, empty query, sorted headers.
    private const string StringToSign =
        "/CreateTable\nPOST\n\n" +
        "x-ots-accesskeyid:test\n" +
        "x-ots-apiversion:2015-12-31\n" +
        "x-ots-contentmd5:WSvm6IhQhISBht+BYpqhBw==\n" +
        "x-ots-date:2026-11-24T03:38:47.708Z\n" +
        "x-ots-instancename:console\n";

    private static string ExpectedSignature()
    {
        using var hmac = new HMACSHA1("test"u8.ToArray());
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(StringToSign)));
    }

    [Fact]
    public void The_probe_body_hashes_to_the_recorded_md5()
    {
        Assert.Equal(49, Body.Length);
        Assert.Equal("WSvm6IhQhISBht+BYpqhBw==", Convert.ToBase64String(MD5.HashData(Body)));
        Assert.Equal("WSvm6IhQhISBht+BYpqhBw==", WireSignature.ContentMd5(Body));
    }

    [Fact]
    public void The_server_signs_the_probe_request_as_the_hand_built_string_does()
    {
        Assert.Equal(28, ExpectedSignature().Length);
        Assert.Equal(ExpectedSignature(), WireSignature.SignRequest("test", "CreateTable", Headers));
        Assert.Equal(ExpectedSignature(), WireClient.Sign("test", "CreateTable", Headers));
    }

    [Fact]
    public void The_verifier_accepts_the_probe_request_with_the_independent_signature_and_rejects_one_bit_off()
    {
        var options = new ConsoleOptions { AccessKeyId = "test", AccessKeySecret = "test" };
        var now = new DateTimeOffset(2026, 11, 24, 3, 40, 0, TimeSpan.Zero);

        WireAuthentication.Check(ProbeRequest(ExpectedSignature()), "CreateTable", Body, options, new KeyGuessLimiter(TimeProvider.System), now);

        var wrong = ExpectedSignature().ToCharArray();
        wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
        var failure = Assert.Throws<DeliveryConsole.TableStore.Model.TableStoreException>(() =>
            WireAuthentication.Check(ProbeRequest(new string(wrong)), "CreateTable", Body, options, new KeyGuessLimiter(TimeProvider.System), now));
        Assert.Equal(("OTSAuthFailed", "Signature mismatch."), (failure.Code, failure.Message));
    }

    private static HttpRequest ProbeRequest(string signature)
    {
        var context = new DefaultHttpContext();
        // As node sends them, in its order, with the Host it sends (no port) and no Content-Type.
        foreach (var (name, value) in Headers)
            context.Request.Headers[name] = value;
        context.Request.Headers.Host = "127.0.0.1";
        context.Request.Headers["x-ots-signature"] = signature;
        return context.Request;
    }
}

using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>Every way a request's authentication can fail gets the real service's code and words; the SDKs' shapes pass.</summary>
public sealed class WireAuthenticationTests : IAsyncDisposable
{
    private readonly ConsoleFactory _console = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly byte[] Empty = [];

    [Theory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    [InlineData("rfc1123")]
    public async Task Every_sdks_date_shape_is_accepted(string sdk)
    {
        var client = new WireClient(_console.CreateSignedOutClient(), _console.Key.Id, _console.Key.Secret)
        {
            DateFormat = sdk switch
            {
                "node" => WireClient.NodeDate,
                "python" => WireClient.PythonDate,
                "go" => WireClient.GoDate,
                _ => WireClient.Rfc1123Date,
            },
        };

        await client.OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ots.example.com:443")]
    public async Task The_host_header_does_not_matter(string host)
    {
        var client = WireClient.For(_console);
        var request = client.Request("ListTable", Empty);
        request.Headers.Host = host;

        var answer = await client.SendAsync("ListTable", request, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_wrong_signature_is_403_signature_mismatch()
    {
        var client = new WireClient(_console.CreateSignedOutClient(), _console.Key.Id, "NotTheSecretOfThisConsoleAtAll")
            { ConsoleKey = _console.Key };

        var error = await client.FailsAsync("ListTable", Empty, HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        Assert.Equal("Signature mismatch.", error.Message);
    }

    [Fact]
    public async Task A_signature_over_another_action_or_a_header_changed_after_signing_is_403()
    {
        var client = WireClient.For(_console);
        var request = client.Request("ListTable", Empty);
        request.Headers.Remove("x-ots-apiversion");
        request.Headers.TryAddWithoutValidation("x-ots-apiversion", "2014-08-08");

        (await client.SendAsync("ListTable", request, Cancel)).AssertError(HttpStatusCode.Forbidden, "OTSAuthFailed");
        var extra = client.Request("ListTable", Empty);
        extra.Headers.TryAddWithoutValidation("x-ots-request-tag", "added later");
        (await client.SendAsync("ListTable", extra, Cancel)).AssertError(HttpStatusCode.Forbidden, "OTSAuthFailed");
    }

    [Fact]
    public async Task Extra_x_ots_headers_are_signed_like_every_other()
    {
        var client = WireClient.For(_console);

        var request = client.Request("ListTable", Empty, headers => headers["X-OTS-SDK-TraceId"] = "  trace-1  ");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync("ListTable", request, Cancel)).Status);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_md5_is_403()
    {
        var client = WireClient.For(_console);
        var request = client.Request("DescribeTable", new DescribeTableRequest { TableName = "a" }.ToByteArray());
        request.Content = new ByteArrayContent(new DescribeTableRequest { TableName = "b" }.ToByteArray());

        var error = (await client.SendAsync("DescribeTable", request, Cancel)).AssertError(HttpStatusCode.Forbidden, "OTSAuthFailed");

        Assert.Equal("Mismatch between MD5 value of request body and x-ots-contentmd5 in header.", error.Message);
    }

    [Theory]
    [InlineData("x-ots-date")]
    [InlineData("x-ots-apiversion")]
    [InlineData("x-ots-accesskeyid")]
    [InlineData("x-ots-instancename")]
    [InlineData("x-ots-contentmd5")]
    [InlineData("x-ots-signature")]
    public async Task A_missing_header_is_400_naming_it(string header)
    {
        var client = WireClient.For(_console);
        var request = client.Request("ListTable", Empty);
        request.Headers.Remove(header);

        var error = (await client.SendAsync("ListTable", request, Cancel)).AssertError(HttpStatusCode.BadRequest, "OTSParameterInvalid");

        Assert.Equal($"Missing header: {header}.", error.Message);
    }

    [Fact]
    public async Task Another_access_key_id_is_403()
    {
        var client = new WireClient(_console.CreateSignedOutClient(), "LTAI5tSomeOtherKey", _console.Key.Secret) { ConsoleKey = _console.Key };

        var error = await client.FailsAsync("ListTable", Empty, HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        Assert.Contains("LTAI5tSomeOtherKey", error.Message);
    }

    [Fact]
    public async Task Another_instance_name_is_403()
    {
        var client = new WireClient(_console.CreateSignedOutClient(), _console.Key.Id, _console.Key.Secret, instanceName: "prod");

        var error = await client.FailsAsync("ListTable", Empty, HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        Assert.Contains("'prod' does not exist", error.Message);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-24 03:38:47")]
    [InlineData("2026-13-45T03:38:47.000Z")]
    [InlineData("2026-11-24T03:38:47.1234567890Z")]
    [InlineData("1764000000")]
    public async Task An_unreadable_date_is_400_invalid_date_format(string date)
    {
        var client = new WireClient(_console.CreateSignedOutClient(), _console.Key.Id, _console.Key.Secret) { DateFormat = _ => date };

        var error = await client.FailsAsync("ListTable", Empty, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        Assert.Equal($"Invalid date format: {date}.", error.Message);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task A_date_more_than_15_minutes_off_is_403(int minutes)
    {
        var client = new WireClient(_console.CreateSignedOutClient(), _console.Key.Id, _console.Key.Secret)
            { DateFormat = now => WireClient.NodeDate(now.AddMinutes(minutes)) };

        var error = await client.FailsAsync("ListTable", Empty, HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        Assert.StartsWith("Mismatch between system time and x-ots-date", error.Message);
    }

    [Fact]
    public async Task With_authentication_off_any_key_and_signature_pass_but_the_md5_is_still_checked()
    {
        await using var open = new ConsoleFactory(new Dictionary<string, string?> { ["Console:Authentication"] = "None" });
        var client = new WireClient(open.CreateSignedOutClient(), "anybody", "any-secret-at-all") { ConsoleKey = open.Key };

        await client.OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel);
        var request = client.Request("ListTable", Empty);
        request.Content = new ByteArrayContent([1]);
        (await client.SendAsync("ListTable", request, Cancel)).AssertError(HttpStatusCode.Forbidden, "OTSAuthFailed");
    }

    [Fact]
    public async Task A_console_with_its_own_key_accepts_that_key_and_not_the_well_known_one()
    {
        await using var keyed = new ConsoleFactory(new Dictionary<string, string?>
        {
            ["Console:AccessKeyId"] = "LTAI5tOwnKeyOfThisConsole",
            ["Console:AccessKeySecret"] = "OwnSecretOfThisConsole123",
        });

        await WireClient.For(keyed).OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel);
        var wellKnown = new WireClient(keyed.CreateSignedOutClient(), ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret)
            { ConsoleKey = keyed.Key };
        await wellKnown.FailsAsync("ListTable", Empty, HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

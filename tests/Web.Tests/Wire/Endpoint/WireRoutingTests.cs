using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>The wire endpoint takes exactly the SDKs' requests; the browser's pages and the JSON API are as before.</summary>
public sealed class WireRoutingTests : IAsyncDisposable
{
    private readonly ConsoleFactory _console = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SQLQuery")]
    [InlineData("CreateSearchIndex")]
    [InlineData("listTable")]
    public async Task An_action_the_console_does_not_have_is_400_unsupported_operation(string action)
    {
        var error = await WireClient.For(_console).FailsAsync(action, [], HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        Assert.Equal($"Unsupported operation: {action}.", error.Message);
    }

    [Fact]
    public async Task Another_method_on_an_action_is_405()
    {
        var wire = WireClient.For(_console);
        var request = wire.Request("ListTable", []);
        request.Method = HttpMethod.Get;
        request.Content = null;

        (await wire.SendAsync("ListTable", request, Cancel)).AssertError(HttpStatusCode.MethodNotAllowed, "OTSMethodNotAllowed");
        using var browser = await _console.CreateSignedOutClient().GetAsync("/DescribeTable", Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, browser.StatusCode);
    }

    [Fact]
    public async Task A_body_over_16_MiB_is_413()
    {
        var wire = WireClient.For(_console);

        await wire.FailsAsync("ListTable", new byte[16 * 1024 * 1024 + 1], HttpStatusCode.RequestEntityTooLarge, "OTSRequestBodyTooLarge", Cancel);
    }

    [Fact]
    public async Task The_browser_routes_and_the_json_api_are_untouched()
    {
        var browser = _console.CreateSignedOutClient();

        using var home = await browser.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/signin", home.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        using var signIn = await browser.GetAsync("/signin", Cancel);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        // A POST to a page or an unknown name without x-ots-* headers is not the wire's.
        using var unknown = await browser.PostAsync("/Frobnicate", new ByteArrayContent([]), Cancel);
        Assert.False(unknown.Headers.Contains("x-ots-requestid"));
        using var signOut = await browser.PostAsync("/signout", new ByteArrayContent([]), Cancel);
        Assert.False(signOut.Headers.Contains("x-ots-requestid"));
        using var api = await _console.CreateClient().PostAsync("/api/ListTable", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task The_empty_list_table_body_and_an_empty_list_round_trip()
    {
        var listed = await WireClient.For(_console).OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel);

        Assert.Empty(listed.TableNames);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

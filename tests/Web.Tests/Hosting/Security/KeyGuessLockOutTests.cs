using System.Net;
using System.Net.Http.Json;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting.Security;
using DeliveryConsole.Web.Tests.Wire;
using DeliveryConsole.Web.Wire.Protocol;
using DeliveryConsole.Web.Values;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>
/// Ten wrong keys through any door lock the address out of every door, even with the right key: the sign-in form,
/// HTTP Basic on the API and wire-protocol signatures share one count.
/// </summary>
public sealed class KeyGuessLockOutTests : ServedConsoleTest
{
    [Fact]
    public async Task After_ten_wrong_basic_keys_the_right_one_gets_429_with_retry_after()
    {
        using var guesser = App.CreateSignedOutClient();
        guesser.DefaultRequestHeaders.Authorization = ConsoleFactory.Basic(ConsoleFactory.DefaultKeyId, "not-the-secret-at-all");
        for (var i = 0; i < KeyGuessLimiter.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PostAsync("/api/ListTable", Json("{}"), Cancel)).StatusCode);

        using var response = await App.CreateClient().PostAsync("/api/ListTable", Json("{}"), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(int.Parse(response.Headers.RetryAfter!.ToString()), 1, 60);
        var error = await response.Content.ReadFromJsonAsync<ErrorBody>(ServiceJson.Options, Cancel);
        Assert.Equal("OTSAuthFailed", error!.Code);
        Assert.StartsWith("Too many wrong access keys from this address", error.Message);
    }

    [Fact]
    public async Task After_ten_wrong_sign_ins_the_form_refuses_the_right_key_too_and_sets_no_cookie()
    {
        using var browser = App.CreateSignedOutClient();
        for (var i = 0; i < KeyGuessLimiter.MaxFailures; i++)
            await SignInTests.SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, "not-the-secret-at-all");

        using var response = await SignInTests.SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many wrong access keys from this address", await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(ConsoleSecurity.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_ten_wrong_signatures_the_wire_refuses_a_right_one_and_basic_is_locked_out_too()
    {
        var guesser = new WireClient(App.CreateSignedOutClient(), App.Key.Id, "not-the-secret-at-all") { ConsoleKey = App.Key };
        for (var i = 0; i < KeyGuessLimiter.MaxFailures; i++)
            await guesser.FailsAsync("ListTable", new ListTableRequest(), HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        var error = await WireClient.For(App).FailsAsync("ListTable", new ListTableRequest(), HttpStatusCode.Forbidden, "OTSAuthFailed", Cancel);

        Assert.StartsWith("Too many wrong access keys from this address", error.Message);
        using var api = await App.CreateClient().PostAsync("/api/ListTable", Json("{}"), Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}

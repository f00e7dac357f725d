using System.Net;
using System.Text.RegularExpressions;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Components.Pages.Account;
using DeliveryConsole.Web.Hosting.Security;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>Pages need a signed-in browser: the sign-in form, its cookie, the return address and sign-out, over HTTP.</summary>
public partial class SignInTests : ServedConsoleTest
{
    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/delivery", "%2Fdelivery")]
    [InlineData("/tables/orders?x=1", "%2Ftables%2Forders%3Fx%3D1")]
    public async Task A_page_sends_a_signed_out_browser_to_sign_in_and_back(string path, string returnUrl)
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await browser.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?returnUrl={returnUrl}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_plain_form_with_labelled_fields()
    {
        using var browser = App.CreateSignedOutClient();

        var html = await browser.GetStringAsync("/signin", Cancel);

        Assert.Matches("<h1[^>]*>Sign in</h1>", html);
        Assert.Matches("<label for=\"access-key-id\"[^>]*>Access key ID</label>", html);
        Assert.Matches("<label for=\"access-key-secret\"[^>]*>Access key secret</label>", html);
        Assert.Matches("<input[^>]*id=\"access-key-secret\"[^>]*type=\"password\"|<input[^>]*type=\"password\"[^>]*id=\"access-key-secret\"", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task The_show_secret_button_is_hidden_until_a_script_shows_it()
    {
        using var browser = App.CreateSignedOutClient();

        var html = await browser.GetStringAsync("/signin", Cancel);

        Assert.Matches("<button type=\"button\" class=\"sign-in-reveal\" hidden data-reveals=\"access-key-secret\"", html);
    }

    [Fact]
    public async Task A_missing_secret_is_said_under_its_field_and_is_not_counted_as_a_guess()
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Matches("<div id=\"access-key-secret-error\" class=\"sign-in-rule\"[^>]*><div class=\"validation-message\">Access key secret is required.</div></div>", html);
        Assert.Matches("<div id=\"access-key-id-error\" class=\"sign-in-rule\"[^>]*></div>", html);
        Assert.DoesNotContain(SignInPage.WrongKeyMessage, html);
        for (var i = 0; i < KeyGuessLimiter.MaxFailures; i++)
            using (await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, "")) { }
        using var rightKey = await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);
        Assert.Equal(HttpStatusCode.Redirect, rightKey.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_said_under_both_fields_above_the_button()
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, "wrong-secret-of-some-length");

        var html = await response.Content.ReadAsStringAsync(Cancel);
        var message = html.IndexOf(SignInPage.WrongKeyMessage, StringComparison.Ordinal);
        Assert.InRange(message, html.IndexOf("id=\"access-key-secret\"", StringComparison.Ordinal), html.IndexOf(">Sign in</span>", StringComparison.Ordinal));
        Assert.Contains("aria-describedby=\"access-key-id-error sign-in-error\"", html);
    }

    [Theory]
    [InlineData(ConsoleFactory.DefaultKeyId, "wrong-secret-of-some-length")]
    [InlineData("LTAIsomeoneElse", ConsoleFactory.DefaultKeySecret)]
    public async Task A_wrong_key_says_so_without_naming_the_half_and_sets_no_cookie(string id, string secret)
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await SubmitSignInAsync(browser, "/signin", id, secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("That access key does not match this instance.", html);
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(ConsoleSecurity.CookieName, StringComparison.Ordinal));
        using var page = await browser.GetAsync("/delivery", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_right_key_sets_an_http_only_strict_cookie_and_returns_to_the_page()
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await SubmitSignInAsync(browser, "/signin?returnUrl=%2Fdelivery", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/delivery", LocalPath(response));
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith(ConsoleSecurity.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var html = await browser.GetStringAsync("/delivery", Cancel);
        Assert.Matches("<h1[^>]*>Delivery</h1>", html);
        Assert.Contains(">Sign out</span>", html);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_off_theApp_is_refused(string returnUrl)
    {
        using var browser = App.CreateSignedOutClient();

        using var response = await SubmitSignInAsync(browser, $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}",
            ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LocalPath(response));
    }

    [Fact]
    public async Task The_signed_in_cookie_also_opens_downloads()
    {
        using var browser = App.CreateSignedOutClient();
        using (await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret)) { }

        using var download = await browser.GetAsync("/download/oss-cn-hangzhou.aliyuncs.com/no-bucket?key=a", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task The_cookie_does_not_open_the_json_api()
    {
        using var browser = App.CreateSignedOutClient();
        using (await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret)) { }

        using var response = await browser.PostAsync("/api/ListTable", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);

        await ApiKeyTests.AssertAuthFailedAsync(response);
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token_and_then_clears_the_cookie()
    {
        using var browser = App.CreateSignedOutClient();
        using (await SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret)) { }
        var page = await browser.GetStringAsync("/delivery", Cancel);

        using (var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent([]), Cancel))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await browser.GetAsync("/delivery", Cancel))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page))]), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Contains(SetCookies(signOut), c => c.StartsWith(ConsoleSecurity.CookieName + "=;", StringComparison.Ordinal));
        using var after = await browser.GetAsync("/delivery", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task With_authentication_none_pages_and_the_api_need_nothing()
    {
        await using var console = new ConsoleFactory(new Dictionary<string, string?> { ["Console:Authentication"] = "None" });
        using var browser = console.CreateSignedOutClient();

        using var page = await browser.GetAsync("/delivery", Cancel);
        using var api = await browser.PostAsync("/api/ListTable", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(">Sign out</span>", await page.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    /// <summary>Gets the sign-in page (for its antiforgery token and cookie) and posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitSignInAsync(HttpClient browser, string signInUrl, string id, string secret)
    {
        var form = await browser.GetStringAsync(signInUrl, Cancel);
        return await browser.PostAsync(signInUrl, new FormUrlEncodedContent(
        [
            new("_handler", "signin"),
            new("__RequestVerificationToken", Token(form)),
            new("Input.AccessKeyId", id),
            new("Input.AccessKeySecret", secret),
        ]), Cancel);
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(AntiforgeryInput().Match(html) is { Success: true } match ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException("The page has no antiforgery token."));

    /// <summary>The redirect's target, which must be on the console itself.</summary>
    private static string LocalPath(HttpResponseMessage response)
    {
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        return target.PathAndQuery;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}

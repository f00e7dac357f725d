using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting.Security;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>The keys that protect the sign-in cookie are kept in the data folder, so a restart keeps browsers signed in.</summary>
public sealed class SignInAcrossRestartTests : IDisposable
{
    private readonly TempFolder _data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_from_before_a_restart_still_signs_the_browser_in()
    {
        string cookie;
        using (var before = OnSharedDataFolder())
        {
            using var browser = before.CreateSignedOutClient();
            using var signedIn = await SignInTests.SubmitSignInAsync(browser, "/signin", ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleSecurity.CookieName, StringComparison.Ordinal)).Split(';')[0];
        }
        Assert.NotEmpty(Directory.GetFiles(_data.Combine(ConsoleSecurity.KeysFolder), "*.xml"));

        using var after = OnSharedDataFolder();
        using var restarted = after.CreateSignedOutClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/delivery") { Headers = { { "Cookie", cookie } } };
        using var page = await restarted.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("<h1[^>]*>Delivery</h1>", await page.Content.ReadAsStringAsync(Cancel));
    }

    // Two consoles, one after the other, on the same data folder: a restart.
    private ConsoleFactory OnSharedDataFolder() => new(new Dictionary<string, string?> { ["Console:DataFolder"] = _data.Path });

    public void Dispose() => _data.Dispose();
}

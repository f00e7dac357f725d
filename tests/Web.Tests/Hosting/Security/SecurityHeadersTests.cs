using System.Text.RegularExpressions;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting.Security;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>Every response carries the hardening headers and a Content-Security-Policy with no other origin in it.</summary>
public partial class SecurityHeadersTests : ServedConsoleTest
{
    [Theory]
    [InlineData("GET", "/delivery")]
    [InlineData("GET", "/signin")]
    [InlineData("POST", "/api/ListTable")]
    [InlineData("GET", "/app.css")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/no/such/page")]
    public async Task Every_response_has_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        using var response = await App.CreateClient().SendAsync(request, Cancel);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_fingerprinted_framework_asset_has_them_too()
    {
        var html = await App.CreateClient().GetStringAsync("/", Cancel);
        var script = Regex.Match(html, "src=\"(_framework/blazor\\.web\\.[^\"]+)\"").Groups[1].Value;

        using var response = await App.CreateSignedOutClient().GetAsync(script, Cancel);

        Assert.True(response.IsSuccessStatusCode, $"{script}: {response.StatusCode}");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_policy_allows_the_page_import_map_by_its_hash_and_no_other_inline_script()
    {
        using var response = await App.CreateClient().GetAsync("/delivery", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        var inlineScripts = InlineScript().Matches(html).Select(m => m.Groups["content"].Value).ToList();
        var importMap = Assert.Single(inlineScripts);
        Assert.Contains(SecurityHeaders.HashSource(importMap), Policy(response));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Policy(response);
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
                     "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
                 })
            Assert.Contains(directive, policy);
        Assert.Matches("script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;", policy);
        Assert.DoesNotContain("http", policy);
        Assert.DoesNotContain("*", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues : []);

    // Scripts with content and no src: the ones a CSP must allow by hash.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<content>[\\s\\S]*?)</script>")]
    private static partial Regex InlineScript();
}

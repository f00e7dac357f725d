using System.Net;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

/// <summary>What the server sends before the browser runs anything: prerendered pages and every asset they name.</summary>
public class PagesTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _http = _console.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/tables", "Tables")]
    [InlineData("/delivery", "Delivery")]
    [InlineData("/buckets", "Buckets")]
    public async Task Each_section_renders_inside_the_shell(string path, string heading)
    {
        var html = await _http.GetStringAsync(path, Cancel);

        Assert.Matches($"<h1[^>]*>{heading}</h1>", html);
        Assert.Contains($"<title>{heading} · console</title>", html);
        Assert.Contains("data-testid=\"instance-name\"", html);
    }

    [Fact]
    public async Task The_overview_shows_the_catalog_and_each_endpoint_with_its_state()
    {
        var html = await _http.GetStringAsync("/", Cancel);

        Assert.Contains("up to date", html);
        Assert.Matches("oss-cn-hangzhou.aliyuncs.com</td>\\s*<td>local</td>", html);
        Assert.Contains("Reachable", html);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page_inside_the_shell()
    {
        using var response = await _http.GetAsync("/no/such/page", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task The_shell_its_assets_and_the_top_level_wwwroot_are_served() =>
        await ServedConsole.AssertServesShellAndAssetsAsync(_http, Cancel);

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

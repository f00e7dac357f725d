using System.Text.RegularExpressions;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

/// <summary>
/// The checks that prove a running console serves itself completely and offline: the prerendered shell, every
/// stylesheet, script and image it names (MudBlazor's among them) from its own origin, and the repository's top-level
/// wwwroot byte for byte. Used on the in-process host, on `dotnet run` and on the published app.
/// </summary>
public static partial class ServedConsole
{
    public static readonly string[] TopLevelFiles = ["app.css", "console.js", "favicon.svg", "logo.svg"];

    public static async Task AssertServesShellAndAssetsAsync(HttpClient http, CancellationToken cancel)
    {
        var html = await http.GetStringAsync("/", cancel);
        Assert.Matches("<h1[^>]*>Overview</h1>", html);

        var urls = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(urls, u => u.StartsWith("_content/MudBlazor/MudBlazor.min.") && u.EndsWith(".css"));
        Assert.Contains(urls, u => u.StartsWith("_content/MudBlazor/MudBlazor.min.") && u.EndsWith(".js"));
        Assert.Contains(urls, u => u.StartsWith("_framework/blazor.web."));
        Assert.DoesNotContain(urls, u => u.StartsWith("http:") || u.StartsWith("https:") || u.StartsWith("//"));
        foreach (var url in urls)
        {
            using var response = await http.GetAsync(url, cancel);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(cancel));
        }

        foreach (var file in TopLevelFiles)
        {
            Assert.Contains(file, urls);
            var served = await http.GetByteArrayAsync(file, cancel);
            Assert.Equal(await File.ReadAllBytesAsync(RepositoryRoot.Combine("wwwroot", file), cancel), served);
        }
    }

    [GeneratedRegex("""<(?:link[^>]*href|script[^>]*src|img[^>]*src)="(?<url>[^"]+)""")]
    private static partial Regex AssetReference();
}

using DeliveryConsole.Catalog;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

public class HealthzTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_the_embedded_defaults_the_catalog_and_the_local_endpoint_are_healthy()
    {
        await using var console = new ConsoleFactory();

        var (status, body) = await GetHealthAsync(console);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("console", body.GetProperty("instance").GetString());
        var catalog = body.GetProperty("catalog");
        Assert.True(catalog.GetProperty("ok").GetBoolean());
        var newest = typeof(CatalogDb).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
                .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().SingleOrDefault()?.Id)
            .Where(id => id is not null).Max(StringComparer.Ordinal);
        Assert.Equal(newest, catalog.GetProperty("schemaVersion").GetString());
        var endpoint = Assert.Single(body.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("oss-cn-hangzhou.aliyuncs.com", endpoint.GetProperty("name").GetString());
        Assert.Equal("local", endpoint.GetProperty("kind").GetString());
        Assert.True(endpoint.GetProperty("reachable").GetBoolean());
        Assert.True(File.Exists(console.Data.Combine("catalog.db")));
        Assert.True(Directory.Exists(console.Data.Combine("buckets", "oss-cn-hangzhou.aliyuncs.com")));
    }

    [Fact]
    public async Task An_s3_endpoint_on_the_test_server_is_reachable_and_its_secret_never_shown()
    {
        var (url, key, secret) = Requires.S3Server();
        await using var console = new ConsoleFactory(S3Endpoint("swift", url, key, secret));

        var (status, body) = await GetHealthAsync(console);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(Endpoint(body, "swift").GetProperty("reachable").GetBoolean());
        Assert.DoesNotContain(secret, body.GetRawText());
    }

    [Fact]
    public async Task An_unreachable_endpoint_makes_the_console_degraded_but_still_200()
    {
        await using var console = new ConsoleFactory(S3Endpoint("down", $"http://127.0.0.1:{Ports.Closed()}", "k", "s3cr3t-value"));

        var (status, body) = await GetHealthAsync(console);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var down = Endpoint(body, "down");
        Assert.False(down.GetProperty("reachable").GetBoolean());
        Assert.StartsWith("endpoint unreachable:", down.GetProperty("detail").GetString());
        Assert.DoesNotContain("s3cr3t-value", body.GetRawText());
    }

    private static async Task<(HttpStatusCode, JsonElement)> GetHealthAsync(ConsoleFactory console)
    {
        using var response = await console.CreateClient().GetAsync("/healthz", Cancel);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    private static JsonElement Endpoint(JsonElement body, string name) =>
        body.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static Dictionary<string, string?> S3Endpoint(string name, string url, string key, string secret) => new()
    {
        [$"Console:Endpoints:{name}:Kind"] = "s3",
        [$"Console:Endpoints:{name}:Url"] = url,
        [$"Console:Endpoints:{name}:AccessKey"] = key,
        [$"Console:Endpoints:{name}:Secret"] = secret,
    };
}

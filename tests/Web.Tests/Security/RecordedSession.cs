using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DeliveryConsole.Web.Tests.Security;

/// <summary>
/// Calls the JSON API and GETs pages through one client, keeping every answer's status line, headers and body for
/// the scan. The client comes from the console's factory, so whatever credentials the factory gives its clients
/// are used here too.
/// </summary>
public sealed class RecordedSession(HttpClient http)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public List<(string Request, string Response)> Answers { get; } = [];

    public List<(string Path, string Html)> Pages { get; } = [];

    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string operation, string json)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);
        var text = await RecordAsync($"POST /api/{operation} {json}", response);
        return (response.StatusCode, TryParse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string operation, JsonNode body) => CallAsync(operation, body.ToJsonString());

    /// <summary>Calls and asserts success.</summary>
    public async Task<JsonNode> OkAsync(string operation, string json)
    {
        var (status, body) = await CallAsync(operation, json);
        Assert.True(status == HttpStatusCode.OK, $"{operation}: {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    public Task<JsonNode> OkAsync(string operation, JsonNode body) => OkAsync(operation, body.ToJsonString());

    /// <summary>Calls and asserts an error answer with the envelope every error has.</summary>
    public async Task<JsonNode> FailsAsync(string operation, string json)
    {
        var (status, body) = await CallAsync(operation, json);
        Assert.True(status != HttpStatusCode.OK, $"{operation} {json} was expected to fail but answered {body?.ToJsonString()}");
        Assert.NotNull(body?["code"]);
        return body!;
    }

    /// <summary>
    /// GETs a page and keeps its HTML. A page that ends on another address (a sign-in page) would be scanned in
    /// place of the page asked for, so that fails with where it went.
    /// </summary>
    public async Task<string> PageAsync(string path, HttpStatusCode? expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(path, Cancel);
        var html = await RecordAsync($"GET {path}", response);
        var landed = response.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(landed == path, $"GET {path} ended at {landed}: the page itself was not rendered, so it cannot be scanned (sign in first)");
        Assert.True(expected is null || response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        Pages.Add((path, html));
        return html;
    }

    private async Task<string> RecordAsync(string request, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        Answers.Add((request, $"{(int)response.StatusCode} {response.ReasonPhrase}\n{headers}\n\n{text}"));
        return text;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

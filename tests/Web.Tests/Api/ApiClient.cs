using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Tests.Api;

/// <summary>Calls <c>POST /api/&lt;Operation&gt;</c> with raw JSON, as a script would, and checks the envelope of every answer.</summary>
public sealed class ApiClient(HttpClient http)
{
    public async Task<ApiResponse> CallAsync(string operation, string json)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var requestId = Assert.Single(response.Headers.GetValues(ServiceErrors.RequestIdHeader));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Equal(requestId, (string?)body["requestId"]);
        return new ApiResponse(response.StatusCode, body, text);
    }

    public Task<ApiResponse> CallAsync(string operation, object body) => CallAsync(operation, JsonSerializer.Serialize(body));

    /// <summary>Calls and asserts success.</summary>
    public async Task<JsonNode> OkAsync(string operation, object body)
    {
        var response = await (body is string json ? CallAsync(operation, json) : CallAsync(operation, body));
        Assert.True(response.Status == HttpStatusCode.OK, $"{operation}: {(int)response.Status} {response.Text}");
        return response.Body;
    }
}

public sealed record ApiResponse(HttpStatusCode Status, JsonNode Body, string Text)
{
    public string? Code => (string?)Body["code"];
    public string? Message => (string?)Body["message"];
}

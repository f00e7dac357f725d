using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Tests.Api;
using DeliveryConsole.Web.Errors;
using DeliveryConsole.Web.BucketBrowsing;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>The JSON API and the download endpoint take the instance key as HTTP Basic; /healthz and the API document need none.</summary>
public class ApiKeyTests : ServedConsoleTest
{
    public static TheoryData<string, string> OneOperationOfEachFamily => new()
    {
        { "ListTable", "{}" },
        { "ListEndpoints", "{}" },
        { "ListDeliveryTask", """{"tableName": "orders"}""" },
    };

    [Theory]
    [MemberData(nameof(OneOperationOfEachFamily))]
    public async Task An_operation_without_the_key_is_a_401_envelope(string operation, string body)
    {
        using var http = App.CreateSignedOutClient();

        using var response = await PostAsync(http, operation, body);

        await AssertAuthFailedAsync(response);
    }

    [Theory]
    [MemberData(nameof(OneOperationOfEachFamily))]
    public async Task An_operation_with_a_wrong_key_is_a_401_envelope(string operation, string body)
    {
        using var wrongSecret = App.CreateSignedOutClient();
        wrongSecret.DefaultRequestHeaders.Authorization = ConsoleFactory.Basic(ConsoleFactory.DefaultKeyId, "not-the-secret-at-all");
        using var wrongId = App.CreateSignedOutClient();
        wrongId.DefaultRequestHeaders.Authorization = ConsoleFactory.Basic("LTAIsomebodyElse", ConsoleFactory.DefaultKeySecret);
        using var notBase64 = App.CreateSignedOutClient();
        notBase64.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "%%%not base64%%%");
        using var bearer = App.CreateSignedOutClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token");

        foreach (var http in new[] { wrongSecret, wrongId, notBase64, bearer })
        {
            using var response = await PostAsync(http, operation, body);
            await AssertAuthFailedAsync(response);
        }
    }

    [Theory]
    [MemberData(nameof(OneOperationOfEachFamily))]
    public async Task An_operation_with_the_key_answers(string operation, string body)
    {
        var api = new ApiClient(App.CreateClient());
        await api.OkAsync("CreateTable", new { tableName = "orders", primaryKey = new[] { new { name = "id", type = "INTEGER" } } });

        var response = await api.CallAsync(operation, body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task A_configured_key_replaces_the_well_known_one()
    {
        await using var console = new ConsoleFactory(new Dictionary<string, string?>
        {
            ["Console:AccessKeyId"] = "LTAIconfiguredKey1",
            ["Console:AccessKeySecret"] = "configured-secret-of-this-instance",
        });
        using var wellKnown = console.CreateSignedOutClient();
        wellKnown.DefaultRequestHeaders.Authorization = ConsoleFactory.DefaultKey;

        using (var refused = await PostAsync(wellKnown, "ListTable", "{}"))
            await AssertAuthFailedAsync(refused);
        Assert.Equal(HttpStatusCode.OK, (await new ApiClient(console.CreateClient()).CallAsync("ListTable", "{}")).Status);
    }

    [Fact]
    public async Task A_download_needs_the_key_too()
    {
        await new ApiClient(App.CreateClient()).OkAsync("CreateBucket", new { endpoint = ConsoleOptions.DefaultEndpoint, bucket = "keyed" });
        var url = ObjectDownload.Url(ConsoleOptions.DefaultEndpoint, "keyed", "nothing-here");
        using var signedOut = App.CreateSignedOutClient();

        using var refused = await signedOut.GetAsync(url, Cancel);
        await AssertAuthFailedAsync(refused);

        using var keyed = await App.CreateClient().GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, keyed.StatusCode);
    }

    [Fact]
    public async Task Healthz_and_the_api_document_need_no_key_and_the_document_describes_basic()
    {
        using var http = App.CreateSignedOutClient();

        using var health = await http.GetAsync("/healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Cancel))!;
        var scheme = document["components"]!["securitySchemes"]!["instanceAccessKey"]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("basic", (string?)scheme["scheme"]);
        Assert.NotNull(document["security"]![0]!["instanceAccessKey"]);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string operation, string body) =>
        http.PostAsync($"/api/{operation}", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

    /// <summary>401, the API's error envelope with the request id of the header, and the Basic challenge.</summary>
    internal static async Task AssertAuthFailedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter);
        var requestId = Assert.Single(response.Headers.GetValues(ServiceErrors.RequestIdHeader));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("OTSAuthFailed", (string?)body["code"]);
        Assert.Equal(requestId, (string?)body["requestId"]);
        Assert.Contains("HTTP Basic", (string?)body["message"]);
        Assert.DoesNotContain(ConsoleFactory.DefaultKeySecret, body.ToJsonString());
    }
}

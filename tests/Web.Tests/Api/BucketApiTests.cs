using System.Net;
using System.Text;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Api;

public class BucketApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_local_endpoint_creates_lists_and_pages_through_a_bucket()
    {
        await using var console = new ConsoleFactory();
        var api = new ApiClient(console.CreateClient());

        var endpoints = await api.OkAsync("ListEndpoints", "{}");
        Assert.Equal("""{"endpoints":[{"name":"oss-cn-hangzhou.aliyuncs.com","kind":"local"}]}""", endpoints.ToJsonString());

        var created = await api.OkAsync("CreateBucket", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "lake"}""");
        Assert.Equal("""{"created":true}""", created.ToJsonString());
        // Again (endpoint names ignore case): still 200, as OSS answers for a bucket the caller owns, but not created.
        var again = await api.OkAsync("CreateBucket", """{"endpoint": "OSS-CN-HANGZHOU.aliyuncs.com", "bucket": "lake"}""");
        Assert.Equal("""{"created":false}""", again.ToJsonString());
        var buckets = await api.OkAsync("ListBuckets", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com"}""");
        Assert.Equal("""{"buckets":["lake"]}""", buckets.ToJsonString());

        var endpoint = console.Services.GetRequiredService<BucketEndpoints>().Find("oss-cn-hangzhou.aliyuncs.com")!;
        foreach (var key in new[] { "lake/2026/11/24/t_0__2", "lake/2026/11/24/t_0__1", "other/x" })
            await endpoint.PutObjectAsync("lake", key, new MemoryStream(Encoding.UTF8.GetBytes(key)), Cancel);

        var first = await api.OkAsync("ListObjects", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "lake", "prefix": "lake/", "maxKeys": 1}""");
        Assert.Equal("lake/2026/11/24/t_0__1", (string?)first["objects"]![0]!["key"]);
        Assert.Equal(22, (long)first["objects"]![0]!["size"]!);
        var token = (string?)first["nextContinuationToken"];
        Assert.NotNull(token);
        var second = await api.OkAsync("ListObjects", $$"""{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "lake", "prefix": "lake/", "continuationToken": "{{token}}"}""");
        Assert.Equal(["lake/2026/11/24/t_0__2"], second["objects"]!.AsArray().Select(o => (string?)o!["key"]));
        Assert.Null(second["nextContinuationToken"]);
    }

    [Theory]
    [InlineData("CreateBucket", """{"endpoint": "nowhere", "bucket": "lake"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "configured: oss-cn-hangzhou.aliyuncs.com")]
    [InlineData("CreateBucket", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "Bad_Name"}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "Bad_Name")]
    [InlineData("ListObjects", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "missing"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "bucket 'missing' does not exist")]
    [InlineData("ListObjects", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "lake", "maxKeys": 0}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "")]
    [InlineData("ListBuckets", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "secret": "x"}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "unknown field 'secret'")]
    public async Task Bad_requests_get_the_right_code_and_a_message(string operation, string body, HttpStatusCode status, string code, string expected)
    {
        await using var console = new ConsoleFactory();
        var api = new ApiClient(console.CreateClient());
        await api.OkAsync("CreateBucket", """{"endpoint": "oss-cn-hangzhou.aliyuncs.com", "bucket": "lake"}""");

        var response = await api.CallAsync(operation, body);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Code);
        Assert.Contains(expected, response.Message);
        Assert.DoesNotContain("(Parameter '", response.Message);
    }

    [Fact]
    public async Task An_s3_endpoint_works_through_the_same_operations_and_never_shows_its_secret()
    {
        var (url, key, secret) = Requires.S3Server();
        await using var console = new ConsoleFactory(new Dictionary<string, string?>
        {
            ["Console:Endpoints:swift:Kind"] = "s3", ["Console:Endpoints:swift:Url"] = url,
            ["Console:Endpoints:swift:AccessKey"] = key, ["Console:Endpoints:swift:Secret"] = secret,
            ["Console:Endpoints:down:Kind"] = "s3", ["Console:Endpoints:down:Url"] = $"http://127.0.0.1:{Ports.Closed()}",
            ["Console:Endpoints:down:AccessKey"] = "k", ["Console:Endpoints:down:Secret"] = "s",
        });
        var api = new ApiClient(console.CreateClient());
        var bucket = $"api-{Guid.NewGuid():N}"[..24];

        var endpoints = await api.OkAsync("ListEndpoints", "{}");
        await api.OkAsync("CreateBucket", $$"""{"endpoint": "swift", "bucket": "{{bucket}}"}""");
        var buckets = await api.OkAsync("ListBuckets", """{"endpoint": "swift"}""");
        var down = await api.CallAsync("ListBuckets", """{"endpoint": "down"}""");

        Assert.Equal("""{"endpoints":[{"name":"down","kind":"s3"},{"name":"swift","kind":"s3"}]}""", endpoints.ToJsonString());
        Assert.Contains(bucket, buckets["buckets"]!.AsArray().Select(b => (string?)b));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("OTSServerUnavailable", down.Code);
        Assert.StartsWith("endpoint unreachable:", down.Message);
        Assert.DoesNotContain(secret, endpoints.ToJsonString() + buckets.ToJsonString() + down.Text);
    }
}

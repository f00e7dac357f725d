using System.Net;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Api;

/// <summary><c>GET /download/{endpoint}/{bucket}?key=</c> through the whole app: exact bytes, clean refusals.</summary>
public class ObjectDownloadTests : IAsyncLifetime
{
    private const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";
    private readonly ConsoleFactory _console = new();
    private HttpClient _http = null!;
    private IBucketEndpoint _endpoint = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _http = _console.CreateClient();
        _endpoint = _console.Services.GetRequiredService<BucketEndpoints>().Find(Endpoint)!;
        await _endpoint.CreateBucketAsync("lake", Cancel);
        await _endpoint.CreateBucketAsync("other", Cancel);
        await _endpoint.PutObjectAsync("other", "secret", new MemoryStream("classified"u8.ToArray()), Cancel);
    }

    [Fact]
    public async Task An_object_downloads_as_an_attachment_with_its_exact_bytes_and_length()
    {
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        await _endpoint.PutObjectAsync("lake", "p/2026/t_0_p__1", new MemoryStream(content), Cancel);

        using var response = await _http.GetAsync($"/download/{Endpoint}/lake?key=p%2F2026%2Ft_0_p__1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("t_0_p__1", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_with_spaces_and_unicode_round_trips()
    {
        await _endpoint.PutObjectAsync("lake", "dir/ré sumé.txt", new MemoryStream("hi"u8.ToArray()), Cancel);

        using var response = await _http.GetAsync($"/download/{Endpoint}/lake?key={Uri.EscapeDataString("dir/ré sumé.txt")}", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("ré sumé.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("/download/nowhere/lake?key=a", HttpStatusCode.NotFound, "Endpoint 'nowhere' is not configured on this instance; configured: oss-cn-hangzhou.aliyuncs.com.")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/missing?key=a", HttpStatusCode.NotFound, "bucket 'missing' does not exist on endpoint 'oss-cn-hangzhou.aliyuncs.com'.")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake?key=no%2Fsuch", HttpStatusCode.NotFound, "object 'no/such' does not exist in bucket 'lake'.")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake", HttpStatusCode.BadRequest, "The query parameter 'key' is required")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/Bad_Name?key=a", HttpStatusCode.BadRequest, "Invalid bucket name 'Bad_Name'")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake?key=..%2Fother%2Fsecret", HttpStatusCode.BadRequest, "Invalid object key '../other/secret': it has a '.' or '..' segment.")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake?key=%2Fetc%2Fpasswd", HttpStatusCode.BadRequest, "Invalid object key '/etc/passwd': it is an absolute path.")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake?key=a%5C..%5C..%5Cother%5Csecret", HttpStatusCode.BadRequest, "it contains a backslash")]
    [InlineData("/download/oss-cn-hangzhou.aliyuncs.com/lake?key=p%2F", HttpStatusCode.BadRequest, "empty segment")]
    public async Task Bad_addresses_get_a_clear_text_and_never_another_buckets_bytes(string url, HttpStatusCode status, string expected)
    {
        using var response = await _http.GetAsync(url, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, text);
        Assert.DoesNotContain("classified", text);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

using System.Security.Cryptography;
using Amazon.S3.Model;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

/// <summary>Against the real S3-compatible server the test command starts (OpenStack Swift's S3 API).</summary>
public class S3EndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_client_creates_a_bucket_and_puts_and_gets_an_object()
    {
        var options = ServerOptions();
        using var client = S3Endpoint.CreateClient(options);
        var bucket = $"test-{Guid.NewGuid():N}"[..20];
        var body = RandomNumberGenerator.GetBytes(256 * 1024);

        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, Cancel);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "lake/2026/11/24/t1_0_lake_2026_11_24__1",
            InputStream = new MemoryStream(body), UseChunkEncoding = false,
        }, Cancel);
        using var got = await client.GetObjectAsync(bucket, "lake/2026/11/24/t1_0_lake_2026_11_24__1", Cancel);
        using var read = new MemoryStream();
        await got.ResponseStream.CopyToAsync(read, Cancel);

        Assert.Equal(body, read.ToArray());
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "lake/" }, Cancel);
        Assert.Equal(body.Length, Assert.Single(listed.S3Objects).Size);

        await client.DeleteObjectAsync(bucket, "lake/2026/11/24/t1_0_lake_2026_11_24__1", Cancel);
        await client.DeleteBucketAsync(bucket, Cancel);
    }

    [Fact]
    public async Task A_running_server_is_reachable()
    {
        using var endpoint = new S3Endpoint("swift", ServerOptions());

        var health = await endpoint.CheckAsync(Cancel);

        Assert.True(health.Reachable, health.Detail);
    }

    [Fact]
    public async Task A_wrong_secret_is_reported_as_rejected()
    {
        var options = ServerOptions();
        options.Secret = "wrong";
        using var endpoint = new S3Endpoint("swift", options);

        var health = await endpoint.CheckAsync(Cancel);

        Assert.False(health.Reachable);
        Assert.Contains("rejected the access key", health.Detail);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_and_says_so()
    {
        using var endpoint = new S3Endpoint("nowhere", new EndpointOptions
        {
            Kind = "s3", Url = $"http://127.0.0.1:{Ports.Closed()}", AccessKey = "k", Secret = "s",
        });

        var health = await endpoint.CheckAsync(Cancel);

        Assert.False(health.Reachable);
        Assert.StartsWith("endpoint unreachable: http://127.0.0.1:", health.Detail);
    }

    private static EndpointOptions ServerOptions()
    {
        var (url, key, secret) = Requires.S3Server();
        return new EndpointOptions { Kind = "s3", Url = url, AccessKey = key, Secret = secret };
    }
}

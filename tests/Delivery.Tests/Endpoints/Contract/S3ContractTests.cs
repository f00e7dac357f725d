using System.Security.Cryptography;
using Amazon.S3.Model;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

/// <summary>The contract against the real S3-compatible server (OpenStack Swift's s3api), plus what only S3 has.</summary>
public sealed class S3ContractTests : BucketEndpointContract
{
    protected override IBucketEndpoint CreateEndpoint() => new S3Endpoint("swift", ServerOptions());

    /// <summary>Empties and removes the test's buckets, one object at a time as Swift needs.</summary>
    protected override async Task CleanUpAsync(IBucketEndpoint endpoint, IReadOnlyList<string> buckets)
    {
        using var client = S3Endpoint.CreateClient(ServerOptions());
        foreach (var bucket in buckets)
        {
            foreach (var key in await ListKeysAsync(bucket))
                await endpoint.DeleteObjectAsync(bucket, key, CancellationToken.None);
            await client.DeleteBucketAsync(bucket, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_object_above_64_MiB_goes_up_in_parts_and_reads_back_identical()
    {
        var bucket = await NewBucketAsync();
        var body = RandomNumberGenerator.GetBytes(70 * 1024 * 1024);

        await PutAsync(bucket, "big/object.parquet", body);

        await using var read = await Endpoint.GetObjectAsync(bucket, "big/object.parquet", Cancel);
        Assert.Equal(SHA256.HashData(body), await SHA256.HashDataAsync(read, Cancel));
        using var client = S3Endpoint.CreateClient(ServerOptions());
        var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest
            { BucketName = bucket, Key = "big/object.parquet" }, Cancel);
        Assert.EndsWith("-5\"", head.ETag);
        Assert.Equal(body.Length, Assert.Single((await Endpoint.ListObjectsAsync(bucket, "big/", null, 10, Cancel)).Objects).Size);
    }

    [Fact]
    public async Task A_multipart_upload_whose_content_breaks_is_aborted_and_leaves_nothing()
    {
        var bucket = await NewBucketAsync();
        var content = new BreaksAfter(20 * 1024 * 1024, seekable: true, length: 70 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<IOException>(() => Endpoint.PutObjectAsync(bucket, "big", content, Cancel));

        Assert.Equal(BreaksAfter.Message, error.Message);
        Assert.Empty(await ListKeysAsync(bucket));
        using var client = S3Endpoint.CreateClient(ServerOptions());
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, Cancel);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task A_wrong_secret_is_access_denied_without_the_secret_in_the_message()
    {
        var bucket = await NewBucketAsync();
        var options = ServerOptions();
        options.Secret = "wrong-secret-value";
        using var endpoint = new S3Endpoint("swift", options);

        var error = await Assert.ThrowsAsync<BucketAccessDeniedException>(() => endpoint.ListBucketsAsync(Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() =>
            endpoint.PutObjectAsync(bucket, "k", new MemoryStream([1]), Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => endpoint.BucketExistsAsync(bucket, Cancel));

        Assert.DoesNotContain("wrong-secret-value", error.Message);
        Assert.Contains("rejected the access key", error.Message);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_for_every_operation()
    {
        using var endpoint = new S3Endpoint("nowhere", new EndpointOptions
        {
            Kind = "s3", Url = $"http://127.0.0.1:{Ports.Closed()}", AccessKey = "k", Secret = "s",
        });

        var error = await Assert.ThrowsAsync<EndpointUnreachableException>(() => endpoint.ListBucketsAsync(Cancel));
        await Assert.ThrowsAsync<EndpointUnreachableException>(() => endpoint.CreateBucketAsync("some-bucket", Cancel));
        await Assert.ThrowsAsync<EndpointUnreachableException>(() =>
            endpoint.PutObjectAsync("some-bucket", "k", new MemoryStream([1]), Cancel));

        Assert.StartsWith("endpoint unreachable: http://127.0.0.1:", error.Message);
    }

    private static EndpointOptions ServerOptions()
    {
        var (url, key, secret) = Requires.S3Server();
        return new EndpointOptions { Kind = "s3", Url = url, AccessKey = key, Secret = secret };
    }
}

using Amazon.S3;
using Amazon.S3.Model;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// A host's bucket seen from outside the engine, on any endpoint: its keys, its rows read back with DuckDB (objects
/// of an S3 endpoint are downloaded into a temp folder first), and removing it with everything in it.
/// </summary>
internal static class TestBuckets
{
    /// <summary>The S3 server the test command starts, as an endpoint (skips locally, fails in CI, when there is none).</summary>
    public static EndpointOptions S3Server()
    {
        var (url, key, secret) = Requires.S3Server();
        return EngineHost.S3(url, key, secret);
    }

    /// <summary>A bucket name no other test uses, for tests that share one S3 server.</summary>
    public static string NewName(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(purpose.Length + 17, 63)];

    /// <summary>The request with its objects going to <paramref name="bucket"/>.</summary>
    public static CreateDeliveryTaskRequest InBucket(this CreateDeliveryTaskRequest request, string bucket) =>
        request with { TaskConfig = request.TaskConfig with { OssBucket = bucket } };

    /// <summary>Every key in the host's bucket that starts with <paramref name="prefix"/>, in key order, listed through the endpoint.</summary>
    public static Task<List<string>> KeysAsync(EngineHost host, string prefix) => KeysAsync(host.BucketEndpoint, host.BucketName, prefix);

    public static async Task<List<string>> KeysAsync(IBucketEndpoint endpoint, string bucket, string? prefix)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await endpoint.ListObjectsAsync(bucket, prefix, token, 1000, CancellationToken.None);
            keys.AddRange(page.Objects.Select(o => o.Key));
            token = page.NextContinuationToken;
        }
        while (token is not null);
        return keys;
    }

    /// <summary>
    /// The rows of the objects under <paramref name="keyPrefix"/>, as <see cref="DeliveredRows.Read(EngineHost, string)"/>
    /// gives them; an S3 bucket's objects are downloaded through the endpoint first.
    /// </summary>
    public static async Task<List<string>> RowsAsync(EngineHost host, string keyPrefix)
    {
        if (host.EndpointOptions.IsLocal)
            return DeliveredRows.Read(host, keyPrefix);
        using var copy = new TempFolder();
        await DownloadAsync(host.BucketEndpoint, host.BucketName, keyPrefix, copy.Path);
        return DeliveredRows.Read(copy.Path, keyPrefix);
    }

    /// <summary>Copies every object under <paramref name="prefix"/> into <paramref name="folder"/>, one file per key.</summary>
    public static async Task DownloadAsync(IBucketEndpoint endpoint, string bucket, string prefix, string folder)
    {
        foreach (var key in await KeysAsync(endpoint, bucket, prefix))
        {
            var path = Path.Combine(folder, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var content = await endpoint.GetObjectAsync(bucket, key, CancellationToken.None);
            await using var file = File.Create(path);
            await content.CopyToAsync(file);
        }
    }

    /// <summary>Creates a bucket on an S3 endpoint with the given (right) credentials.</summary>
    public static async Task CreateS3Async(EndpointOptions server, string bucket)
    {
        using var endpoint = new S3Endpoint("setup", server);
        await endpoint.CreateBucketAsync(bucket, CancellationToken.None);
    }

    /// <summary>Removes the host's bucket and every object in it, as its owner would (the engine is not told).</summary>
    public static Task DeleteAsync(EngineHost host)
    {
        if (!host.EndpointOptions.IsLocal)
            return DeleteS3Async(host.EndpointOptions, host.BucketName);
        Directory.Delete(host.BucketFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes every object one at a time (Swift refuses the batch delete), then the bucket; a missing bucket is fine.
    /// A listing that still shows a deleted object makes the bucket delete fail as not empty: then it tries again.
    /// </summary>
    public static async Task DeleteS3Async(EndpointOptions server, string bucket)
    {
        using var client = S3Endpoint.CreateClient(server);
        string? last = null;
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                ListObjectsV2Response page;
                var request = new ListObjectsV2Request { BucketName = bucket };
                do
                {
                    page = await client.ListObjectsV2Async(request, CancellationToken.None);
                    foreach (var o in page.S3Objects ?? [])
                        await client.DeleteObjectAsync(bucket, o.Key, CancellationToken.None);
                    request.ContinuationToken = page.NextContinuationToken;
                }
                while (page.IsTruncated == true);
                await client.DeleteBucketAsync(bucket, CancellationToken.None);
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "BucketNotEmpty")
            {
                last = e.Message;
                return false;
            }
        }, deleted => deleted, _ => $"bucket {bucket} stays not empty: {last}");
    }

    /// <summary>
    /// Every key is <c>&lt;resolvedPrefix&gt;/&lt;taskName&gt;_0_&lt;prefixTag&gt;__&lt;sequenceId&gt;</c> (the spec's
    /// rule for one writer, no extension), and under each resolved prefix the sequence ids are 1..n: none reused or skipped.
    /// </summary>
    public static void AssertSpecKeys(string taskName, IReadOnlyList<string> keys)
    {
        Assert.NotEmpty(keys);
        foreach (var folder in keys.GroupBy(key => key[..key.LastIndexOf('/')]))
        {
            var stem = $"{folder.Key}/{taskName}_0_{folder.Key.Replace('/', '_')}__";
            Assert.All(folder, key => Assert.StartsWith(stem, key));
            var numbers = folder.Select(key => long.Parse(key[stem.Length..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        }
    }
}

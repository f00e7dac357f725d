using Amazon.S3;
using Amazon.S3.Model;
using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>One object as listed: its key and what changes when it is written again (size, time, tag).</summary>
public sealed record ListedObject(string Key, string Version);

/// <summary>
/// The bucket the console delivers into, read from the test process directly (never through the console, which is
/// killed over and over): a local endpoint's folder, or a bucket on the S3 server.
/// </summary>
public interface IKillBucket : IDisposable
{
    Task<IReadOnlyList<ListedObject>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The object's bytes; null when it is not there (any more).</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A bucket of the local endpoint: a folder with one file per key; temp files of uploads in progress are skipped.</summary>
public sealed class LocalKillBucket(string folder) : IKillBucket
{
    public string Folder { get; } = folder;

    public static bool IsTempName(string name) => name.StartsWith(".~put-", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal);

    public Task<IReadOnlyList<ListedObject>> ListAsync(CancellationToken cancellationToken)
    {
        var objects = new List<ListedObject>();
        if (Directory.Exists(Folder))
        {
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false }))
            {
                if (IsTempName(file.Name))
                    continue;
                try
                {
                    // A rename over the key makes a new file: its size or modification time (ns) differs.
                    var version = $"{file.Length}/{file.LastWriteTimeUtc.Ticks}";
                    objects.Add(new ListedObject(Path.GetRelativePath(Folder, file.FullName).Replace('\\', '/'), version));
                }
                catch (FileNotFoundException)
                {
                    // Listed and gone at once: only temp files do that, and they were skipped above.
                    objects.Add(new ListedObject(Path.GetRelativePath(Folder, file.FullName).Replace('\\', '/'), "vanished"));
                }
            }
        }
        return Task.FromResult<IReadOnlyList<ListedObject>>(objects);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(Path.Combine(Folder, key), cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>A bucket on the S3 server, with the same client settings the console's S3 endpoint uses.</summary>
public sealed class S3KillBucket(EndpointOptions options, string bucket) : IKillBucket
{
    private readonly AmazonS3Client _client = S3Endpoint.CreateClient(options);

    public string Bucket { get; } = bucket;

    public async Task<IReadOnlyList<ListedObject>> ListAsync(CancellationToken cancellationToken)
    {
        var objects = new List<ListedObject>();
        string? token = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, ContinuationToken = token }, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
                objects.Add(new ListedObject(o.Key, $"{o.Size}/{o.ETag}/{o.LastModified?.Ticks}"));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return objects;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetObjectAsync(Bucket, key, cancellationToken);
            using var memory = new MemoryStream();
            await response.ResponseStream.CopyToAsync(memory, cancellationToken);
            return memory.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Removes every object and the bucket (best effort: the server is a throwaway one).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var o in await ListAsync(cancellationToken))
            await _client.DeleteObjectAsync(Bucket, o.Key, cancellationToken);
        await _client.DeleteBucketAsync(Bucket, cancellationToken);
    }

    public void Dispose() => _client.Dispose();
}

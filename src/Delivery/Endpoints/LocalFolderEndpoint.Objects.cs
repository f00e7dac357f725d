using System.Buffers.Text;
using System.Text;

namespace DeliveryConsole.Delivery.Endpoints;

public sealed partial class LocalFolderEndpoint
{
    /// <summary>
    /// Writes a temp file in <see cref="UploadFolder"/>, flushes it to disk, then renames it over the object: the
    /// temp never sits in a bucket, so nothing that reads a bucket's folder (a glob, Hive, DuckDB) can take it for an object.
    /// </summary>
    public Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var path = _paths.Object(bucket, key, createFolders: true);
            if (Directory.Exists(path))
                throw new BucketEndpointException($"key '{key}' is a folder of other objects in bucket '{bucket}': " +
                    "a local endpoint cannot hold both");
            var tempName = BucketKeys.NewTempName();
            _uploading[tempName] = 0; // before the file exists, so the cleanup never sees it unclaimed
            var temp = Path.Combine(Directory.CreateDirectory(UploadFolder).FullName, tempName);
            try
            {
                await using (var file = new FileStream(temp, new FileStreamOptions
                    { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous }))
                {
                    await ContentCopy.CopyAsync(content, file, cancellationToken);
                    await file.FlushAsync(cancellationToken);
                    file.Flush(flushToDisk: true);
                }
                File.Move(temp, path, overwrite: true);
                return true;
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
            finally
            {
                _uploading.TryRemove(tempName, out _);
            }
        }, cancellationToken);

    public Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken) => Run<Stream>(() =>
    {
        var path = _paths.Object(bucket, key, createFolders: false);
        try
        {
            if (Directory.Exists(path))
                throw new FileNotFoundException();
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BucketObjectNotFoundException(bucket, key, e);
        }
    }, cancellationToken);

    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken) => Run(() =>
    {
        var path = _paths.Object(bucket, key, createFolders: false);
        if (File.Exists(path))
            File.Delete(path);
        return true;
    }, cancellationToken);

    /// <summary>
    /// Walks the bucket's folders (never through a link, never showing temp files); the continuation token is the
    /// last key returned, encoded, so a listing stays correct while objects come and go.
    /// </summary>
    public Task<ObjectPage> ListObjectsAsync(string bucket, string? prefix, string? continuationToken, int maxKeys,
        CancellationToken cancellationToken) => Run(() =>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxKeys, 1000);
        prefix ??= "";
        var after = continuationToken is null ? null : DecodeToken(continuationToken);
        var bucketPath = _paths.Bucket(bucket);
        if (_paths.ListingStart(bucketPath, prefix) is not var (folder, keyPrefix))
            return new ObjectPage([], null);
        var matches = Walk(new DirectoryInfo(folder), keyPrefix, cancellationToken)
            .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)
                && (after is null || BucketKeys.Order.Compare(o.Key, after) > 0))
            .Order(Comparer<BucketObject>.Create((a, b) => BucketKeys.Order.Compare(a.Key, b.Key)))
            .Take(maxKeys + 1).ToList();
        return matches.Count > maxKeys
            ? new ObjectPage(matches[..maxKeys], EncodeToken(matches[maxKeys - 1].Key))
            : new ObjectPage(matches, null);
    }, cancellationToken);

    private static IEnumerable<BucketObject> Walk(DirectoryInfo folder, string keyPrefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in folder.EnumerateFileSystemInfos("*", Everything))
        {
            var key = keyPrefix + entry.Name;
            if (entry.LinkTarget is not null || BucketKeys.PortableProblem(key) is not null)
                continue;
            if (entry is DirectoryInfo sub)
                foreach (var found in Walk(sub, key + "/", cancellationToken))
                    yield return found;
            else if (entry is FileInfo file)
                yield return new BucketObject(key, file.Length, file.LastWriteTimeUtc);
        }
    }

    private static string EncodeToken(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Invalid continuation token '{token}'.", nameof(token), e);
        }
    }
}

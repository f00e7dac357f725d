namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// Maps bucket names and object keys to paths below a local endpoint's folder and refuses anything that could
/// reach outside it: keys that break <see cref="BucketKeys.PortableProblem"/> (<c>.</c>/<c>..</c> and empty
/// segments, absolute paths, backslashes, control characters), and symbolic links anywhere at or below a bucket
/// folder (a link could point anywhere; we never follow one).
/// </summary>
internal sealed class LocalPaths(string endpoint, string folder)
{
    /// <summary>The folder of an existing bucket that is no link.</summary>
    public string Bucket(string bucket)
    {
        var info = new DirectoryInfo(Path.Combine(folder, BucketNameChecked(bucket)));
        RefuseLink(info, "bucket folder");
        return info.Exists ? info.FullName : throw new BucketNotFoundException(endpoint, bucket);
    }

    /// <summary>
    /// The file of an object. Every existing folder on the way is checked not to be a link; with
    /// <paramref name="createFolders"/> the missing ones are created.
    /// </summary>
    public string Object(string bucket, string key, bool createFolders)
    {
        if (BucketKeys.PortableProblem(key) is { } why)
            throw BucketKeys.Invalid(key, why);
        var bucketPath = Bucket(bucket);
        var full = Path.GetFullPath(Path.Combine(bucketPath, key));
        if (!full.StartsWith(bucketPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw BucketKeys.Invalid(key, "it leads outside its bucket");
        var segments = key.Split('/');
        var current = bucketPath;
        foreach (var segment in segments[..^1])
        {
            var info = new DirectoryInfo(current = Path.Combine(current, segment));
            RefuseLink(info, "folder");
            if (info.Exists)
                continue;
            if (!createFolders)
                return full;
            if (File.Exists(current))
                throw new BucketEndpointException($"key '{key}' needs '{Path.GetRelativePath(bucketPath, current)}' " +
                    $"to be a folder, but it is an object in bucket '{bucket}': a local endpoint cannot hold both");
            info.Create();
        }
        RefuseLink(new FileInfo(full), "object");
        return full;
    }

    /// <summary>
    /// The deepest folder whose every key could start with <paramref name="prefix"/>, and that folder's key prefix;
    /// null when no valid key can start with it.
    /// </summary>
    public (string Folder, string KeyPrefix)? ListingStart(string bucketPath, string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        if (slash < 0)
            return (bucketPath, "");
        var folderKey = prefix[..slash];
        if (BucketKeys.PortableProblem(folderKey) is not null)
            return null;
        var current = bucketPath;
        foreach (var segment in folderKey.Split('/'))
        {
            var info = new DirectoryInfo(current = Path.Combine(current, segment));
            if (!info.Exists || info.LinkTarget is not null)
                return null;
        }
        return (current, folderKey + "/");
    }

    private static string BucketNameChecked(string bucket)
    {
        BucketNames.Validate(bucket);
        return bucket;
    }

    private void RefuseLink(FileSystemInfo info, string what)
    {
        if (info.LinkTarget is { } target)
            throw new BucketAccessDeniedException($"{what} '{info.FullName}' on endpoint '{endpoint}' is a symbolic " +
                $"link (to '{target}'); local endpoints refuse links, which could lead outside '{folder}'");
    }
}

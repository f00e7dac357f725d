using System.Collections.Concurrent;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// An endpoint whose buckets are sub-folders of one folder on this machine and whose objects are files below them
/// (key segments are folders). Writes go to a temp file outside every bucket (<see cref="UploadFolder"/>) that is
/// renamed over the object, so readers never see part of one. Nothing outside <see cref="Folder"/> is ever read or
/// written: see <see cref="LocalPaths"/>.
/// </summary>
public sealed partial class LocalFolderEndpoint : IBucketEndpoint
{
    private readonly LocalPaths _paths;

    /// <summary>Temp-file names of this endpoint's uploads under way: never a leftover, whenever the cleanup runs.</summary>
    private readonly ConcurrentDictionary<string, byte> _uploading = new(StringComparer.Ordinal);

    public LocalFolderEndpoint(string name, string folder)
    {
        Name = name;
        Folder = Path.GetFullPath(folder);
        _paths = new LocalPaths(name, Folder);
    }

    public string Name { get; }

    public string Kind => EndpointOptions.LocalKind;

    public string Folder { get; }

    /// <summary>
    /// Where uploads are written before they are renamed into their bucket: a folder of <see cref="Folder"/> (so on
    /// the same file system, where a rename is atomic) whose name is no bucket name.
    /// </summary>
    public string UploadFolder => Path.Combine(Folder, ".tmp");

    /// <summary>
    /// Removes the temp files of uploads a killed process left behind, named as this endpoint names them: in
    /// <see cref="UploadFolder"/>, and at any depth of every bucket (where earlier versions wrote them). Uploads of
    /// this endpoint under way are kept, so it is safe while other callers upload; returns how many were removed.
    /// </summary>
    public int RemoveUploadLeftovers()
    {
        var leftovers = new List<FileInfo>();
        foreach (var folder in new[] { UploadFolder }.Concat(BucketFolders()))
            CollectTemps(new DirectoryInfo(folder), leftovers);
        var removed = 0;
        foreach (var file in leftovers.Where(f => !_uploading.ContainsKey(f.Name)))
        {
            file.Delete();
            removed++;
        }
        return removed;
    }

    private IEnumerable<string> BucketFolders() => Directory.Exists(Folder)
        ? new DirectoryInfo(Folder).EnumerateDirectories("*", Everything)
            .Where(d => d.LinkTarget is null && BucketNames.IsValid(d.Name)).Select(d => d.FullName)
        : [];

    /// <summary>Temp files below <paramref name="folder"/>, never through a link.</summary>
    private static void CollectTemps(DirectoryInfo folder, List<FileInfo> temps)
    {
        if (!folder.Exists || folder.LinkTarget is not null)
            return;
        foreach (var entry in folder.EnumerateFileSystemInfos("*", Everything))
        {
            if (entry is DirectoryInfo sub)
                CollectTemps(sub, temps);
            else if (entry is FileInfo { LinkTarget: null } file && BucketKeys.IsTempName(file.Name))
                temps.Add(file);
        }
    }

    public Task<EndpointHealth> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WritableError(Folder) is { } error
            ? new EndpointHealth(false, $"folder {Folder} is not writable: {error}")
            : new EndpointHealth(true, $"folder {Folder} is writable"));

    /// <summary>
    /// Null when <paramref name="folder"/> exists or can be created and a file can be written and removed in it,
    /// else why not.
    /// </summary>
    public static string? WritableError(string folder)
    {
        try
        {
            var path = Path.GetFullPath(folder);
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }

    public Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken) => Run(() =>
    {
        BucketNames.Validate(bucket);
        try
        {
            _paths.Bucket(bucket);
            return false;
        }
        catch (BucketNotFoundException)
        {
            Directory.CreateDirectory(Path.Combine(Folder, bucket));
            return true;
        }
    }, cancellationToken);

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken) => Run(() =>
    {
        try
        {
            _paths.Bucket(bucket);
            return true;
        }
        catch (BucketNotFoundException)
        {
            return false;
        }
    }, cancellationToken);

    /// <summary>Sub-folders with valid bucket names; links and other entries are not buckets.</summary>
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken) =>
        Run<IReadOnlyList<string>>(() => BucketFolders().Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList(), cancellationToken);

    /// <summary>Hidden files are objects too: only links are left out of a walk.</summary>
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0 };

    private Task<T> Run<T>(Func<T> action, CancellationToken cancellationToken) =>
        RunAsync(() => Task.FromResult(action()), cancellationToken);

    /// <summary>File system failures as the endpoint's exceptions; ours and the caller's pass through.</summary>
    private async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await action();
        }
        catch (SourceFailedException e)
        {
            e.Rethrow();
            throw;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BucketAccessDeniedException($"endpoint '{Name}' may not use '{Folder}': {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new BucketEndpointException($"endpoint '{Name}' failed on '{Folder}': {e.Message}", e);
        }
    }
}

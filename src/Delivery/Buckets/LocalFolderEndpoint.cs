namespace DeliveryConsole.Delivery.Buckets;

/// <summary>An endpoint whose buckets are sub-folders of one folder on this machine.</summary>
public sealed class LocalFolderEndpoint(string name, string folder) : IBucketEndpoint
{
    public string Name { get; } = name;

    public string Kind => EndpointOptions.LocalKind;

    public string Folder { get; } = Path.GetFullPath(folder);

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
}

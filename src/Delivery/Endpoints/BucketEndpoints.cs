namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>The endpoints configured on this instance, by name (case-insensitive, as host names are).</summary>
public sealed class BucketEndpoints : IDisposable
{
    private readonly Dictionary<string, IBucketEndpoint> _byName;

    /// <param name="endpoints">The validated configuration, by endpoint name.</param>
    /// <param name="dataFolder">The instance's data folder; local endpoints without a folder live below it.</param>
    public BucketEndpoints(IReadOnlyDictionary<string, EndpointOptions> endpoints, string dataFolder)
    {
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, options) in endpoints)
            _byName[name] = options.IsS3
                ? new S3Endpoint(name, options)
                : new LocalFolderEndpoint(name, options.Folder ?? Path.Combine(dataFolder, "buckets", name));
    }

    public IReadOnlyCollection<IBucketEndpoint> All => _byName.Values;

    public IBucketEndpoint? Find(string name) => _byName.GetValueOrDefault(name);

    public void Dispose()
    {
        foreach (var endpoint in _byName.Values.OfType<IDisposable>())
            endpoint.Dispose();
    }
}

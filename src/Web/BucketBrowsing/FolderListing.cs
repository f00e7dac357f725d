using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>
/// One folder of a bucket as the browser shows it: the sub-folders (common prefixes, delimiter '/') and the objects
/// directly in it, loaded a page at a time with the endpoint's continuation tokens. Endpoints list keys flat, so
/// the folders are folded here; a folder's keys can span pages, so each folder is shown once however many follow.
/// </summary>
public sealed class FolderListing(IBucketEndpoint endpoint, string bucket, string prefix, int pageSize = FolderListing.DefaultPageSize)
{
    public const int DefaultPageSize = 100;

    /// <summary>A load reads at most this many pages of keys, so a folder with a huge sub-folder stays responsive.</summary>
    private const int MaxPagesPerLoad = 20;

    private readonly List<string> _folders = [];
    private readonly HashSet<string> _seenFolders = new(StringComparer.Ordinal);
    private readonly List<BucketObject> _objects = [];
    private string? _token;
    private bool _started;

    public string Prefix { get; } = prefix;

    /// <summary>Full prefixes of the sub-folders, each ending in '/', in key order.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>The objects directly in this folder, in key order.</summary>
    public IReadOnlyList<BucketObject> Objects => _objects;

    /// <summary>Whether the endpoint has more keys after what is loaded.</summary>
    public bool HasMore => !_started || _token is not null;

    /// <summary>Adds the next page: keys are read until about a page of new entries is found or the listing ends.</summary>
    public async Task LoadMoreAsync(CancellationToken cancellationToken)
    {
        var found = 0;
        for (var pages = 0; HasMore && found < pageSize && pages < MaxPagesPerLoad; pages++)
        {
            var page = await endpoint.ListObjectsAsync(bucket, Prefix, _token, pageSize, cancellationToken);
            (_token, _started) = (page.NextContinuationToken, true);
            foreach (var item in page.Objects)
                found += Add(item) ? 1 : 0;
        }
    }

    private bool Add(BucketObject item)
    {
        var rest = item.Key[Prefix.Length..];
        if (rest.Length == 0)
            return false; // an S3 "folder marker" object: the folder itself
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            _objects.Add(item);
            return true;
        }
        var folder = Prefix + rest[..(slash + 1)];
        if (!_seenFolders.Add(folder))
            return false;
        _folders.Add(folder);
        return true;
    }
}

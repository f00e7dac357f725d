using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Web.BucketBrowsing;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

/// <summary>
/// One bucket, folder by folder: <c>?prefix=</c> is the folder (always ending in '/'), <c>?key=</c> the object whose
/// details and preview show beside the listing, so task pages can link straight to an object.
/// </summary>
public sealed partial class BucketBrowserPage
{
    private readonly CancellationTokenSource _cancel = new();
    private (string Endpoint, string Bucket, string Prefix)? _shown;
    private FolderListing? _listing;
    private string? _problem;
    private string? _listError;
    private bool _loadingMore;

    [Inject]
    private BucketEndpoints Endpoints { get; set; } = default!;

    [Parameter]
    public string Endpoint { get; set; } = "";

    [Parameter]
    public string Bucket { get; set; } = "";

    [SupplyParameterFromQuery(Name = "prefix")]
    public string? Prefix { get; set; }

    [SupplyParameterFromQuery(Name = "key")]
    public string? Key { get; set; }

    /// <summary>The folder shown: the prefix as given, with the '/' a folder ends in.</summary>
    private string CurrentPrefix => string.IsNullOrEmpty(Prefix) || Prefix.EndsWith('/') ? Prefix ?? "" : Prefix + "/";

    public static string Url(string endpoint, string bucket, string? prefix = null, string? key = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(prefix))
            query.Add($"prefix={Uri.EscapeDataString(prefix)}");
        if (key is not null)
            query.Add($"key={Uri.EscapeDataString(key)}");
        return $"/buckets/{Uri.EscapeDataString(endpoint)}/{Uri.EscapeDataString(bucket)}"
            + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private string BrowserUrl(string prefix, string? key) => Url(Endpoint, Bucket, prefix, key);

    /// <summary>An entry's name inside the current folder.</summary>
    private string Name(string key) => key.StartsWith(CurrentPrefix, StringComparison.Ordinal) ? key[CurrentPrefix.Length..] : key;

    protected override async Task OnParametersSetAsync()
    {
        var wanted = (Endpoint, Bucket, CurrentPrefix);
        if (_shown == wanted)
            return;
        _shown = wanted;
        (_listing, _problem, _listError) = (null, null, null);
        if (Endpoints.Find(Endpoint) is not { } endpoint)
        {
            _problem = $"Endpoint '{Endpoint}' is not configured on this instance; configured: " +
                $"{string.Join(", ", Endpoints.All.Select(e => e.Name).Order(StringComparer.Ordinal))}.";
            return;
        }
        var listing = new FolderListing(endpoint, Bucket, CurrentPrefix);
        try
        {
            if (!await endpoint.BucketExistsAsync(Bucket, _cancel.Token))
            {
                _problem = $"Bucket '{Bucket}' does not exist on endpoint '{Endpoint}'.";
                return;
            }
            await listing.LoadMoreAsync(_cancel.Token);
            _listing = listing;
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            _problem = problem;
        }
    }

    private async Task LoadMoreAsync()
    {
        if (_listing is null)
            return;
        _loadingMore = true;
        try
        {
            await _listing.LoadMoreAsync(_cancel.Token);
            _listError = null;
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            _listError = problem;
        }
        finally
        {
            _loadingMore = false;
        }
    }

    /// <summary>What went wrong with the endpoint or the names in the address, in words; null for anything else.</summary>
    internal static string? Problem(Exception e) => e switch
    {
        BucketEndpointException => BucketMessages.Sentence(e.Message),
        ArgumentException argument => BucketMessages.Sentence(BucketMessages.RuleText(argument)),
        _ => null,
    };

    public void Dispose()
    {
        _cancel.Cancel();
        _cancel.Dispose();
    }
}

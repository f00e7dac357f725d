using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Web.BucketBrowsing;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

public sealed partial class ObjectDetails : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private BucketObject? _object;
    private ObjectPreview? _preview;
    private string? _problem;

    [Inject]
    private BucketEndpoints Endpoints { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Endpoint { get; set; } = "";

    [Parameter, EditorRequired]
    public string Bucket { get; set; } = "";

    [Parameter, EditorRequired]
    public string ObjectKey { get; set; } = "";

    /// <summary>The parent keys this component by object, so each object gets a fresh instance.</summary>
    protected override async Task OnInitializedAsync()
    {
        if (Endpoints.Find(Endpoint) is not { } endpoint)
            return; // the page already says the endpoint is unknown
        try
        {
            if (BucketKeys.Problem(ObjectKey) is { } why)
            {
                _problem = $"Invalid object key '{ObjectKey}': {why}.";
                return;
            }
            _object = await FindAsync(endpoint);
            if (_object is null)
            {
                _problem = $"Object '{ObjectKey}' does not exist in bucket '{Bucket}'.";
                return;
            }
            StateHasChanged();
            await using var content = await endpoint.GetObjectAsync(Bucket, ObjectKey, _cancel.Token);
            _preview = await ObjectPreviews.ReadAsync(content, _cancel.Token);
        }
        catch (Exception e) when (BucketBrowserPage.Problem(e) is { } problem)
        {
            _problem = problem;
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // The user went on to another object or page.
        }
    }

    /// <summary>The listing entry of exactly this key: listings are the one place every endpoint gives size and time.</summary>
    private async Task<BucketObject?> FindAsync(IBucketEndpoint endpoint)
    {
        var page = await endpoint.ListObjectsAsync(Bucket, ObjectKey, null, 1, _cancel.Token);
        return page.Objects.FirstOrDefault(o => o.Key == ObjectKey);
    }

    public void Dispose()
    {
        _cancel.Cancel();
        _cancel.Dispose();
    }
}

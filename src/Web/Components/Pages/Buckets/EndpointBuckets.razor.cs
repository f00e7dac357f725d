using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;
using DeliveryConsole.Web.BucketBrowsing;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

public sealed partial class EndpointBuckets
{
    [Parameter, EditorRequired]
    public IBucketEndpoint Endpoint { get; set; } = default!;

    [Inject]
    private HealthReporter Health { get; set; } = default!;

    private EndpointReport? _health;
    private IReadOnlyList<string>? _buckets;
    private string? _listError;
    private string? _newBucket;
    private string? _nameError;
    private string? _createError;
    // The last Create's outcome: the bucket was made, or was already there (OSS answers both with success).
    private (string Bucket, bool Created)? _created;
    private bool _creating;

    protected override async Task OnInitializedAsync()
    {
        _health = await Health.CheckEndpointAsync(Endpoint, CancellationToken.None);
        await LoadBucketsAsync();
    }

    private async Task LoadBucketsAsync()
    {
        try
        {
            (_buckets, _listError) = (await Endpoint.ListBucketsAsync(CancellationToken.None), null);
        }
        catch (BucketEndpointException e)
        {
            (_buckets, _listError) = (null, $"The buckets of endpoint '{Endpoint.Name}' cannot be listed: {BucketMessages.Sentence(e.Message)}");
        }
    }

    /// <summary>The rule shows as the user types; a fresh, untouched field stays quiet.</summary>
    private void OnNameChanged()
    {
        _nameError = string.IsNullOrEmpty(_newBucket) ? null : BucketNames.Problem(_newBucket);
        _created = null;
    }

    private async Task CreateAsync()
    {
        (_created, _createError) = (null, null);
        _nameError = BucketNames.Problem(_newBucket ?? "");
        if (_nameError is not null)
            return;
        _creating = true;
        try
        {
            var created = await Endpoint.CreateBucketAsync(_newBucket!, CancellationToken.None);
            (_created, _newBucket) = ((_newBucket!, created), null);
            await LoadBucketsAsync();
        }
        catch (BucketEndpointException e)
        {
            _createError = $"Bucket '{_newBucket}' was not created: {BucketMessages.Sentence(e.Message)}";
        }
        catch (ArgumentException e)
        {
            _createError = BucketMessages.Sentence(BucketMessages.RuleText(e));
        }
        finally
        {
            _creating = false;
        }
    }
}

using System.Text;
using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

/// <summary>
/// What every <see cref="IBucketEndpoint"/> does, run against each implementation by a subclass: the delivery
/// engine and the bucket browser must not be able to tell them apart.
/// </summary>
public abstract partial class BucketEndpointContract : IAsyncDisposable
{
    private readonly List<string> _created = [];
    private IBucketEndpoint? _endpoint;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Made on first use, inside the test, so a missing server skips (or fails in CI) the test itself.</summary>
    protected IBucketEndpoint Endpoint => _endpoint ??= CreateEndpoint();

    protected abstract IBucketEndpoint CreateEndpoint();

    /// <summary>Removes what the test left on a shared server; a temp folder needs nothing.</summary>
    protected virtual Task CleanUpAsync(IBucketEndpoint endpoint, IReadOnlyList<string> buckets) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is null)
            return;
        await CleanUpAsync(_endpoint, _created);
        (_endpoint as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static string NewBucketName() => $"t-{Guid.NewGuid():N}"[..24];

    protected async Task<string> NewBucketAsync()
    {
        var bucket = NewBucketName();
        await Endpoint.CreateBucketAsync(bucket, Cancel);
        _created.Add(bucket);
        return bucket;
    }

    protected Task PutAsync(string bucket, string key, string text) => PutAsync(bucket, key, Encoding.UTF8.GetBytes(text));

    protected Task PutAsync(string bucket, string key, byte[] bytes) =>
        Endpoint.PutObjectAsync(bucket, key, new MemoryStream(bytes), Cancel);

    protected async Task<string> ReadTextAsync(string bucket, string key) =>
        Encoding.UTF8.GetString(await ReadAsync(bucket, key));

    protected async Task<byte[]> ReadAsync(string bucket, string key)
    {
        await using var stream = await Endpoint.GetObjectAsync(bucket, key, Cancel);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    /// <summary>Every page of a listing, following continuation tokens to the end.</summary>
    protected async Task<List<ObjectPage>> ListPagesAsync(string bucket, string? prefix, int maxKeys)
    {
        var pages = new List<ObjectPage>();
        string? token = null;
        do
        {
            var page = await Endpoint.ListObjectsAsync(bucket, prefix, token, maxKeys, Cancel);
            pages.Add(page);
            token = page.NextContinuationToken;
        } while (token is not null && pages.Count < 100);
        return pages;
    }

    protected async Task<List<string>> ListKeysAsync(string bucket, string? prefix = null) =>
        (await ListPagesAsync(bucket, prefix, 1000)).SelectMany(p => p.Objects).Select(o => o.Key).ToList();

    [Fact]
    public async Task A_created_bucket_exists_and_is_listed_and_creating_it_again_is_fine_and_says_it_existed()
    {
        var bucket = NewBucketName();
        Assert.True(await Endpoint.CreateBucketAsync(bucket, Cancel));
        _created.Add(bucket);
        Assert.False(await Endpoint.CreateBucketAsync(bucket, Cancel));

        Assert.True(await Endpoint.BucketExistsAsync(bucket, Cancel));
        Assert.Contains(bucket, await Endpoint.ListBucketsAsync(Cancel));
        Assert.False(await Endpoint.BucketExistsAsync(NewBucketName(), Cancel));
    }

    [Fact]
    public async Task Buckets_are_listed_in_ordinal_order()
    {
        await NewBucketAsync();
        await NewBucketAsync();

        var buckets = await Endpoint.ListBucketsAsync(Cancel);

        Assert.Equal(buckets.Order(StringComparer.Ordinal), buckets);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Abc")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a_bc")]
    [InlineData("a.bc")]
    [InlineData("..")]
    [InlineData("../abc")]
    [InlineData("abc\n")]
    [InlineData("abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi")]
    public async Task An_invalid_bucket_name_is_refused_before_anything_happens(string bucket)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Endpoint.CreateBucketAsync(bucket, Cancel));
        Assert.Contains("3 to 63 lowercase letters, digits and hyphens", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Endpoint.BucketExistsAsync(bucket, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(bucket, "k", "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => Endpoint.ListObjectsAsync(bucket, null, null, 10, Cancel));
    }

    [Fact]
    public async Task A_missing_bucket_is_reported_by_every_object_operation()
    {
        var bucket = NewBucketName();

        var error = await Assert.ThrowsAsync<BucketNotFoundException>(() => PutAsync(bucket, "k", "x"));
        Assert.Equal(bucket, error.Bucket);
        await Assert.ThrowsAsync<BucketNotFoundException>(() => Endpoint.GetObjectAsync(bucket, "k", Cancel));
        await Assert.ThrowsAsync<BucketNotFoundException>(() => Endpoint.ListObjectsAsync(bucket, null, null, 10, Cancel));
        await Assert.ThrowsAsync<BucketNotFoundException>(() => Endpoint.DeleteObjectAsync(bucket, "k", Cancel));
    }
}

using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

public abstract partial class BucketEndpointContract
{
    [Fact]
    public async Task Keys_are_listed_in_utf8_byte_order_whatever_order_they_were_put_in()
    {
        var bucket = await NewBucketAsync();
        // '-' sorts before '/', and U+FF21 before U+1D11E in UTF-8 (but not in UTF-16).
        string[] ordered = ["A", "a-b", "a/a", "a/b", "b", "z", "é", "\uFF21", "𝄞"];

        foreach (var key in ordered.Reverse())
            await PutAsync(bucket, key, key);

        Assert.Equal(ordered, await ListKeysAsync(bucket));
    }

    [Fact]
    public async Task A_prefix_is_a_plain_string_prefix_not_a_folder()
    {
        var bucket = await NewBucketAsync();
        foreach (var key in new[] { "lake/2025/12/x", "lake/2026/01/x", "lake/2026/02/y", "lake2026", "other/2026" })
            await PutAsync(bucket, key, key);

        Assert.Equal(["lake/2026/01/x", "lake/2026/02/y"], await ListKeysAsync(bucket, "lake/2026"));
        Assert.Equal(["lake/2026/02/y"], await ListKeysAsync(bucket, "lake/2026/02/"));
        Assert.Equal(["lake/2025/12/x", "lake/2026/01/x", "lake/2026/02/y", "lake2026"], await ListKeysAsync(bucket, "lake"));
        Assert.Empty(await ListKeysAsync(bucket, "lake/2027/"));
        Assert.Empty(await ListKeysAsync(bucket, "nothing"));
    }

    [Fact]
    public async Task Continuation_tokens_page_through_a_prefix_in_key_order()
    {
        var bucket = await NewBucketAsync();
        var keys = Enumerable.Range(0, 7).Select(i => $"p/{i:D2}/object").ToList();
        foreach (var key in keys.Concat(["o", "q"]).Reverse())
            await PutAsync(bucket, key, key);

        var pages = await ListPagesAsync(bucket, "p/", maxKeys: 3);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Objects.Count));
        Assert.All(pages[..^1], p => Assert.NotNull(p.NextContinuationToken));
        Assert.Null(pages[^1].NextContinuationToken);
        Assert.Equal(keys, pages.SelectMany(p => p.Objects).Select(o => o.Key));
    }

    [Fact]
    public async Task A_listing_goes_on_after_its_token_even_when_objects_change_between_pages()
    {
        var bucket = await NewBucketAsync();
        foreach (var key in new[] { "a", "b", "c", "d" })
            await PutAsync(bucket, key, key);

        var first = await Endpoint.ListObjectsAsync(bucket, null, null, 2, Cancel);
        await Endpoint.DeleteObjectAsync(bucket, "b", Cancel);
        await PutAsync(bucket, "e", "e");
        var second = await Endpoint.ListObjectsAsync(bucket, null, first.NextContinuationToken, 2, Cancel);

        Assert.Equal(["a", "b"], first.Objects.Select(o => o.Key));
        Assert.Equal(["c", "d"], second.Objects.Select(o => o.Key));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_page_holds_1_to_1000_keys(int maxKeys)
    {
        var bucket = await NewBucketAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Endpoint.ListObjectsAsync(bucket, null, null, maxKeys, Cancel));
    }
}

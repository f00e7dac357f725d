using System.Text;
using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

public abstract partial class BucketEndpointContract
{
    [Fact]
    public async Task A_put_object_reads_back_and_is_listed_with_its_size_and_time()
    {
        var bucket = await NewBucketAsync();

        await PutAsync(bucket, "lake/2026/11/24/t1_0_lake.parquet", "hello parquet");

        Assert.Equal("hello parquet", await ReadTextAsync(bucket, "lake/2026/11/24/t1_0_lake.parquet"));
        var listed = Assert.Single((await Endpoint.ListObjectsAsync(bucket, null, null, 10, Cancel)).Objects);
        Assert.Equal("lake/2026/11/24/t1_0_lake.parquet", listed.Key);
        Assert.Equal(13, listed.Size);
        Assert.InRange(listed.LastModified, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task Putting_a_key_again_replaces_the_object()
    {
        var bucket = await NewBucketAsync();

        await PutAsync(bucket, "k", "first, longer content");
        await PutAsync(bucket, "k", "second");

        Assert.Equal("second", await ReadTextAsync(bucket, "k"));
        Assert.Equal(6, Assert.Single((await Endpoint.ListObjectsAsync(bucket, null, null, 10, Cancel)).Objects).Size);
    }

    [Fact]
    public async Task An_empty_object_and_keys_in_any_unicode_round_trip()
    {
        var bucket = await NewBucketAsync();
        string[] keys = ["empty", "数据/naïve file 🙂.parquet", "%2e%2e/x", ".hidden", "a b+c&d=e?f#g"];

        foreach (var key in keys)
            await PutAsync(bucket, key, key == "empty" ? "" : key);

        foreach (var key in keys)
            Assert.Equal(key == "empty" ? "" : key, await ReadTextAsync(bucket, key));
        Assert.Equal(keys.Order(BucketKeys.Order), await ListKeysAsync(bucket));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_from_its_current_position()
    {
        var bucket = await NewBucketAsync();
        var seekable = new MemoryStream(Encoding.UTF8.GetBytes("skip:kept"));
        seekable.Position = 5;

        await Endpoint.PutObjectAsync(bucket, "seekable", seekable, Cancel);
        await Endpoint.PutObjectAsync(bucket, "forward-only", new ForwardOnlyStream(Encoding.UTF8.GetBytes("streamed")), Cancel);

        Assert.Equal("kept", await ReadTextAsync(bucket, "seekable"));
        Assert.Equal("streamed", await ReadTextAsync(bucket, "forward-only"));
    }

    [Fact]
    public async Task A_content_stream_that_breaks_fails_the_put_with_its_own_error_and_keeps_the_old_object()
    {
        var bucket = await NewBucketAsync();
        await PutAsync(bucket, "k", "old");

        var error = await Assert.ThrowsAsync<IOException>(() =>
            Endpoint.PutObjectAsync(bucket, "k", new BreaksAfter(1000, seekable: false), Cancel));

        Assert.Equal(BreaksAfter.Message, error.Message);
        Assert.Equal("old", await ReadTextAsync(bucket, "k"));
    }

    [Fact]
    public async Task A_deleted_object_is_gone_and_deleting_a_missing_key_is_fine()
    {
        var bucket = await NewBucketAsync();
        await PutAsync(bucket, "a/1", "x");
        await PutAsync(bucket, "a/2", "y");

        await Endpoint.DeleteObjectAsync(bucket, "a/1", Cancel);
        await Endpoint.DeleteObjectAsync(bucket, "a/1", Cancel);
        await Endpoint.DeleteObjectAsync(bucket, "never/there", Cancel);

        Assert.Equal(["a/2"], await ListKeysAsync(bucket));
        var error = await Assert.ThrowsAsync<BucketObjectNotFoundException>(() => Endpoint.GetObjectAsync(bucket, "a/1", Cancel));
        Assert.Equal("a/1", error.Key);
    }

    [Fact]
    public async Task Getting_a_missing_key_says_so()
    {
        var bucket = await NewBucketAsync();
        await PutAsync(bucket, "a/b", "x");

        await Assert.ThrowsAsync<BucketObjectNotFoundException>(() => Endpoint.GetObjectAsync(bucket, "missing", Cancel));
        await Assert.ThrowsAsync<BucketObjectNotFoundException>(() => Endpoint.GetObjectAsync(bucket, "a", Cancel));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    [InlineData("line\nbreak")]
    public async Task A_key_no_endpoint_can_hold_is_refused(string key)
    {
        var bucket = await NewBucketAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(bucket, key, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => Endpoint.GetObjectAsync(bucket, key, Cancel));
        Assert.Empty(await ListKeysAsync(bucket));
    }

    [Fact]
    public async Task A_key_that_is_not_well_formed_unicode_is_refused()
    {
        var bucket = await NewBucketAsync();
        var key = "lone " + (char)0xD800; // built here: attribute data cannot carry a lone surrogate

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(bucket, key, "x"));
        Assert.Contains("not well-formed Unicode", error.Message);
    }

    /// <summary>A body that can only be read forward, like a network stream or a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

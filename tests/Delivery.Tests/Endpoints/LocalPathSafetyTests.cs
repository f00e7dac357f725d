using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

/// <summary>No bucket name or key reaches outside a local endpoint's folder.</summary>
public sealed class LocalPathSafetyTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly TempFolder _temp = new();
    private readonly LocalFolderEndpoint _endpoint;

    public LocalPathSafetyTests() => _endpoint = new LocalFolderEndpoint("local", _temp.Combine("endpoint"));

    [Theory]
    [InlineData("../x", "'.' or '..' segment")]
    [InlineData("a/../../x", "'.' or '..' segment")]
    [InlineData("./x", "'.' or '..' segment")]
    [InlineData("a/..", "'.' or '..' segment")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("a\\b", "backslash")]
    [InlineData("..\\..\\x", "backslash")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("a\u0000b", "control character")]
    [InlineData("a\u001bb", "control character")]
    [InlineData("a\u0085b", "control character")]
    public async Task A_key_that_could_leave_the_bucket_is_refused_and_touches_nothing(string key, string why)
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _endpoint.PutObjectAsync("bucket", key, new MemoryStream([1, 2, 3]), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoint.GetObjectAsync("bucket", key, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoint.DeleteObjectAsync("bucket", key, Cancel));

        Assert.Contains(why, error.Message);
        Assert.StartsWith("Invalid object key '", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_segment_longer_than_a_file_name_can_be_is_refused()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _endpoint.PutObjectAsync("bucket", $"a/{new string('é', 128)}", new MemoryStream([1]), Cancel));

        Assert.Contains("longer than 255 bytes", error.Message);
    }

    [Fact]
    public async Task Percent_encoded_dots_are_just_a_name()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);

        await _endpoint.PutObjectAsync("bucket", "%2e%2e/x", new MemoryStream([7]), Cancel);

        Assert.Equal([7], File.ReadAllBytes(Path.Combine(_endpoint.Folder, "bucket", "%2e%2e", "x")));
        Assert.Equal([Path.Combine(_endpoint.Folder, "bucket", "%2e%2e", "x")],
            Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../outside")]
    [InlineData("a/b")]
    [InlineData("/tmp")]
    public async Task A_bucket_name_that_is_a_path_is_refused(string bucket)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoint.CreateBucketAsync(bucket, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoint.PutObjectAsync(bucket, "x", new MemoryStream([1]), Cancel));

        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_key_and_a_folder_of_keys_cannot_share_a_name_locally()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        await _endpoint.PutObjectAsync("bucket", "a/b", new MemoryStream([1]), Cancel);
        await _endpoint.PutObjectAsync("bucket", "c", new MemoryStream([1]), Cancel);

        var error = await Assert.ThrowsAsync<BucketEndpointException>(() =>
            _endpoint.PutObjectAsync("bucket", "a", new MemoryStream([2]), Cancel));
        await Assert.ThrowsAsync<BucketEndpointException>(() => _endpoint.PutObjectAsync("bucket", "c/d", new MemoryStream([2]), Cancel));

        Assert.Contains("a local endpoint cannot hold both", error.Message);
    }

    private string[] Snapshot() =>
        Directory.GetFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => _temp.Dispose();
}

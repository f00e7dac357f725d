using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

/// <summary>A local endpoint never follows a symbolic link at or below a bucket folder: a link can point anywhere.</summary>
public sealed class LocalSymlinkTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly TempFolder _temp = new();
    private readonly LocalFolderEndpoint _endpoint;
    private readonly string _outside;

    public LocalSymlinkTests()
    {
        _endpoint = new LocalFolderEndpoint("local", _temp.Combine("endpoint"));
        _outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        File.WriteAllText(Path.Combine(_outside, "secret"), "secret");
    }

    [Fact]
    public async Task A_bucket_folder_linked_outside_is_refused_and_not_listed()
    {
        Directory.CreateDirectory(_endpoint.Folder);
        Directory.CreateSymbolicLink(Path.Combine(_endpoint.Folder, "evil"), _outside);

        var error = await Assert.ThrowsAsync<BucketAccessDeniedException>(() =>
            _endpoint.PutObjectAsync("evil", "x", new MemoryStream([1]), Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.GetObjectAsync("evil", "secret", Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.DeleteObjectAsync("evil", "secret", Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.ListObjectsAsync("evil", null, null, 10, Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.BucketExistsAsync("evil", Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.CreateBucketAsync("evil", Cancel));

        Assert.Contains("symbolic link", error.Message);
        Assert.Empty(await _endpoint.ListBucketsAsync(Cancel));
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task A_folder_inside_a_bucket_linked_outside_is_refused_and_not_walked()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        Directory.CreateSymbolicLink(Path.Combine(_endpoint.Folder, "bucket", "sub"), _outside);
        await _endpoint.PutObjectAsync("bucket", "kept", new MemoryStream([1]), Cancel);

        await Assert.ThrowsAsync<BucketAccessDeniedException>(() =>
            _endpoint.PutObjectAsync("bucket", "sub/x", new MemoryStream([1]), Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.GetObjectAsync("bucket", "sub/secret", Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.DeleteObjectAsync("bucket", "sub/secret", Cancel));

        Assert.Equal(["kept"], (await _endpoint.ListObjectsAsync("bucket", null, null, 10, Cancel)).Objects.Select(o => o.Key));
        Assert.Empty((await _endpoint.ListObjectsAsync("bucket", "sub/", null, 10, Cancel)).Objects);
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task An_object_linked_to_a_file_outside_is_refused_and_not_listed()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        File.CreateSymbolicLink(Path.Combine(_endpoint.Folder, "bucket", "passwd"), Path.Combine(_outside, "secret"));

        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.GetObjectAsync("bucket", "passwd", Cancel));
        await Assert.ThrowsAsync<BucketAccessDeniedException>(() => _endpoint.DeleteObjectAsync("bucket", "passwd", Cancel));

        Assert.Empty((await _endpoint.ListObjectsAsync("bucket", null, null, 10, Cancel)).Objects);
        AssertOutsideUntouched();
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal([Path.Combine(_outside, "secret")], Directory.GetFileSystemEntries(_outside));
        Assert.Equal("secret", File.ReadAllText(Path.Combine(_outside, "secret")));
    }

    public void Dispose() => _temp.Dispose();
}

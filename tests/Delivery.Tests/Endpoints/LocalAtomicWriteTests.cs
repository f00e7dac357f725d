using System.Text;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

/// <summary>A local put is all or nothing: readers see the old object or the whole new one, and no temp file stays.</summary>
public sealed class LocalAtomicWriteTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly TempFolder _temp = new();
    private readonly LocalFolderEndpoint _endpoint;

    public LocalAtomicWriteTests() => _endpoint = new LocalFolderEndpoint("local", _temp.Combine("endpoint"));

    private string BucketFolder => Path.Combine(_endpoint.Folder, "bucket");

    [Fact]
    public async Task A_new_object_appears_only_when_complete()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        var body = new HalfThenWait("first half|second half");

        var put = _endpoint.PutObjectAsync("bucket", "a/object", body, Cancel);
        await PausedAsync(body, put);

        Assert.False(File.Exists(Path.Combine(BucketFolder, "a", "object")));
        await Assert.ThrowsAsync<BucketObjectNotFoundException>(() => _endpoint.GetObjectAsync("bucket", "a/object", Cancel));
        Assert.Empty((await _endpoint.ListObjectsAsync("bucket", null, null, 10, Cancel)).Objects);
        // The upload in progress sits outside every bucket: a glob over the bucket's folder sees nothing of it.
        Assert.Empty(Directory.GetFiles(BucketFolder, "*", SearchOption.AllDirectories));
        Assert.StartsWith(".~put-", Path.GetFileName(Assert.Single(Directory.GetFiles(_endpoint.UploadFolder))));
        Assert.Equal(["bucket"], await _endpoint.ListBucketsAsync(Cancel));

        body.Release();
        await put;

        Assert.Equal("first half|second half", await ReadAsync("a/object"));
        Assert.Equal(["object"], Directory.GetFileSystemEntries(Path.Combine(BucketFolder, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Readers_see_the_old_object_whole_until_the_new_one_is_complete()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        await _endpoint.PutObjectAsync("bucket", "object", new MemoryStream("old object"u8.ToArray()), Cancel);
        var body = new HalfThenWait("new|object");

        var put = _endpoint.PutObjectAsync("bucket", "object", body, Cancel);
        await PausedAsync(body, put);
        Assert.Equal("old object", await ReadAsync("object"));
        body.Release();
        await put;

        Assert.Equal("new|object", await ReadAsync("object"));
    }

    [Fact]
    public async Task A_failed_or_cancelled_put_leaves_the_old_object_and_no_temp_file()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        await _endpoint.PutObjectAsync("bucket", "object", new MemoryStream("old"u8.ToArray()), Cancel);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var failing = new HalfThenWait("half|never");
        var cancelled = new HalfThenWait("half|never");

        var failedPut = _endpoint.PutObjectAsync("bucket", "object", failing, Cancel);
        var cancelledPut = _endpoint.PutObjectAsync("bucket", "object", cancelled, cancel.Token);
        await PausedAsync(failing, failedPut);
        await PausedAsync(cancelled, cancelledPut);
        failing.Fail(new IOException("the source broke"));
        await cancel.CancelAsync();

        Assert.Equal("the source broke", (await Assert.ThrowsAsync<IOException>(() => failedPut)).Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledPut);
        Assert.Equal("old", await ReadAsync("object"));
        Assert.Equal(["object"], Directory.GetFileSystemEntries(BucketFolder).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(_endpoint.UploadFolder));
    }

    [Fact]
    public async Task Leftovers_of_killed_uploads_are_removed_at_start_in_every_bucket_at_any_depth_and_nothing_else()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        await _endpoint.CreateBucketAsync("other", Cancel);
        await _endpoint.PutObjectAsync("bucket", "p/2026/object", new MemoryStream("kept"u8.ToArray()), Cancel);
        // As a process killed mid-upload leaves them: in the upload folder, and where earlier versions wrote them.
        string[] leftovers =
        [
            Path.Combine(_endpoint.UploadFolder, BucketKeys.NewTempName()),
            Path.Combine(BucketFolder, "p", "2026", BucketKeys.NewTempName()),
            Path.Combine(BucketFolder, BucketKeys.NewTempName()),
            Path.Combine(_endpoint.Folder, "other", BucketKeys.NewTempName()),
        ];
        foreach (var leftover in leftovers)
            File.WriteAllText(leftover, "a whole object");
        // Not named as the endpoint names its temps, or not in a bucket: not ours to remove.
        string[] others =
        [
            Path.Combine(BucketFolder, "p", ".~put-x.tmp.keep"),
            Path.Combine(BucketFolder, "p", "put-x.tmp"),
            Path.Combine(_endpoint.Folder, BucketKeys.NewTempName()),
        ];
        foreach (var other in others)
            File.WriteAllText(other, "not a leftover");

        var restarted = new LocalFolderEndpoint("local", _endpoint.Folder);
        Assert.Equal(leftovers.Length, restarted.RemoveUploadLeftovers());

        Assert.All(leftovers, leftover => Assert.False(File.Exists(leftover), leftover));
        Assert.All(others, other => Assert.True(File.Exists(other), other));
        Assert.Equal("kept", await ReadAsync("p/2026/object"));
        Assert.Equal(0, restarted.RemoveUploadLeftovers());
    }

    [Fact]
    public async Task The_cleanup_keeps_an_upload_of_its_own_endpoint_that_is_under_way()
    {
        // The engine cleans up as it starts, while a page or the API may already upload through the same endpoint.
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        var body = new HalfThenWait("first half|second half");
        var put = _endpoint.PutObjectAsync("bucket", "a/object", body, Cancel);
        await PausedAsync(body, put);

        Assert.Equal(0, _endpoint.RemoveUploadLeftovers());
        Assert.Single(Directory.GetFiles(_endpoint.UploadFolder));

        body.Release();
        await put;
        Assert.Equal("first half|second half", await ReadAsync("a/object"));
        Assert.Empty(Directory.GetFiles(_endpoint.UploadFolder));
    }

    [Fact]
    public async Task Temp_files_of_puts_in_progress_are_not_objects_and_their_names_are_not_keys()
    {
        await _endpoint.CreateBucketAsync("bucket", Cancel);
        File.WriteAllText(Path.Combine(BucketFolder, ".~put-0123456789abcdef0123456789abcdef.tmp"), "partial");

        Assert.Empty((await _endpoint.ListObjectsAsync("bucket", null, null, 10, Cancel)).Objects);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _endpoint.GetObjectAsync("bucket", ".~put-0123456789abcdef0123456789abcdef.tmp", Cancel));
    }

    /// <summary>Until the put is waiting halfway; a put that fails before that fails the test with its own error.</summary>
    private static async Task PausedAsync(HalfThenWait body, Task put)
    {
        await Task.WhenAny(body.Waiting, put);
        if (put.IsCompleted)
            await put;
    }

    private async Task<string> ReadAsync(string key)
    {
        await using var stream = await _endpoint.GetObjectAsync("bucket", key, Cancel);
        return await new StreamReader(stream).ReadToEndAsync(Cancel);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Gives the text up to '|', then waits until released (or failed, or the read is cancelled).</summary>
    private sealed class HalfThenWait(string text) : Stream
    {
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[][] _parts = text.Split('|', 2).Select((p, i) => Encoding.UTF8.GetBytes(i == 0 ? p + "|" : p)).ToArray();
        private int _next;

        public Task Waiting => _waiting.Task;
        public void Release() => _gate.TrySetResult();
        public void Fail(Exception e) => _gate.TrySetException(e);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_next == 1)
            {
                _waiting.TrySetResult();
                await _gate.Task.WaitAsync(cancellationToken);
            }
            if (_next >= _parts.Length)
                return 0;
            _parts[_next].CopyTo(buffer);
            return _parts[_next++].Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

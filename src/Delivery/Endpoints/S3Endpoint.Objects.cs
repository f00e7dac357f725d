using Amazon.S3.Model;

namespace DeliveryConsole.Delivery.Endpoints;

public sealed partial class S3Endpoint
{
    /// <summary>Objects up to this size go up in one PutObject; larger ones in parts.</summary>
    public const long SinglePutLimit = 64L * 1024 * 1024;

    /// <summary>
    /// One PutObject up to <see cref="SinglePutLimit"/>, else a multipart upload of our own (TransferUtility cannot
    /// switch off aws-chunked bodies, which Swift refuses). A stream that cannot seek is first copied to a temp
    /// file: an unchunked upload must know its length and hash its body before sending it.
    /// </summary>
    public Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            if (content.CanSeek)
                return await PutSeekableAsync(bucket, key, content, cancellationToken);
            await using var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"s3-put-{Guid.NewGuid():N}.tmp"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await ContentCopy.CopyAsync(content, copy, cancellationToken);
            copy.Position = 0;
            return await PutSeekableAsync(bucket, key, copy, cancellationToken);
        }, bucket, key, cancellationToken);

    private async Task<bool> PutSeekableAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        if (content.Length - content.Position > SinglePutLimit)
            await new S3MultipartUpload(_client, bucket, key).RunAsync(content, cancellationToken);
        else
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket, Key = key, InputStream = content, UseChunkEncoding = false,
                AutoCloseStream = false, AutoResetStreamPosition = false,
            }, cancellationToken);
        return true;
    }

    public Task<ObjectPage> ListObjectsAsync(string bucket, string? prefix, string? continuationToken, int maxKeys,
        CancellationToken cancellationToken) => Call(async () =>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxKeys, 1000);
        var response = await _client.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = bucket, Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
            ContinuationToken = continuationToken, MaxKeys = maxKeys,
        }, cancellationToken);
        var objects = (response.S3Objects ?? []).Select(o => new BucketObject(o.Key, o.Size ?? 0,
            o.LastModified is { } at ? new DateTimeOffset(at).ToUniversalTime() : DateTimeOffset.MinValue)).ToList();
        return new ObjectPage(objects, response.IsTruncated == true ? response.NextContinuationToken : null);
    }, bucket, null, cancellationToken);

    /// <summary>The response body; disposing it releases the connection.</summary>
    public Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken) => Call(async () =>
    {
        var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        return response.ResponseStream;
    }, bucket, key, cancellationToken);

    /// <summary>One DeleteObject: Swift refuses the batch DeleteObjects the SDK sends (no Content-MD5).</summary>
    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken) => Call(async () =>
    {
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        return true;
    }, bucket, key, cancellationToken);
}

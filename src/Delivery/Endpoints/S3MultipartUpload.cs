using Amazon.S3;
using Amazon.S3.Model;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// Initiate, UploadPart (unchunked) part by part from one buffer, Complete; any failure or cancellation aborts
/// the upload so the service drops the parts. Nothing is visible under the key until Complete succeeds.
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 client, string bucket, string key)
{
    /// <summary>Well above S3's 5 MiB minimum part; with Swift's 1000 parts this covers 16 GiB before growing.</summary>
    public const int PartSize = 16 * 1024 * 1024;

    private const int MaxParts = 1000;

    public async Task RunAsync(Stream content, CancellationToken cancellationToken)
    {
        var remaining = content.Length - content.Position;
        var partSize = (int)Math.Max(PartSize, (remaining + MaxParts - 1) / MaxParts);
        var started = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            var buffer = new byte[partSize];
            for (var number = 1; ; number++)
            {
                var length = await ReadPartAsync(content, buffer, cancellationToken);
                if (length == 0)
                    break;
                using var body = new MemoryStream(buffer, 0, length, writable: false);
                var uploaded = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket, Key = key, UploadId = started.UploadId, PartNumber = number,
                    InputStream = body, PartSize = length, UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(number, uploaded.ETag));
                if (length < buffer.Length)
                    break;
            }
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket, Key = key, UploadId = started.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await AbortQuietlyAsync(started.UploadId);
            throw;
        }
    }

    private static async Task<int> ReadPartAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SourceFailedException(e);
        }
    }

    /// <summary>Best effort, and even when the caller cancelled: the original failure is what matters.</summary>
    private async Task AbortQuietlyAsync(string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
                { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or IOException or OperationCanceledException)
        {
        }
    }
}

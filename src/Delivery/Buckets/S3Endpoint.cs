using Amazon.Runtime;
using Amazon.S3;

namespace DeliveryConsole.Delivery.Buckets;

/// <summary>An endpoint on an S3-compatible service (OSS's S3 API, MinIO, Swift's s3api, AWS S3), path-style.</summary>
public sealed class S3Endpoint(string name, EndpointOptions options) : IBucketEndpoint, IDisposable
{
    private readonly AmazonS3Client _client = CreateClient(options);

    public string Name { get; } = name;

    public string Kind => EndpointOptions.S3Kind;

    public Uri Url { get; } = new(options.Url!);

    public async Task<EndpointHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var buckets = await _client.ListBucketsAsync(cancellationToken);
            return new EndpointHealth(true, $"{Url} answered with {buckets.Buckets?.Count ?? 0} bucket(s)");
        }
        catch (AmazonS3Exception e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized)
        {
            return new EndpointHealth(false, $"{Url} rejected the access key: {e.ErrorCode}");
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException or IOException)
        {
            return new EndpointHealth(false, $"endpoint unreachable: {Url}: {Describe(e)}");
        }
    }

    /// <summary>
    /// A client that works with every S3-compatible service we test against: path-style addressing, checksums
    /// only when the operation requires them (Swift and OSS reject the SDK's default CRC trailers).
    /// Uploads must also set <c>UseChunkEncoding = false</c>: aws-chunked bodies are refused by Swift.
    /// </summary>
    public static AmazonS3Client CreateClient(EndpointOptions options) =>
        new(new BasicAWSCredentials(options.AccessKey, options.Secret), new AmazonS3Config
        {
            ServiceURL = options.Url,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 1,
        });

    private static string Describe(Exception e) =>
        e is OperationCanceledException ? "no answer in time" : (e.InnerException ?? e).Message;

    public void Dispose() => _client.Dispose();
}

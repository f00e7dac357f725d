using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>An endpoint on an S3-compatible service (OSS's S3 API, MinIO, Swift's s3api, AWS S3), path-style.</summary>
public sealed partial class S3Endpoint(string name, EndpointOptions options) : IBucketEndpoint, IDisposable
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
        catch (AmazonS3Exception e) when (S3Errors.IsRejection(e))
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

    /// <summary>
    /// PutBucket; a bucket we already own is false, one someone else owns is access denied. HeadBucket goes first
    /// because a second PutBucket is not an error everywhere: AWS in us-east-1 answers 200 for a bucket you own
    /// (legacy), other regions and Swift's s3api answer 409 BucketAlreadyOwnedByYou / BucketAlreadyExists.
    /// </summary>
    public Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken) => Call(async () =>
    {
        if (await BucketExistsAsync(bucket, cancellationToken))
            return false;
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            if (!await BucketExistsAsync(bucket, cancellationToken))
                throw new BucketAccessDeniedException($"bucket '{bucket}' on endpoint '{Name}' belongs to someone else", e);
            return false;
        }
    }, bucket, null, cancellationToken);

    /// <summary>HeadBucket: 404 is false, 403 is access denied.</summary>
    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken) => Call(async () =>
    {
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }, bucket, null, cancellationToken);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken) =>
        Call<IReadOnlyList<string>>(async () =>
        {
            var response = await _client.ListBucketsAsync(new ListBucketsRequest(), cancellationToken);
            return (response.Buckets ?? []).Select(b => b.BucketName).Order(StringComparer.Ordinal).ToList();
        }, null, null, cancellationToken);

    /// <summary>Runs one call to the service with the bucket name checked and the SDK's errors mapped.</summary>
    private async Task<T> Call<T>(Func<Task<T>> action, string? bucket, string? key, CancellationToken cancellationToken)
    {
        if (bucket is not null)
            BucketNames.Validate(bucket);
        if (key is not null)
            BucketKeys.Validate(key);
        try
        {
            return await action();
        }
        catch (SourceFailedException e)
        {
            e.Rethrow();
            throw;
        }
        catch (Exception e) when (e is not BucketEndpointException)
        {
            var mapped = S3Errors.Map(e, Name, Url, bucket, key, cancellationToken);
            if (ReferenceEquals(mapped, e))
                throw;
            throw mapped;
        }
    }

    private static string Describe(Exception e) =>
        e is OperationCanceledException ? "no answer in time" : (e.InnerException ?? e).Message;

    public void Dispose() => _client.Dispose();
}

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// A named place that holds buckets: a local folder or an S3-compatible service.
/// Implementations are thread-safe and never expose secrets through their members.
/// </summary>
/// <remarks>
/// Every member that takes a bucket name throws <see cref="ArgumentException"/> for a name outside
/// <see cref="BucketNames"/>' rules and for a key outside <see cref="BucketKeys"/>' rules (the local endpoint adds its
/// path rules). Failures of the endpoint itself are <see cref="BucketEndpointException"/>s:
/// <see cref="BucketNotFoundException"/>, <see cref="BucketAccessDeniedException"/>,
/// <see cref="EndpointUnreachableException"/>, <see cref="BucketObjectNotFoundException"/>, or the base type for
/// anything else. Cancellation is reported as <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IBucketEndpoint
{
    /// <summary>The configured name, the value of a task's <c>ossEndpoint</c>.</summary>
    string Name { get; }

    /// <summary><c>local</c> or <c>s3</c>.</summary>
    string Kind { get; }

    /// <summary>Whether the endpoint can be used now. Never throws for an unreachable endpoint; it says so instead.</summary>
    Task<EndpointHealth> CheckAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the bucket: true when it was created, false when it already existed and is ours to use (as OSS's
    /// PutBucket answers 200 for a bucket the caller owns); one owned by someone else is access denied.
    /// </summary>
    Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Whether the bucket exists. A bucket we may not use throws <see cref="BucketAccessDeniedException"/>.</summary>
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>The names of the buckets on this endpoint, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/>, from its current position to its end, as the object
    /// <paramref name="key"/>, replacing any object of that key. All or nothing: readers see either the old object
    /// or the whole new one, never a part; a failed or cancelled put leaves no trace. The bucket must exist
    /// (<see cref="BucketNotFoundException"/>). The stream is read once and is not disposed.
    /// </summary>
    Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxKeys"/> (1 to 1000) objects whose keys start with <paramref name="prefix"/>
    /// (a plain string prefix, not a folder), in key order (ordinal by UTF-8 bytes), after the position
    /// <paramref name="continuationToken"/> names. <see cref="ObjectPage.NextContinuationToken"/> is null on the
    /// last page; pass it back unchanged, with the same prefix, for the next page.
    /// </summary>
    Task<ObjectPage> ListObjectsAsync(string bucket, string? prefix, string? continuationToken, int maxKeys,
        CancellationToken cancellationToken);

    /// <summary>
    /// The content of an object, to be read to its end and disposed by the caller. A missing key throws
    /// <see cref="BucketObjectNotFoundException"/>.
    /// </summary>
    Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Removes an object. A key that does not exist is fine; a bucket that does not exist is not.</summary>
    Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken);
}

/// <summary>The outcome of a reachability check, in words a user can act on.</summary>
public sealed record EndpointHealth(bool Reachable, string Detail);

namespace DeliveryConsole.Web.Api;

// Request and response bodies of the bucket operations: the emulated object store behind delivery.

public sealed record ListEndpointsResult(IReadOnlyList<EndpointJson> Endpoints);

/// <param name="Kind"><c>local</c> or <c>s3</c>. Never carries URLs with credentials or secrets.</param>
public sealed record EndpointJson(string Name, string Kind);

public sealed record EndpointBody(string Endpoint);

public sealed record BucketBody(string Endpoint, string Bucket);

/// <param name="Created">False when the bucket already existed (and is the caller's): nothing was changed.</param>
public sealed record CreateBucketResult(bool Created);

public sealed record ListBucketsResult(IReadOnlyList<string> Buckets);

/// <param name="MaxKeys">1-1000 objects per page (default 1000).</param>
public sealed record ListObjectsBody(string Endpoint, string Bucket, string? Prefix = null, string? ContinuationToken = null, int MaxKeys = 1000);

public sealed record ListObjectsResult(IReadOnlyList<ObjectJson> Objects, string? NextContinuationToken);

/// <param name="LastModified">ISO 8601, UTC.</param>
public sealed record ObjectJson(string Key, long Size, DateTimeOffset LastModified);

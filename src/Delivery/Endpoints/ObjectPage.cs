namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>One object in a listing: its key, its size in bytes and when it was last written.</summary>
public sealed record BucketObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>One page of a listing, in key order; <see cref="NextContinuationToken"/> is null on the last page.</summary>
public sealed record ObjectPage(IReadOnlyList<BucketObject> Objects, string? NextContinuationToken);

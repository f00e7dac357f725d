namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// An endpoint or bucket failed. Messages name the endpoint and bucket and never contain secrets; the subtypes
/// tell the engine which error code a task shows.
/// </summary>
public class BucketEndpointException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>The bucket does not exist on the endpoint (a task shows INVALID_OSS_BUCKET).</summary>
public sealed class BucketNotFoundException(string endpoint, string bucket, Exception? innerException = null)
    : BucketEndpointException($"bucket '{bucket}' does not exist on endpoint '{endpoint}'", innerException)
{
    public string Bucket { get; } = bucket;
}

/// <summary>
/// The endpoint refused us: credentials rejected, a bucket owned by someone else, or a local folder we may not use
/// (a task shows UNAUTHORIZED).
/// </summary>
public sealed class BucketAccessDeniedException(string message, Exception? innerException = null)
    : BucketEndpointException(message, innerException);

/// <summary>
/// The endpoint could not be reached or did not answer properly (refused connection, timeout, 5xx); the message
/// starts with <c>endpoint unreachable: </c> (a task shows INVALID_OSS_BUCKET with that detail).
/// </summary>
public sealed class EndpointUnreachableException(string detail, Exception? innerException = null)
    : BucketEndpointException($"endpoint unreachable: {detail}", innerException);

/// <summary>The bucket exists but holds no object with that key.</summary>
public sealed class BucketObjectNotFoundException(string bucket, string key, Exception? innerException = null)
    : BucketEndpointException($"object '{key}' does not exist in bucket '{bucket}'", innerException)
{
    public string Key { get; } = key;
}

using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>Turns what the AWS SDK throws into the endpoint's exceptions, in words without secrets.</summary>
internal static class S3Errors
{
    private static readonly HashSet<string> Rejections = ["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
        "InvalidToken", "ExpiredToken", "AllAccessDisabled", "AccountProblem"];

    /// <summary>
    /// The exception to throw instead of <paramref name="e"/>, or <paramref name="e"/> itself when it is the
    /// caller's cancellation or not the SDK's.
    /// </summary>
    public static Exception Map(Exception e, string endpoint, Uri url, string? bucket, string? key,
        CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return e;
        if (e is AmazonS3Exception { StatusCode: > 0 } s3 && !IsConnectionFailure(s3.InnerException))
            return FromAnswer(s3, endpoint, url, bucket, key);
        if (IsConnectionFailure(e) || e is AmazonServiceException)
            return new EndpointUnreachableException($"{url}: {Describe(e)}", e);
        return e;
    }

    public static bool IsRejection(AmazonS3Exception e) =>
        e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || Rejections.Contains(e.ErrorCode ?? "");

    private static Exception FromAnswer(AmazonS3Exception e, string endpoint, Uri url, string? bucket, string? key)
    {
        if (IsRejection(e))
            return new BucketAccessDeniedException(
                $"endpoint '{endpoint}' ({url}) rejected the access key or its rights: {e.ErrorCode ?? e.StatusCode.ToString()}", e);
        if (e.ErrorCode == "NoSuchBucket" && bucket is not null)
            return new BucketNotFoundException(endpoint, bucket, e);
        if (e.ErrorCode == "NoSuchKey" && bucket is not null && key is not null)
            return new BucketObjectNotFoundException(bucket, key, e);
        if ((int)e.StatusCode >= 500)
            return new EndpointUnreachableException($"{url}: answered {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", e);
        return new BucketEndpointException(
            $"endpoint '{endpoint}' ({url}) refused the request: {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", e);
    }

    private static bool IsConnectionFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException)
                return true;
        return false;
    }

    private static string Describe(Exception e) =>
        e is OperationCanceledException || e.InnerException is OperationCanceledException
            ? "no answer in time"
            : (e.InnerException ?? e).Message;
}

using DeliveryConsole.Delivery.Buckets;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>Why a task cannot deliver now, in the error code and words DescribeDeliveryTask shows.</summary>
internal sealed class DeliveryFault(TaskErrorCode code, string detail) : Exception(detail)
{
    public TaskErrorCode Code { get; } = code;

    /// <summary>
    /// The code a failure shows: a missing bucket INVALID_OSS_BUCKET, a refusal UNAUTHORIZED, an unreachable
    /// endpoint INVALID_OSS_BUCKET once it has failed for <paramref name="grace"/> (OK before), anything else OK.
    /// </summary>
    public static TaskErrorCode CodeOf(Exception failure, TimeSpan failingFor, TimeSpan grace) => failure switch
    {
        DeliveryFault fault => fault.Code,
        BucketNotFoundException => TaskErrorCode.InvalidOssBucket,
        BucketAccessDeniedException => TaskErrorCode.Unauthorized,
        EndpointUnreachableException when failingFor >= grace => TaskErrorCode.InvalidOssBucket,
        _ => TaskErrorCode.Ok,
    };
}

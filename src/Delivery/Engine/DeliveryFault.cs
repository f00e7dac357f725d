using DeliveryConsole.Delivery.Buckets;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>Why a task cannot deliver now, in the error code and words DescribeDeliveryTask shows.</summary>
internal sealed class DeliveryFault(TaskErrorCode code, string detail) : Exception(detail)
{
    /// <summary>How long an unreachable endpoint is retried before the task reports it.</summary>
    public static readonly TimeSpan UnreachableGrace = TimeSpan.FromSeconds(30);

    public TaskErrorCode Code { get; } = code;

    /// <summary>
    /// The code a failure shows: a missing bucket INVALID_OSS_BUCKET, a refusal UNAUTHORIZED, an unreachable
    /// endpoint INVALID_OSS_BUCKET once it has failed for <see cref="UnreachableGrace"/> (OK before), anything else OK.
    /// </summary>
    public static TaskErrorCode CodeOf(Exception failure, TimeSpan failingFor) => failure switch
    {
        DeliveryFault fault => fault.Code,
        BucketNotFoundException => TaskErrorCode.InvalidOssBucket,
        BucketAccessDeniedException => TaskErrorCode.Unauthorized,
        EndpointUnreachableException when failingFor >= UnreachableGrace => TaskErrorCode.InvalidOssBucket,
        _ => TaskErrorCode.Ok,
    };
}

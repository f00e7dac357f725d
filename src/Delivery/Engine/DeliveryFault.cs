using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>Why a task cannot deliver now, in the error code and words DescribeDeliveryTask shows.</summary>
internal sealed class DeliveryFault(TaskErrorCode code, string detail) : Exception(detail)
{
    public TaskErrorCode Code { get; } = code;

    /// <summary>
    /// The codes a failure shows: a missing bucket INVALID_OSS_BUCKET, a refusal UNAUTHORIZED, an unreachable
    /// endpoint INVALID_OSS_BUCKET once it has failed for <paramref name="grace"/> (before that the service's OK,
    /// with the emulator's ENDPOINT_UNREACHABLE), anything else OK with the emulator's EMULATOR_ERROR.
    /// </summary>
    public static (TaskErrorCode Code, TaskFault Fault) CodeOf(Exception failure, TimeSpan failingFor, TimeSpan grace) => failure switch
    {
        DeliveryFault fault => (fault.Code, TaskFault.None),
        BucketNotFoundException => (TaskErrorCode.InvalidOssBucket, TaskFault.None),
        BucketAccessDeniedException => (TaskErrorCode.Unauthorized, TaskFault.None),
        EndpointUnreachableException when failingFor >= grace => (TaskErrorCode.InvalidOssBucket, TaskFault.None),
        EndpointUnreachableException => (TaskErrorCode.Ok, TaskFault.EndpointUnreachable),
        _ => (TaskErrorCode.Ok, TaskFault.EmulatorError),
    };
}

namespace DeliveryConsole.Delivery.Engine;

/// <summary>A task's phase, with the real service's wire names: INIT, FULL (the snapshot), INCR (the changes).</summary>
public enum TaskPhase : byte
{
    Init = 0,
    Full = 1,
    Incr = 2,
}

/// <summary>What a task reports about its target, with the real service's wire names.</summary>
public enum TaskErrorCode : byte
{
    Ok = 0,
    Unauthorized = 1,
    InvalidOssBucket = 2,
}

/// <summary>
/// A failure the real service's error code cannot show, so it says OK: the emulator's own codes, shown in
/// DescribeDeliveryTask's <c>emulator</c> block and on the task's pages, so a task that cannot make progress
/// never looks healthy.
/// </summary>
public enum TaskFault : byte
{
    None = 0,

    /// <summary>The endpoint cannot be reached, within the grace before the task reports INVALID_OSS_BUCKET: retrying.</summary>
    EndpointUnreachable = 1,

    /// <summary>A failure with no error code of the real service (an emulator fault): retrying.</summary>
    EmulatorError = 2,
}

/// <summary>Wire names of <see cref="TaskPhase"/>, <see cref="TaskErrorCode"/> and <see cref="TaskFault"/>.</summary>
public static class TaskStatusNames
{
    public static string WireName(this TaskPhase phase) => phase switch
    {
        TaskPhase.Init => "INIT",
        TaskPhase.Full => "FULL",
        TaskPhase.Incr => "INCR",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    public static string WireName(this TaskErrorCode code) => code switch
    {
        TaskErrorCode.Ok => "OK",
        TaskErrorCode.Unauthorized => "UNAUTHORIZED",
        TaskErrorCode.InvalidOssBucket => "INVALID_OSS_BUCKET",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static string WireName(this TaskFault fault) => fault switch
    {
        TaskFault.None => "OK",
        TaskFault.EndpointUnreachable => "ENDPOINT_UNREACHABLE",
        TaskFault.EmulatorError => "EMULATOR_ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    /// <summary>
    /// The emulator's error code of a task: its <see cref="TaskState.Fault"/> when it has one, else the real
    /// service's code (OK, UNAUTHORIZED, INVALID_OSS_BUCKET).
    /// </summary>
    public static string EmulatorErrorCode(this TaskState state) =>
        state.Fault != TaskFault.None ? state.Fault.WireName() : state.ErrorCode.WireName();

    /// <summary>True while the task cannot make progress, whether or not the real service's code shows it.</summary>
    public static bool IsFailing(this TaskState state) =>
        state.ErrorCode != TaskErrorCode.Ok || state.Fault != TaskFault.None;
}

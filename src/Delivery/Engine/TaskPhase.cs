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

/// <summary>Wire names of <see cref="TaskPhase"/> and <see cref="TaskErrorCode"/>.</summary>
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
}

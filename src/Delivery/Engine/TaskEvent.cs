namespace DeliveryConsole.Delivery.Engine;

/// <summary>Something that happened to a task, for its timeline: <paramref name="Level"/> is info or error.</summary>
public sealed record TaskEvent(DateTimeOffset Time, string Level, string Message)
{
    public const string Info = "info";
    public const string Error = "error";
}

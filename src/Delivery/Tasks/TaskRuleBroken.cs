namespace DeliveryConsole.Delivery.Tasks;

/// <summary>Stops validation at the first broken rule; caught only by <see cref="DeliveryTaskValidator"/>.</summary>
internal sealed class TaskRuleBroken(DeliveryTaskError error) : Exception(error.Message)
{
    public DeliveryTaskError Error { get; } = error;

    public static TaskRuleBroken Invalid(string field, string message) => new(DeliveryTaskError.Invalid(field, message));

    public static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw Invalid(field, $"{field} is required.") : value;
}

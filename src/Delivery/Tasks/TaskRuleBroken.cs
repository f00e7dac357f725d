using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>Stops validation at the first broken rule; caught only by <see cref="DeliveryTaskValidator"/>.</summary>
internal sealed class TaskRuleBroken(DeliveryTaskError error) : Exception(error.Message)
{
    public DeliveryTaskError Error { get; } = error;

    /// <summary>An OTSParameterInvalid error on <paramref name="field"/>; <paramref name="rule"/> follows the field's name.</summary>
    public static TaskRuleBroken Invalid(string field, FormattableString rule) => Invalid(new TaskField(field), rule);

    public static TaskRuleBroken Invalid(TaskField subject, FormattableString rule) =>
        new(DeliveryTaskError.Of(TableStoreError.ParameterInvalid, subject, rule));

    public static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw Invalid(field, $"is required.") : value;
}

using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>The errors the request's own rules give: OTSParameterInvalid, in the words of <see cref="DeliveryTaskError.Of"/>.</summary>
internal static class BrokenRule
{
    /// <summary>An error on <paramref name="field"/>; <paramref name="rule"/> follows the field's name.</summary>
    public static DeliveryTaskError Invalid(string field, FormattableString rule) => Invalid(new TaskField(field), rule);

    public static DeliveryTaskError Invalid(TaskField subject, FormattableString rule) =>
        DeliveryTaskError.Of(TableStoreError.ParameterInvalid, subject, rule);

    /// <summary>The error for a required <paramref name="field"/> left out or empty.</summary>
    public static DeliveryTaskError Required(string field) => Invalid(field, $"is required.");
}

using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class IdentityRules
{
    public const string TableNameField = "tableName";
    public const string TaskNameField = "taskName";
    public const string TaskTypeField = "taskType";

    public static RuleResult<string> TableName(string? value) =>
        string.IsNullOrEmpty(value) ? BrokenRule.Required(TableNameField)
        : SchemaRules.IsName(value) ? value
        : BrokenRule.Invalid(new TaskField(TableNameField, value), $"is invalid: {SchemaRules.NameRule}");

    public static RuleResult<string> TaskName(string? value) =>
        string.IsNullOrEmpty(value) ? BrokenRule.Required(TaskNameField)
        : TaskNamePattern().IsMatch(value) ? value
        : BrokenRule.Invalid(TaskNameField,
            $"must be 3-16 lowercase letters, digits and hyphens, starting and ending with a letter or digit, not '{value}'.");

    public static RuleResult<DeliveryTaskType> TaskType(string? value) =>
        value is null ? DeliveryTaskType.BaseInc
        : DeliveryTaskTypes.TryParse(value, out var type) ? type
        : BrokenRule.Invalid(TaskTypeField, $"must be {WireNames.Alternatives(DeliveryTaskTypes.All, DeliveryTaskTypes.WireName)}, not '{value}'.");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,14}[a-z0-9]\z")]
    private static partial Regex TaskNamePattern();
}

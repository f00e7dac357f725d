using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class IdentityRules
{
    public const string TableNameField = "tableName";
    public const string TaskNameField = "taskName";
    public const string TaskTypeField = "taskType";

    public static string TableName(string? value)
    {
        var name = TaskRuleBroken.Required(value, TableNameField);
        return SchemaRules.IsName(name) ? name : throw TaskRuleBroken.Invalid(new TaskField(TableNameField, name), $"is invalid: {SchemaRules.NameRule}");
    }

    public static string TaskName(string? value)
    {
        var name = TaskRuleBroken.Required(value, TaskNameField);
        return TaskNamePattern().IsMatch(name) ? name : throw TaskRuleBroken.Invalid(TaskNameField,
            $"must be 3-16 lowercase letters, digits and hyphens, starting and ending with a letter or digit, not '{name}'.");
    }

    public static DeliveryTaskType TaskType(string? value) =>
        value is null ? DeliveryTaskType.BaseInc
        : DeliveryTaskTypes.TryParse(value, out var type) ? type
        : throw TaskRuleBroken.Invalid(TaskTypeField, $"must be BASE, INC or BASE_INC, not '{value}'.");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,14}[a-z0-9]\z")]
    private static partial Regex TaskNamePattern();
}

using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static class EventTimeRules
{
    public const string ColumnNameField = "taskConfig.eventTimeColumn.columnName";
    public const string TimeFormatField = "taskConfig.eventTimeColumn.timeFormat";

    public static EventTimeColumn? EventTimeColumn(EventTimeColumnConfig? config)
    {
        if (config is null)
            return null;
        var columnName = TaskRuleBroken.Required(config.ColumnName, ColumnNameField);
        if (!SchemaRules.IsName(columnName))
            throw TaskRuleBroken.Invalid(new TaskField(ColumnNameField, columnName), $"is invalid: {SchemaRules.NameRule}");
        var formatName = TaskRuleBroken.Required(config.TimeFormat, TimeFormatField);
        foreach (var format in Enum.GetValues<EventTimeFormat>())
        {
            if (format.ToString() == formatName)
                return new EventTimeColumn(columnName, format);
        }
        throw TaskRuleBroken.Invalid(TimeFormatField,
            $"must be RFC822, RFC850, RFC1123, RFC3339 or Unix, not '{formatName}'.");
    }
}

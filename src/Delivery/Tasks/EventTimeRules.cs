using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static class EventTimeRules
{
    public const string ColumnNameField = "taskConfig.eventTimeColumn.columnName";
    public const string TimeFormatField = "taskConfig.eventTimeColumn.timeFormat";

    /// <summary>The event-time column the request names; null (absent) means partitions follow write time.</summary>
    public static RuleResult<EventTimeColumn?> EventTimeColumn(EventTimeColumnConfig? config)
    {
        if (config is null)
            return (EventTimeColumn?)null;
        var columnName = config.ColumnName;
        if (string.IsNullOrEmpty(columnName))
            return BrokenRule.Required(ColumnNameField);
        if (!SchemaRules.IsName(columnName))
            return BrokenRule.Invalid(new TaskField(ColumnNameField, columnName), $"is invalid: {SchemaRules.NameRule}");
        var formatName = config.TimeFormat;
        if (string.IsNullOrEmpty(formatName))
            return BrokenRule.Required(TimeFormatField);
        foreach (var format in Enum.GetValues<EventTimeFormat>())
        {
            if (format.ToString() == formatName)
                return new EventTimeColumn(columnName, format);
        }
        return BrokenRule.Invalid(TimeFormatField,
            $"must be RFC822, RFC850, RFC1123, RFC3339 or Unix, not '{formatName}'.");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>
/// What the wizard calls each field of the request: the label on the form and the name in its messages, where the
/// API names the same field by its path (<c>taskConfig.ossPrefix</c> is "Prefix"). The steps label their fields
/// with these constants, so a message names the field the way the form shows it.
/// </summary>
public static partial class WizardLabels
{
    public const string TaskName = "Task name";
    public const string SourceTable = "Source table";
    public const string Mode = "Mode";
    public const string Endpoint = "Endpoint";
    public const string Bucket = "Bucket";
    public const string Prefix = "Prefix";
    public const string Role = "Role ARN";
    public const string DirtyPrefix = "Dirty-data prefix";
    public const string EventTimeColumn = "Event-time column";
    public const string TimeFormat = "Time format";
    public const string Schema = "Schema";
    public const string SourceColumn = "Source column";
    public const string ParquetColumn = "Parquet column";
    public const string ParquetType = "Parquet type";
    public const string TypeExtend = "Precision and scale";
    public const string Encoding = "Encoding";
    public const string FlushInterval = "Flush interval";
    public const string FlushSize = "Flush size";
    public const string TimeZone = "Partition time zone";

    private static readonly Dictionary<string, string> ByPath = new(StringComparer.Ordinal)
    {
        [WizardState.TaskNameField] = TaskName,
        [WizardState.TableNameField] = SourceTable,
        ["taskType"] = Mode,
        [WizardState.EndpointField] = Endpoint,
        [WizardState.BucketField] = Bucket,
        [WizardState.PrefixField] = Prefix,
        [WizardState.RoleField] = Role,
        [WizardState.DirtyPrefixField] = DirtyPrefix,
        ["taskConfig.eventTimeColumn.columnName"] = EventTimeColumn,
        ["taskConfig.eventTimeColumn.timeFormat"] = TimeFormat,
        [WizardState.SchemaField] = Schema,
        [WizardState.FlushIntervalField] = FlushInterval,
        [WizardState.FlushSizeField] = FlushSize,
        [WizardState.TimeZoneField] = TimeZone,
    };

    private static readonly Dictionary<string, string> ByEntryPart = new(StringComparer.Ordinal)
    {
        ["columnName"] = SourceColumn,
        ["ossColumnName"] = ParquetColumn,
        ["type"] = ParquetType,
        ["typeExtend"] = TypeExtend,
        ["encode"] = Encoding,
    };

    /// <summary>The broken rule in the form's words: every field it names by its label.</summary>
    public static string Message(DeliveryTaskError error) => error.Phrase(Name);

    /// <summary>
    /// The label of the field, its quoted value after it, and for a schema entry the mapper row it is on
    /// (<c>taskConfig.schema[6].ossColumnName 'shop'</c> is "Parquet column 'shop' (row 7)"). A path the form has
    /// no field for stays a path.
    /// </summary>
    public static string Name(TaskField field)
    {
        var value = field.Value is null ? "" : $" '{field.Value}'";
        if (SchemaEntry().Match(field.Path) is { Success: true } entry)
        {
            var row = int.Parse(entry.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
            var label = entry.Groups["part"].Success ? ByEntryPart.GetValueOrDefault(entry.Groups["part"].Value, entry.Groups["part"].Value) : "Column";
            return $"{label}{value} (row {row})";
        }
        return ByPath.GetValueOrDefault(field.Path, field.Path) + value;
    }

    [GeneratedRegex(@"^taskConfig\.schema\[(?<index>[0-9]+)\](\.(?<part>[A-Za-z]+))?\z")]
    private static partial Regex SchemaEntry();
}

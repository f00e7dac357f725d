using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>
/// The CreateDeliveryTask rules one field at a time, for a form that checks each field as it is typed. Each
/// method runs the validator's own rule and returns the broken rule (null when the value passes), so the form and
/// the API judge alike; the form phrases it with its labels (<see cref="DeliveryTaskError.Phrase"/>). Where the
/// form uses the parsed value (the prefix, the time zone), the rule's whole <see cref="RuleResult{T}"/> is returned.
/// </summary>
public static class FieldRules
{
    /// <summary>A stand-in task name for the prefix's key-length rule while the real name is still invalid.</summary>
    private const string LongestTaskName = "aaaaaaaaaaaaaaaa";

    public static DeliveryTaskError? TaskName(string? value) => IdentityRules.TaskName(value).Error;

    public static DeliveryTaskError? TableName(string? value) => IdentityRules.TableName(value).Error;

    public static DeliveryTaskError? Endpoint(string? value, IReadOnlyCollection<string> configured) =>
        OssTargetRules.Endpoint(value, configured).Error;

    /// <summary>The rule of the schema as a whole: at least one column (the rules across entries land on an entry: <see cref="Schema"/>).</summary>
    public static DeliveryTaskError? SchemaList(IReadOnlyList<SchemaColumn> columns) =>
        columns.Count == 0 ? SchemaColumnRules.NoColumns() : null;

    public static DeliveryTaskError? Bucket(string? value) => OssTargetRules.Bucket(value).Error;

    public static DeliveryTaskError? Role(string? value, string accountId) => OssTargetRules.Role(value, accountId).Error;

    /// <summary>
    /// The ossPrefix parsed, or its broken rule; the key-length rule counts <paramref name="taskName"/> (the longest
    /// name while it is invalid). A form keeps the template for its previews, so the text is parsed once.
    /// </summary>
    public static RuleResult<PrefixTemplate> Prefix(string? value, string? taskName, string? extension) =>
        PrefixRules.Prefix(value, KeyTaskName(taskName), extension);

    /// <summary>
    /// The ossDirtyPrefix rules; blank means "not delivered" and passes. It is compared with the main
    /// <paramref name="prefix"/> only while that one is valid (null otherwise: its own error shows on its own field).
    /// </summary>
    public static DeliveryTaskError? DirtyPrefix(string? value, PrefixTemplate? prefix, string? taskName, string? extension) =>
        string.IsNullOrEmpty(value) ? null : PrefixRules.DirtyPrefix(value, prefix, KeyTaskName(taskName), extension).Error;

    /// <summary>
    /// The schema rules per entry of the columns a form holds: the error of each entry's own rules (column name,
    /// destination name, encoding for its type), and, once every entry passes, a destination name that repeats an
    /// earlier one on the later entry. One slot per entry.
    /// </summary>
    public static IReadOnlyList<DeliveryTaskError?> Schema(IReadOnlyList<SchemaColumn> columns)
    {
        var errors = new DeliveryTaskError?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
            errors[i] = SchemaColumnRules.ColumnError(columns[i], SchemaColumnRules.EntryPath(i));
        if (errors.Any(error => error is not null))
            return errors;
        for (var i = 1; i < columns.Count; i++)
        {
            if (SchemaColumnRules.RepeatedName(columns, i) is { } repeated)
            {
                errors[i] = repeated;
                break;
            }
        }
        return errors;
    }

    /// <summary>The emulator block's flush interval in seconds; null means the instance's.</summary>
    public static DeliveryTaskError? FlushInterval(int? seconds) => EmulatorRules.FlushInterval(seconds, TimeSpan.Zero).Error;

    /// <summary>The emulator block's flush size in MiB; null means the instance's.</summary>
    public static DeliveryTaskError? FlushSize(int? mebibytes) => EmulatorRules.FlushSizeBytes(mebibytes, 0).Error;

    /// <summary>The emulator block's partition time zone resolved, or its broken rule; null means <paramref name="instanceZone"/>.</summary>
    public static RuleResult<TimeZoneInfo> TimeZone(string? id, TimeZoneInfo instanceZone) => EmulatorRules.TimeZone(id, instanceZone);

    private static string KeyTaskName(string? taskName) => TaskName(taskName) is null ? taskName! : LongestTaskName;
}

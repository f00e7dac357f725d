using System.Globalization;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>
/// The CreateDeliveryTask rules one field at a time, for a form that checks each field as it is typed. Each
/// method runs the validator's own rule and returns the broken rule (null when the value passes), so the form and
/// the API judge alike; the form phrases it with its labels (<see cref="DeliveryTaskError.Phrase"/>).
/// </summary>
public static class FieldRules
{
    /// <summary>A stand-in task name for the prefix's key-length rule while the real name is still invalid.</summary>
    private const string LongestTaskName = "aaaaaaaaaaaaaaaa";

    public static DeliveryTaskError? TaskName(string? value) => Check(() => IdentityRules.TaskName(value));

    public static DeliveryTaskError? TableName(string? value) => Check(() => IdentityRules.TableName(value));

    public static DeliveryTaskError? Endpoint(string? value, IReadOnlyCollection<string> configured) =>
        Check(() => OssTargetRules.Endpoint(value, configured));

    /// <summary>The rules of the schema as a whole (such as "at least one column"), the first broken one.</summary>
    public static DeliveryTaskError? SchemaList(IReadOnlyList<SchemaColumnConfig> entries) => Check(() => SchemaColumnRules.Schema(entries));

    public static DeliveryTaskError? Bucket(string? value) => Check(() => OssTargetRules.Bucket(value));

    public static DeliveryTaskError? Role(string? value, string accountId) => Check(() => OssTargetRules.Role(value, accountId));

    /// <summary>The ossPrefix rules; the key-length rule counts <paramref name="taskName"/> (the longest name while it is invalid).</summary>
    public static DeliveryTaskError? Prefix(string? value, string? taskName, string? extension) =>
        Check(() => PrefixRules.Prefix(value, KeyTaskName(taskName), extension));

    /// <summary>The ossDirtyPrefix rules; blank means "not delivered" and passes.</summary>
    public static DeliveryTaskError? DirtyPrefix(string? value, string? prefix, string? taskName, string? extension)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return Check(() =>
        {
            var name = KeyTaskName(taskName);
            // Compared with the main prefix only when that one is valid; its own error is shown on its own field.
            // Meanwhile any other valid prefix stands in for it, so only the dirty prefix's own rules apply.
            var main = Partitioning.PrefixTemplate.TryParse(prefix, out var template, out _) ? template
                : Partitioning.PrefixTemplate.Parse(value.TrimEnd('/') == "a" ? "b" : "a");
            PrefixRules.DirtyPrefix(value, main, name, extension);
        });
    }

    /// <summary>
    /// The schema rules per entry: the error of each entry's own rules (column name, destination name, type,
    /// encoding), and a destination name that repeats an earlier one on the later entry. One slot per entry.
    /// </summary>
    public static IReadOnlyList<DeliveryTaskError?> Schema(IReadOnlyList<SchemaColumnConfig> entries)
    {
        var errors = new DeliveryTaskError?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{SchemaColumnRules.SchemaField}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var entry = entries[i];
            errors[i] = Check(() => SchemaColumnRules.Column(entry, path));
        }
        // The whole list adds the rule across entries (unique destination names); its first error names its entry.
        if (errors.All(error => error is null) && entries.Count > 0
            && Check(() => SchemaColumnRules.Schema(entries)) is { } listError
            && IndexOf(listError.Field) is { } index && index < entries.Count)
            errors[index] = listError;
        return errors;
    }

    /// <summary>The emulator block's flush interval in seconds; null means the instance's.</summary>
    public static DeliveryTaskError? FlushInterval(int? seconds) => Check(() => EmulatorRules.FlushInterval(seconds, TimeSpan.Zero));

    /// <summary>The emulator block's flush size in MiB; null means the instance's.</summary>
    public static DeliveryTaskError? FlushSize(int? mebibytes) => Check(() => EmulatorRules.FlushSizeBytes(mebibytes, 0));

    /// <summary>The emulator block's partition time zone; null means <paramref name="instanceZone"/>.</summary>
    public static DeliveryTaskError? TimeZone(string? id, TimeZoneInfo instanceZone) => Check(() => EmulatorRules.TimeZone(id, instanceZone));

    private static string KeyTaskName(string? taskName) => TaskName(taskName) is null ? taskName! : LongestTaskName;

    private static int? IndexOf(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture, out var index)
            ? index : null;
    }

    private static DeliveryTaskError? Check<T>(Func<T> rule) => Check(() => { rule(); });

    private static DeliveryTaskError? Check(Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (TaskRuleBroken broken)
        {
            return broken.Error;
        }
    }
}

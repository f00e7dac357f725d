using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tasks;

internal static class PrefixRules
{
    public const string PrefixField = "taskConfig.ossPrefix";
    public const string DirtyPrefixField = "taskConfig.ossDirtyPrefix";

    public static PrefixTemplate Prefix(string? value, string taskName, string? extension) =>
        Parse(TaskRuleBroken.Required(value, PrefixField), PrefixField, taskName, extension);

    public static PrefixTemplate? DirtyPrefix(string? value, PrefixTemplate prefix, string taskName, string? extension)
    {
        if (value is null)
            return null;
        var dirty = Parse(value, DirtyPrefixField, taskName, extension);
        return dirty.Text != prefix.Text ? dirty : throw TaskRuleBroken.Invalid(DirtyPrefixField,
            $"must differ from {new TaskField(PrefixField)}: dirty-record objects would take the names of delivered objects.");
    }

    private static PrefixTemplate Parse(string value, string field, string taskName, string? extension)
    {
        if (!PrefixTemplate.TryParse(value, out var template, out var error))
            throw TaskRuleBroken.Invalid(field, $"{error}");
        var keyBytes = ObjectKeys.LongestKeyByteCount(template, taskName, extension);
        return keyBytes <= ObjectKeys.MaxKeyBytes ? template : throw TaskRuleBroken.Invalid(field,
            $"is too long: it appears twice in every object key, making keys of up to {keyBytes} bytes (UTF-8) where OSS allows {ObjectKeys.MaxKeyBytes}.");
    }
}

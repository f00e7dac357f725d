using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tasks;

internal static class PrefixRules
{
    public const string PrefixField = "taskConfig.ossPrefix";
    public const string DirtyPrefixField = "taskConfig.ossDirtyPrefix";

    public static RuleResult<PrefixTemplate> Prefix(string? value, string taskName, string? extension) =>
        string.IsNullOrEmpty(value) ? BrokenRule.Required(PrefixField) : Parse(value, PrefixField, taskName, extension);

    /// <summary>
    /// The dirty-record prefix; null (absent) means dirty records are not delivered. It must differ from
    /// <paramref name="prefix"/>, which a form passes as null while the main prefix breaks a rule of its own.
    /// </summary>
    public static RuleResult<PrefixTemplate?> DirtyPrefix(string? value, PrefixTemplate? prefix, string taskName, string? extension)
    {
        if (value is null)
            return (PrefixTemplate?)null;
        if (!Parse(value, DirtyPrefixField, taskName, extension).TryGet(out var dirty, out var error))
            return error;
        return dirty.Text != prefix?.Text ? dirty : BrokenRule.Invalid(DirtyPrefixField,
            $"must differ from {new TaskField(PrefixField)}: dirty-record objects would take the names of delivered objects.");
    }

    private static RuleResult<PrefixTemplate> Parse(string value, string field, string taskName, string? extension)
    {
        if (!PrefixTemplate.TryParse(value, out var template, out var error))
            return BrokenRule.Invalid(field, $"{error}");
        var keyBytes = ObjectKeys.LongestKeyByteCount(template, taskName, extension);
        return keyBytes <= ObjectKeys.MaxKeyBytes ? template : BrokenRule.Invalid(field,
            $"is too long: it appears twice in every object key, making keys of up to {keyBytes} bytes (UTF-8) where OSS allows {ObjectKeys.MaxKeyBytes}.");
    }
}

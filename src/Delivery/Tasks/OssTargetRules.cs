using DeliveryConsole.Delivery.Endpoints;
using System.Text.RegularExpressions;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class OssTargetRules
{
    public const string BucketField = "taskConfig.ossBucket";
    public const string EndpointField = "taskConfig.ossEndpoint";
    public const string RoleField = "taskConfig.ossStsRole";
    public const string FormatField = "taskConfig.format";
    public const string ParquetFormat = "Parquet";

    public static RuleResult<string> Bucket(string? value) =>
        string.IsNullOrEmpty(value) ? BrokenRule.Required(BucketField)
        : BucketNames.IsValid(value) ? value
        : BrokenRule.Invalid(BucketField,
            $"must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, not '{value}'.");

    /// <summary>The configured endpoint <paramref name="value"/> names, spelled as configured.</summary>
    public static RuleResult<string> Endpoint(string? value, IReadOnlyCollection<string> configured)
    {
        if (string.IsNullOrEmpty(value))
            return BrokenRule.Required(EndpointField);
        var match = configured.FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
            return match;
        var names = configured.Count == 0 ? "(none)" : string.Join(", ", configured.Order(StringComparer.OrdinalIgnoreCase));
        return BrokenRule.Invalid(new TaskField(EndpointField, value), $"is not configured on this instance; configured: {names}.");
    }

    public static RuleResult<string> Role(string? value, string accountId) =>
        string.IsNullOrEmpty(value) ? BrokenRule.Required(RoleField)
        : RolePattern().IsMatch(value) ? value
        : BrokenRule.Invalid(RoleField,
            $"must have the form acs:ram::<accountId>:role/<roleName> (a 16-digit account id and a role name of 1-64 letters, digits, '.', '-' or '_'), such as acs:ram::{accountId}:role/aliyunserviceroleforotsdatadelivery, not '{value}'.");

    /// <summary>The broken rule when <paramref name="value"/> names a format other than Parquet; absent means Parquet.</summary>
    public static DeliveryTaskError? Format(string? value) =>
        value is not null && value != ParquetFormat
            ? BrokenRule.Invalid(FormatField, $"must be '{ParquetFormat}' (the only format), not '{value}'.")
            : null;

    [GeneratedRegex(@"^acs:ram::[0-9]{16}:role/[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex RolePattern();
}

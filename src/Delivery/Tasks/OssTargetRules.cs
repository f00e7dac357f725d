using DeliveryConsole.Delivery.Buckets;
using System.Text.RegularExpressions;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class OssTargetRules
{
    public const string BucketField = "taskConfig.ossBucket";
    public const string EndpointField = "taskConfig.ossEndpoint";
    public const string RoleField = "taskConfig.ossStsRole";
    public const string FormatField = "taskConfig.format";
    public const string ParquetFormat = "Parquet";

    public static string Bucket(string? value)
    {
        var bucket = TaskRuleBroken.Required(value, BucketField);
        return BucketNames.IsValid(bucket) ? bucket : throw TaskRuleBroken.Invalid(BucketField,
            $"must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, not '{bucket}'.");
    }

    public static string Endpoint(string? value, IReadOnlyCollection<string> configured)
    {
        var endpoint = TaskRuleBroken.Required(value, EndpointField);
        var match = configured.FirstOrDefault(name => string.Equals(name, endpoint, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
            return match;
        var names = configured.Count == 0 ? "(none)" : string.Join(", ", configured.Order(StringComparer.OrdinalIgnoreCase));
        throw TaskRuleBroken.Invalid(new TaskField(EndpointField, endpoint), $"is not configured on this instance; configured: {names}.");
    }

    public static string Role(string? value, string accountId)
    {
        var role = TaskRuleBroken.Required(value, RoleField);
        return RolePattern().IsMatch(role) ? role : throw TaskRuleBroken.Invalid(RoleField,
            $"must have the form acs:ram::<accountId>:role/<roleName> (a 16-digit account id and a role name of 1-64 letters, digits, '.', '-' or '_'), such as acs:ram::{accountId}:role/aliyunserviceroleforotsdatadelivery, not '{role}'.");
    }

    public static void Format(string? value)
    {
        if (value is not null && value != ParquetFormat)
            throw TaskRuleBroken.Invalid(FormatField, $"must be '{ParquetFormat}' (the only format), not '{value}'.");
    }

    [GeneratedRegex(@"^acs:ram::[0-9]{16}:role/[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex RolePattern();
}

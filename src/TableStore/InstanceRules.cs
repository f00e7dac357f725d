using System.Text.RegularExpressions;

namespace DeliveryConsole.TableStore;

/// <summary>The rules for an instance's identity, as the real service applies them.</summary>
public static partial class InstanceRules
{
    /// <summary>Null when <paramref name="name"/> is a valid instance name, else the rule it breaks.</summary>
    public static string? CheckName(string? name) =>
        name is not null && NamePattern().IsMatch(name)
            ? null
            : "must be 3-16 characters of letters, digits and hyphens, start with a letter and not end with a hyphen";

    /// <summary>Null when <paramref name="accountId"/> is a valid account id, else the rule it breaks.</summary>
    public static string? CheckAccountId(string? accountId) =>
        accountId is not null && AccountIdPattern().IsMatch(accountId) ? null : "must be exactly 16 digits";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,14}[A-Za-z0-9]\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9]{16}\z")]
    private static partial Regex AccountIdPattern();
}

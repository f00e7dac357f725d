using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

/// <summary>Prefix templates from text a test knows to be valid.</summary>
internal static class Prefixes
{
    public static PrefixTemplate Template(string prefix) =>
        PrefixTemplate.TryParse(prefix, out var template, out var error) ? template
        : throw new ArgumentException($"'{prefix}' {error}", nameof(prefix));
}

using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>What a CreateDeliveryTask request is checked against: the instance's settings and current state.</summary>
public sealed record TaskValidationContext
{
    public const int DefaultFlushIntervalSeconds = 120;
    public const long DefaultFlushSizeMiB = 64;

    /// <summary>The endpoint names an ossEndpoint may name (compared ignoring case, as host names are).</summary>
    public required IReadOnlyCollection<string> EndpointNames { get; init; }

    /// <summary>The instance's account id; shown in the example role ARN when ossStsRole is malformed.</summary>
    public required string AccountId { get; init; }

    /// <summary>The table named by the argument, or null when there is none.</summary>
    public required Func<string, TableMeta?> FindTable { get; init; }

    /// <summary>True when a task of any table of the instance already has the name given.</summary>
    public required Func<string, bool> TaskNameInUse { get; init; }

    public TimeSpan DefaultFlushInterval { get; init; } = TimeSpan.FromSeconds(DefaultFlushIntervalSeconds);

    public long DefaultFlushSizeBytes { get; init; } = DefaultFlushSizeMiB * 1024 * 1024;

    public TimeZoneInfo DefaultTimeZone { get; init; } = PartitionTimeZone.Resolve(null);

    /// <summary>The extension appended to object names (such as <c>.parquet</c>), or null; it counts toward key length.</summary>
    public string? ObjectExtension { get; init; }
}

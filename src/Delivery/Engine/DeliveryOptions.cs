using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>The instance's delivery settings: defaults a task may override, and how the engine paces itself.</summary>
public sealed record DeliveryOptions
{
    /// <summary>The role every task's ossStsRole must name (with the instance's account id), case-insensitively.</summary>
    public const string ServiceRoleName = "aliyunserviceroleforotsdatadelivery";

    /// <summary>The instance's 16-digit account id, the one in a valid ossStsRole.</summary>
    public required string AccountId { get; init; }

    public TimeSpan DefaultFlushInterval { get; init; } = TimeSpan.FromSeconds(TaskValidationContext.DefaultFlushIntervalSeconds);

    public long DefaultFlushSizeBytes { get; init; } = TaskValidationContext.DefaultFlushSizeMiB * 1024 * 1024;

    public TimeZoneInfo DefaultTimeZone { get; init; } = PartitionTimeZone.Resolve(null);

    /// <summary>Appended to every object name (such as <c>.parquet</c>); null for none, as the real service.</summary>
    public string? ObjectExtension { get; init; }

    /// <summary>How long an INCR task waits before looking for new changes once it has read them all.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How much Parquet data one task may buffer over all its partitions; past it the largest partition is written
    /// early, so memory stays bounded whatever the number of partitions.
    /// </summary>
    public long MaxBufferedBytesPerTask { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Where objects larger than <see cref="ObjectMemoryLimit"/> are kept while they are written and uploaded
    /// (temp files, deleted once uploaded; the engine empties the folder when it starts).
    /// </summary>
    public string SpoolFolder { get; init; } = Path.Combine(Path.GetTempPath(), "delivery-spool");

    /// <summary>How much of an object being written stays in memory before it moves to a file in <see cref="SpoolFolder"/>.</summary>
    public long ObjectMemoryLimit { get; init; } = 4L * 1024 * 1024;

    /// <summary>The longest wait between retries of a failing task (it starts at 1 s and doubles).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an unreachable endpoint is retried before the task reports INVALID_OSS_BUCKET (30 s, as the service).</summary>
    public TimeSpan UnreachableGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The role ARN that lets tasks write: acs:ram::&lt;accountId&gt;:role/aliyunserviceroleforotsdatadelivery.</summary>
    public string ServiceRoleArn => $"acs:ram::{AccountId}:role/{ServiceRoleName}";

    internal TaskValidationContext ValidationContext(IReadOnlyCollection<string> endpointNames,
        Func<string, TableStore.Model.TableMeta?> findTable, Func<string, bool> taskNameInUse) => new()
        {
            EndpointNames = endpointNames,
            AccountId = AccountId,
            FindTable = findTable,
            TaskNameInUse = taskNameInUse,
            DefaultFlushInterval = DefaultFlushInterval,
            DefaultFlushSizeBytes = DefaultFlushSizeBytes,
            DefaultTimeZone = DefaultTimeZone,
            ObjectExtension = ObjectExtension,
        };
}

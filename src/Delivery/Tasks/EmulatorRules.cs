using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tasks;

/// <remarks>
/// A flush interval above an hour would hold rows back longer than any freshness a user of the real service
/// sees; a buffer above 1 GiB of Parquet per partition would be held in memory.
/// </remarks>
internal static class EmulatorRules
{
    public const string FlushIntervalField = "emulator.flushIntervalSeconds";
    public const string FlushSizeField = "emulator.flushSizeMiB";
    public const string TimeZoneField = "emulator.timeZone";
    public const int MaxFlushIntervalSeconds = 3600;
    public const int MaxFlushSizeMiB = 1024;

    public static RuleResult<TimeSpan> FlushInterval(int? seconds, TimeSpan instanceDefault) => seconds switch
    {
        null => instanceDefault,
        >= 1 and <= MaxFlushIntervalSeconds => TimeSpan.FromSeconds(seconds.Value),
        _ => BrokenRule.Invalid(FlushIntervalField, $"must be 1-{MaxFlushIntervalSeconds} seconds, not {seconds}."),
    };

    public static RuleResult<long> FlushSizeBytes(int? mebibytes, long instanceDefault) => mebibytes switch
    {
        null => instanceDefault,
        >= 1 and <= MaxFlushSizeMiB => mebibytes.Value * 1024L * 1024L,
        _ => BrokenRule.Invalid(FlushSizeField, $"must be 1-{MaxFlushSizeMiB} MiB, not {mebibytes}."),
    };

    public static RuleResult<TimeZoneInfo> TimeZone(string? id, TimeZoneInfo instanceDefault)
    {
        if (id is null)
            return instanceDefault;
        if (string.IsNullOrWhiteSpace(id))
            return BrokenRule.Invalid(TimeZoneField,
                $"must not be blank; leave it out to use the instance's time zone ({instanceDefault.Id}).");
        return PartitionTimeZone.TryResolve(id, out var zone, out var error) ? zone
            : BrokenRule.Invalid(TimeZoneField, $"is invalid: {error}");
    }
}

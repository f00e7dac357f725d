using System.Globalization;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Web.Components.Shared;

namespace DeliveryConsole.Web.Components.Pages.Delivery;

/// <summary>How the delivery pages put task facts into words: modes, lags, sizes, times and links.</summary>
public static class DeliveryText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The console's word for a task type (the wire name stays visible in the configuration).</summary>
    public static string Mode(DeliveryTaskType type) => type switch
    {
        DeliveryTaskType.Base => "Full",
        DeliveryTaskType.Inc => "Incremental",
        _ => "Differential",
    };

    /// <summary>A lag a person reads at a glance: "4 s", "2 min 5 s", "3 h 12 min", "2 d 4 h".</summary>
    public static string Lag(TimeSpan lag)
    {
        if (lag < TimeSpan.FromSeconds(1))
            return "under 1 s";
        if (lag < TimeSpan.FromMinutes(1))
            return string.Create(Inv, $"{(int)lag.TotalSeconds} s");
        if (lag < TimeSpan.FromHours(1))
            return string.Create(Inv, $"{(int)lag.TotalMinutes} min {lag.Seconds} s");
        if (lag < TimeSpan.FromDays(1))
            return string.Create(Inv, $"{(int)lag.TotalHours} h {lag.Minutes} min");
        return string.Create(Inv, $"{(int)lag.TotalDays} d {lag.Hours} h");
    }

    /// <summary>A task's freshness: no lag is known before the first sync time.</summary>
    public static string Freshness(long currentSyncTimeMs, TimeSpan lag) =>
        currentSyncTimeMs > 0 ? Lag(lag) + " behind" : "not synced yet";

    /// <summary>The newest commit time durably delivered (milliseconds since the epoch), in UTC; "—" before the first.</summary>
    public static string SyncTime(long currentSyncTimeMs) =>
        currentSyncTimeMs > 0 ? DisplayText.Time(DateTimeOffset.FromUnixTimeMilliseconds(currentSyncTimeMs)) : "—";

    public static string Count(long count) => count.ToString("N0", Inv);

    /// <summary>Bytes in binary units: "512 B", "1.5 KiB", "12.0 MiB".</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1024)
            return string.Create(Inv, $"{bytes} B");
        var (value, unit) = DisplayText.InBinaryUnits(bytes);
        return string.Create(Inv, $"{value:F1} {unit}");
    }

    /// <summary>The detail page of a task.</summary>
    public static string TaskHref(string tableName, string taskName) =>
        $"/delivery/{Uri.EscapeDataString(tableName)}/{Uri.EscapeDataString(taskName)}";

    /// <summary>
    /// The bucket browser opened on an object: its folder (the key up to and including the last '/') as the prefix,
    /// and the key itself selected.
    /// </summary>
    public static string ObjectHref(string endpoint, string bucket, string key)
    {
        var slash = key.LastIndexOf('/');
        var folder = slash < 0 ? "" : key[..(slash + 1)];
        return $"/buckets/{Uri.EscapeDataString(endpoint)}/{Uri.EscapeDataString(bucket)}" +
               $"?prefix={Uri.EscapeDataString(folder)}&key={Uri.EscapeDataString(key)}";
    }
}

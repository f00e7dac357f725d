using System.Globalization;

namespace DeliveryConsole.Web.Components.Shared;

/// <summary>How every page prints a time and scales a size, so the console says them one way.</summary>
public static class DisplayText
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary>A moment in UTC: "2026-11-24 10:55:02 UTC".</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Time(DateTimeOffset)"/>; "—" for a moment that has not come yet.</summary>
    public static string Time(DateTimeOffset? time) => time is { } t ? Time(t) : "—";

    /// <summary>A size of at least 1 KiB in its largest binary unit: 1,536 bytes is (1.5, "KiB").</summary>
    public static (double Value, string Unit) InBinaryUnits(long bytes)
    {
        var (value, unit) = (bytes / 1024.0, 0);
        while (value >= 1024 && unit < Units.Length - 1)
            (value, unit) = (value / 1024, unit + 1);
        return (value, Units[unit]);
    }
}

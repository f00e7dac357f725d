using System.Globalization;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

/// <summary>Object sizes and times as the bucket pages print them.</summary>
public static class Sizes
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary>Exact bytes, with a rounded binary unit beside them once it helps: "1,536 bytes (1.5 KiB)".</summary>
    public static string Text(long bytes)
    {
        var exact = string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} {(bytes == 1 ? "byte" : "bytes")}");
        if (bytes < 1024)
            return exact;
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
            (value, unit) = (value / 1024, unit + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{exact} ({value:0.#} {Units[unit]})");
    }

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

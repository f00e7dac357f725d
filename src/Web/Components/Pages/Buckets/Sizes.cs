using System.Globalization;
using DeliveryConsole.Web.Components.Shared;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

/// <summary>Object sizes as the bucket pages print them.</summary>
public static class Sizes
{
    /// <summary>Exact bytes, with a rounded binary unit beside them once it helps: "1,536 bytes (1.5 KiB)".</summary>
    public static string Text(long bytes)
    {
        var exact = string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} {(bytes == 1 ? "byte" : "bytes")}");
        if (bytes < 1024)
            return exact;
        var (value, unit) = DisplayText.InBinaryUnits(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"{exact} ({value:0.#} {unit})");
    }
}

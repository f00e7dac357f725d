using System.Globalization;
using DeliveryConsole.Web.Components.Shared;

namespace DeliveryConsole.Web.Components.Pages.Buckets;

/// <summary>Object sizes as the bucket pages print them.</summary>
public static class Sizes
{
    /// <summary>Exact bytes, with a rounded binary unit beside them once it helps: "1,536 bytes (1.5 KiB)".</summary>
    public static string Text(long bytes)
    {
        var exact = Exact(bytes);
        return bytes < 1024 ? exact : $"{exact} ({Short(bytes)})";
    }

    /// <summary>What a listing's narrow Size column shows: "1.5 KiB", or the bytes below 1 KiB.</summary>
    public static string Short(long bytes)
    {
        if (bytes < 1024)
            return Exact(bytes);
        var (value, unit) = DisplayText.InBinaryUnits(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {unit}");
    }

    private static string Exact(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} {(bytes == 1 ? "byte" : "bytes")}");
}

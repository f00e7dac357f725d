using System.Diagnostics.CodeAnalysis;

namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>The time zone in which prefix time variables expand: an instance setting a task may override.</summary>
public static class PartitionTimeZone
{
    /// <summary>The zone of every region the real service runs in (UTC+8, without daylight saving since 1991).</summary>
    public const string DefaultId = "Asia/Shanghai";

    /// <summary>The zone named <paramref name="id"/> (<see cref="DefaultId"/> when blank), or <see cref="TimeZoneNotFoundException"/>.</summary>
    public static TimeZoneInfo Resolve(string? id) =>
        TryResolve(id, out var zone, out var error) ? zone : throw new TimeZoneNotFoundException(error);

    /// <summary>Finds the zone named <paramref name="id"/> (<see cref="DefaultId"/> when blank); on failure <paramref name="error"/> says why.</summary>
    public static bool TryResolve(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
    {
        var name = string.IsNullOrWhiteSpace(id) ? DefaultId : id.Trim();
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            error = null;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            error = $"unknown time zone '{name}'; use an IANA id such as Asia/Shanghai, Europe/Berlin or UTC.";
            return false;
        }
    }
}

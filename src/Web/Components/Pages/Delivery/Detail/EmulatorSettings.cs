using System.Globalization;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Detail;

/// <summary>
/// A task's emulator settings in words, each saying whether it is the instance's default or the task's own. The
/// catalog keeps every setting written out (a later change of the default does not change the task), so a setting
/// that differs from the instance's default now is the task's own.
/// </summary>
public sealed record EmulatorSettings(EmulatorSettings.Setting FlushInterval, EmulatorSettings.Setting FlushSize, EmulatorSettings.Setting TimeZone)
{
    /// <summary>The task's value, and the instance's default when the task has its own.</summary>
    public sealed record Setting(string Value, string? InstanceDefault)
    {
        public string Source => InstanceDefault is null ? "the instance default" : $"this task's own (instance default: {InstanceDefault})";
    }

    public static EmulatorSettings Of(StoredTask task, DeliveryOptions instance)
    {
        var emulator = task.Request.Emulator ?? new EmulatorTaskConfig();
        var interval = (int)Math.Ceiling(instance.DefaultFlushInterval.TotalSeconds);
        var sizeMiB = (int)((instance.DefaultFlushSizeBytes + 1024 * 1024 - 1) / (1024 * 1024));
        return new(
            Compare(emulator.FlushIntervalSeconds ?? interval, interval, seconds => string.Create(CultureInfo.InvariantCulture, $"{seconds} s")),
            Compare(emulator.FlushSizeMiB ?? sizeMiB, sizeMiB, mib => string.Create(CultureInfo.InvariantCulture, $"{mib} MiB")),
            Compare(emulator.TimeZone ?? instance.DefaultTimeZone.Id, instance.DefaultTimeZone.Id, id => id));
    }

    private static Setting Compare<T>(T value, T instanceDefault, Func<T, string> text) =>
        new(text(value), EqualityComparer<T>.Default.Equals(value, instanceDefault) ? null : text(instanceDefault));
}

using System.Globalization;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Detail;

/// <summary>
/// Axis ticks a person reads at a glance: at most <see cref="MaxTicks"/> per axis, on round values (1, 2, 5 × 10ⁿ
/// for counts; whole seconds, minutes or hours for times and durations).
/// </summary>
public static class ChartScale
{
    public const int MaxTicks = 6;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Round steps of a time axis or a duration axis, in seconds.</summary>
    private static readonly long[] SecondSteps =
    [
        1, 2, 5, 10, 15, 30, 60, 2 * 60, 5 * 60, 10 * 60, 15 * 60, 30 * 60,
        3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
    ];

    /// <summary>One tick: where it stands on the axis and its label.</summary>
    public sealed record Tick<T>(T Value, string Label);

    /// <summary>
    /// Ticks over [<paramref name="from"/>, <paramref name="to"/>] on whole multiples of a round step, labelled in UTC
    /// as "10:42:30" (steps under a minute), "10:42", or with the date when the range spans days.
    /// </summary>
    public static IReadOnlyList<Tick<DateTimeOffset>> TimeTicks(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var step = 1000 * StepFor((end - start) / 1000.0, SecondSteps);
        var format = step >= 86_400_000 ? "MM-dd"
            : from.UtcDateTime.Date != to.UtcDateTime.Date ? "MM-dd HH:mm"
            : step >= 60_000 ? "HH:mm" : "HH:mm:ss";
        var ticks = new List<Tick<DateTimeOffset>>();
        for (var t = CeilingTo(start, step); t <= end; t += step)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(t);
            ticks.Add(new(time, time.UtcDateTime.ToString(format, Inv)));
        }
        return ticks;
    }

    /// <summary>The top of a count axis from 0 (a round value at or above <paramref name="max"/>) and its ticks.</summary>
    public static (double Top, IReadOnlyList<Tick<double>> Ticks) CountTicks(double max)
    {
        var step = NiceStep(max <= 0 ? 1 : max);
        return Ticks(max, step, value => value >= 1_000_000 ? (value / 1_000_000).ToString("0.#", Inv) + "M"
            : value >= 10_000 ? (value / 1000).ToString("0.#", Inv) + "k"
            : value.ToString("N0", Inv));
    }

    /// <summary>The top of a duration axis from 0 (in seconds, a round value at or above <paramref name="maxSeconds"/>) and its ticks: "30 s", "2 min", "1 h".</summary>
    public static (double Top, IReadOnlyList<Tick<double>> Ticks) DurationTicks(double maxSeconds)
    {
        var step = (double)StepFor(maxSeconds <= 0 ? 1 : maxSeconds, SecondSteps);
        return Ticks(maxSeconds, step, seconds => seconds switch
        {
            0 => "0",
            < 60 => string.Create(Inv, $"{seconds:0} s"),
            < 3600 => string.Create(Inv, $"{seconds / 60:0.#} min"),
            < 86400 => string.Create(Inv, $"{seconds / 3600:0.#} h"),
            _ => string.Create(Inv, $"{seconds / 86400:0.#} d"),
        });
    }

    private static (double Top, IReadOnlyList<Tick<double>> Ticks) Ticks(double max, double step, Func<double, string> label)
    {
        var count = Math.Max(1, (int)Math.Ceiling(Math.Max(max, 0) / step - 1e-9));
        return (count * step, [.. Enumerable.Range(0, count + 1).Select(i => new Tick<double>(i * step, label(i * step)))]);
    }

    /// <summary>The smallest step of <paramref name="steps"/> that covers <paramref name="span"/> in at most MaxTicks - 1 intervals.</summary>
    private static long StepFor(double span, long[] steps)
    {
        foreach (var step in steps)
        {
            if (span / step <= MaxTicks - 1)
                return step;
        }
        // Beyond the largest round step: whole multiples of it.
        return steps[^1] * (long)Math.Ceiling(span / steps[^1] / (MaxTicks - 1));
    }

    /// <summary>1, 2 or 5 × 10ⁿ: the smallest that covers <paramref name="max"/> in at most MaxTicks - 1 intervals.</summary>
    private static double NiceStep(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / (MaxTicks - 1))));
        foreach (var factor in new[] { 1, 2, 5, 10 })
        {
            if (max / (factor * magnitude) <= MaxTicks - 1)
                return Math.Max(1, factor * magnitude);
        }
        return Math.Max(1, 10 * magnitude);
    }

    private static long CeilingTo(long value, long step) => (long)Math.Ceiling(value / (double)step) * step;
}

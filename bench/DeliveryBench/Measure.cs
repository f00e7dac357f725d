using System.Diagnostics;
using System.Globalization;

namespace DeliveryConsole.DeliveryBench;

/// <summary>One timed run: wall and CPU seconds (whole process: every thread, managed and native), managed bytes allocated, GC counts.</summary>
internal sealed record Sample(double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen2, long Rows, double GcPauseSeconds)
{
    public double Rate => Rows / Seconds;
    public double CpuPerWall => CpuSeconds / Seconds;
    public double AllocatedPerRow => AllocatedBytes / (double)Rows;
}

/// <summary>Process-wide counters before a timed run; <see cref="Stop"/> gives the sample.</summary>
internal sealed class Meter
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _gen0, _gen2;
    private readonly TimeSpan _pause;
    private readonly Stopwatch _watch;

    private Meter()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _process.Refresh();
        _cpu = _process.TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: true);
        (_gen0, _gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        _pause = GC.GetTotalPauseDuration();
        _watch = Stopwatch.StartNew();
    }

    /// <summary>Runs a full GC (untimed), then starts the clock and the counters.</summary>
    public static Meter Start() => new();

    public Stopwatch Clock => _watch;

    public Sample Stop(long rows)
    {
        _watch.Stop();
        _process.Refresh();
        return new Sample(_watch.Elapsed.TotalSeconds, (_process.TotalProcessorTime - _cpu).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - _allocated, GC.CollectionCount(0) - _gen0, GC.CollectionCount(2) - _gen2, rows,
            (GC.GetTotalPauseDuration() - _pause).TotalSeconds);
    }
}

internal static class Stats
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The 1, 5 and 15 minute load averages, which every bench prints at its start and end: how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) of an ascending array.</summary>
    public static double Percentile(double[] ascending, double p)
    {
        if (ascending.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * ascending.Length);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Length - 1)];
    }

    /// <summary>"median (min–max)" of <paramref name="values"/> with a format.</summary>
    public static string Spread(IReadOnlyCollection<double> values, string format) =>
        string.Format(Inv, "{0} ({1}–{2})", Median(values).ToString(format, Inv), values.Min().ToString(format, Inv), values.Max().ToString(format, Inv));

    /// <summary>Wall-clock time in ms since the Unix epoch, with sub-millisecond resolution.</summary>
    public static double WallMs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerMillisecond;

    public static string NewFolder(string kind) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"delivery-bench-{kind}-{Guid.NewGuid():N}")).FullName;

    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>A line of /proc/self/status in bytes (VmHWM, VmRSS), or -1 where there is no /proc.</summary>
    public static long ProcStatusBytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal))
                    continue;
                var kb = line[(field.Length + 1)..].Trim();
                return long.Parse(kb[..kb.IndexOf(' ', StringComparison.Ordinal)], Inv) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return -1;
    }
}

using System.Diagnostics;
using System.Runtime;
using DeliveryConsole.LoadBench;
using DeliveryConsole.TableStore;
using DeliveryConsole.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.LoadBench;

// Load: 50 BASE_INC delivery tasks (5 per table, local endpoint) over 10 tables while paced writers put 2,000 rows/s
// in total through the JSON API for --minutes, the whole console in this process on a real Kestrel port; before
// it, in the same process, the same writer load on 1 table with 1 task (the reference).
//   dotnet run -c Release --project bench/LoadBench [-- --minutes M] [--reference-seconds S] [--rate R]
//       [--tables N] [--tasks-per-table N] [--flush-seconds N]
// Smoke: --minutes 0.2. See docs/benchmarks.md for the method.

/// <summary>Not top-level statements: those would declare a Program that hides the console's own.</summary>
internal static class LoadBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        double minutes = 5;
        double? referenceSeconds = null;
        int rate = 2000, tables = 10, tasksPerTable = 5, flushSeconds = 5;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--minutes": minutes = double.Parse(args[++i], Inv); break;
                    case "--reference-seconds": referenceSeconds = double.Parse(args[++i], Inv); break;
                    case "--rate": rate = int.Parse(args[++i], Inv); break;
                    case "--tables": tables = int.Parse(args[++i], Inv); break;
                    case "--tasks-per-table": tasksPerTable = int.Parse(args[++i], Inv); break;
                    case "--flush-seconds": flushSeconds = int.Parse(args[++i], Inv); break;
                    default: throw new FormatException(args[i]);
                }
            }
            if (minutes <= 0 || referenceSeconds < 0 || rate < 1 || tables < 1 || tasksPerTable < 1 || flushSeconds is < 1 or > 3600)
                throw new FormatException("out of range");
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            Console.Error.WriteLine("usage: LoadBench [--minutes M] [--reference-seconds S] [--rate R] [--tables N] [--tasks-per-table N] [--flush-seconds N]");
            return 2;
        }
        var seconds = minutes * 60;
        var reference = referenceSeconds ?? Math.Min(30, seconds);

        Console.WriteLine(string.Create(Inv,
            $"# load bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}, " +
            $"started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        Console.WriteLine(string.Create(Inv,
            $"# {tables} tables × {tasksPerTable} BASE_INC tasks, {rate:N0} rows/s for {seconds:F0} s in batches of {LoadPhase.BatchRows}, " +
            $"flushIntervalSeconds {flushSeconds}; reference: 1 table × 1 task, {rate:N0} rows/s for {reference:F0} s"));

        // WebApplicationFactory finds the console's content root through MvcTestingAppManifest.json in the current
        // folder, as under a test runner, which starts in the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        using var console = new ConsoleFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        var baseUrl = console.StartOnLoopback();
        // The factory's client: it carries whatever credentials the console's factory gives its clients.
        using var http = console.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseUrl, AllowAutoRedirect = false });
        var api = new LoadApi(http);
        var rocks = new RocksProbe(console.Services.GetRequiredService<TableStoreInstance>());
        await api.CreateBucketAsync();
        var idle = await IdleWorkingSetAsync();
        Console.WriteLine(string.Create(Inv, $"# serving {baseUrl}; idle working set {idle / 1e6:F0} MB"));

        PhaseResult? referenceResult = null;
        if (reference > 0)
        {
            var phase = new LoadPhase(api, rocks, ["reference"], 1, rate, reference, flushSeconds);
            referenceResult = await phase.RunAsync();
            Report("reference", referenceResult);
            foreach (var (table, task) in phase.Tasks)
                await api.DeleteTaskAsync(table, task); // idle from here on, but no runner left behind for the main run
        }
        var main = new LoadPhase(api, rocks, [.. Enumerable.Range(0, tables).Select(t => $"load_{t:D2}")], tasksPerTable, rate, seconds, flushSeconds);
        var result = await main.RunAsync();
        Report("main", result);
        Console.WriteLine(string.Create(Inv, $"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));

        Summary(result, referenceResult, idle, seconds);
        return result.NotCaughtUp.Any() || result.Errors.Any() || result.RowsRejected > 0 ? 1 : 0;
    }

    private static void Report(string name, PhaseResult r)
    {
        Console.WriteLine(string.Create(Inv,
            $"# {name}: wrote {r.RowsWritten:N0} rows ({r.RowsRejected:N0} rejected) in {r.WritingSeconds:F1} s = {r.RowsWritten / r.WritingSeconds:N0} rows/s, " +
            $"writer batch late by at most {r.WriterLatenessMaxMs:F0} ms; {r.TaskCount} tasks delivered {r.RowsDelivered:N0} rows, " +
            $"caught up {r.CatchUpSeconds:F1} s after the last write; cpu/wall {r.CpuWritingSeconds / r.WritingSeconds:F2}"));
        foreach (var s in r.NotCaughtUp)
            Console.WriteLine(string.Create(Inv, $"#   NOT CAUGHT UP {s.Table}/{s.Task}: {s.RowsDelivered:N0} of {r.ExpectedByTable[s.Table]:N0} ({s.Phase}, {s.ErrorCode} {s.Detail})"));
        foreach (var s in r.Errors)
            Console.WriteLine($"#   ERROR {s.Table}/{s.Task}: {s.ErrorCode} {s.Detail} last error: {s.LastError}");
        foreach (var m in r.Memory)
            Console.WriteLine(string.Create(Inv,
                $"#   t={m.Seconds,6:F0} s  working set {m.WorkingSetBytes / 1e6,6:F0} MB  managed {m.ManagedBytes / 1e6,6:F0} MB  " +
                $"GC committed {m.GcCommittedBytes / 1e6,6:F0} MB  RssAnon {m.RssAnonBytes / 1e6,6:F0} MB  RssFile {m.RssFileBytes / 1e6,6:F0} MB  " +
                $"rocksdb memtables {m.RocksMemtableBytes / 1e6,5:F0} MB  block cache {m.RocksBlockCacheBytes / 1e6,5:F0} MB  table readers {m.RocksTableReaderBytes / 1e6,5:F0} MB  sqlite {m.SqliteBytes / 1e6,5:F0} MB"));
    }

    private static void Summary(PhaseResult main, PhaseResult? reference, double idle, double seconds)
    {
        // "Flat after warm-up": the mean of the last fifth of the run (the last minute of 5) against the second fifth (minute 2).
        var early = main.MeanWorkingSet(seconds / 5, 2 * seconds / 5);
        var late = main.MeanWorkingSet(4 * seconds / 5, seconds + 1);
        var growth = late / early - 1;
        var slope = main.WorkingSetSlopePerMinute(seconds / 5, seconds + 1);
        var freshness = main.FreshnessMs;
        var perTaskRate = main.RowsDelivered / (double)main.TaskCount / main.WritingSeconds;
        string Grew(Func<MemorySample, long> figure) => string.Create(Inv,
            $"{main.Mean(4 * seconds / 5, seconds + 1, figure) / 1e6:F0} vs {main.Mean(seconds / 5, 2 * seconds / 5, figure) / 1e6:F0} MB");

        Console.WriteLine();
        Console.WriteLine("| measurement | result | target | met |");
        Console.WriteLine("|---|---|---|---|");
        Row($"rows written through BatchWriteRow, {main.Tables} tables, target {main.Rate:N0} rows/s",
            string.Create(Inv, $"{main.RowsWritten:N0} in {main.WritingSeconds:F0} s = {main.RowsWritten / main.WritingSeconds:N0} rows/s ({main.RowsRejected:N0} rejected)"),
            string.Create(Inv, $"≥ {main.Rate * 0.98:N0} rows/s, 0 rejected"), main.RowsWritten / main.WritingSeconds >= main.Rate * 0.98 && main.RowsRejected == 0);
        Row($"tasks caught up (rowsDelivered = rows written to the table) after the last write",
            string.Create(Inv, $"{main.TaskCount - main.NotCaughtUp.Count()} of {main.TaskCount}, {main.CatchUpSeconds:F1} s after the last write"),
            $"{main.TaskCount} of {main.TaskCount}", !main.NotCaughtUp.Any());
        Row("tasks with an error code or a last error in any sample (every 10 s)", main.Errors.Count().ToString(Inv), "0", !main.Errors.Any());
        const string memoryTitle = "working set: mean of the last fifth vs the second fifth";
        if (double.IsNaN(growth))
            Console.WriteLine($"| {memoryTitle} | n/a: the run is too short for a sample (every 5 s) in both windows | within ±10 % | — |");
        else
            Row(memoryTitle,
                string.Create(Inv, $"{late / 1e6:F0} MB vs {early / 1e6:F0} MB ({growth:+0.0%;-0.0%}); slope after the first fifth {slope / 1e6:+0.0;-0.0} MB/min"),
                "within ±10 %", Math.Abs(growth) <= 0.10);
        Console.WriteLine(string.Create(Inv,
            $"| what grew, last fifth vs second fifth: RssAnon / RssFile / GC committed / managed heap | " +
            $"{Grew(m => m.RssAnonBytes)} / {Grew(m => m.RssFileBytes)} / {Grew(m => m.GcCommittedBytes)} / {Grew(m => m.ManagedBytes)} | — | — |"));
        Console.WriteLine(string.Create(Inv,
            $"| RocksDB, last fifth vs second fifth: memtables / block caches / index and filter blocks of open files | " +
            $"{Grew(m => m.RocksMemtableBytes)} / {Grew(m => m.RocksBlockCacheBytes)} / {Grew(m => m.RocksTableReaderBytes)} | — | — |"));
        Console.WriteLine(string.Create(Inv,
            $"| SQLite's own heap (sqlite3_memory_used: page caches, statements), last fifth vs second fifth | {Grew(m => m.SqliteBytes)} | — | — |"));
        Console.WriteLine(string.Create(Inv,
            $"| freshness lag (DescribeDeliveryTask freshnessLagMs, every task every 10 s while writing) p50 / p99 / max | {main.Percentiles(freshness)} s ({freshness.Length} samples) | — | — |"));
        Console.WriteLine(string.Create(Inv,
            $"| process CPU while writing (console + writers + samplers, one process) | {main.CpuWritingSeconds:F0} s of {main.WritingSeconds:F0} s = {main.CpuWritingSeconds / main.WritingSeconds:F2} cores | — | — |"));

        if (reference is null)
            return;
        var refRate = reference.RowsDelivered / (double)reference.TaskCount / reference.WritingSeconds;
        var refLate = reference.MeanWorkingSet(reference.WritingSeconds / 2, reference.WritingSeconds + 1);
        var refCpuPerK = reference.CpuWritingSeconds / (reference.RowsDelivered / 1000.0);
        var mainCpuPerK = main.CpuWritingSeconds / (main.RowsDelivered / 1000.0);
        var refMemPerTask = (refLate - idle) / reference.TaskCount;
        var mainMemPerTask = (late - idle) / main.TaskCount;
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv,
            $"| same writer load ({main.Rate:N0} rows/s, batches of {LoadPhase.BatchRows}) | reference: 1 table, 1 task, {reference.WritingSeconds:F0} s | main: {main.Tables} tables, {main.TaskCount} tasks, {main.WritingSeconds:F0} s | main / reference |"));
        Console.WriteLine("|---|---|---|---|");
        Compare("rows delivered per second, summed over the tasks", reference.RowsDelivered / reference.WritingSeconds, main.RowsDelivered / main.WritingSeconds, "N0");
        Compare("rows delivered per second, per task", refRate, perTaskRate, "N0");
        Compare("process CPU, cores (cpu s / wall s while writing)", reference.CpuWritingSeconds / reference.WritingSeconds, main.CpuWritingSeconds / main.WritingSeconds, "F2");
        Compare("CPU ms per 1,000 rows delivered (all tasks)", refCpuPerK * 1000, mainCpuPerK * 1000, "F1");
        Compare("working set above idle, MB (reference: its second half; main: its last fifth)", (refLate - idle) / 1e6, (late - idle) / 1e6, "F0");
        Compare("working set above idle per task, MB", refMemPerTask / 1e6, mainMemPerTask / 1e6, "F1");
        Compare("freshness lag p50, s", Percentile(reference.FreshnessMs, 50) / 1000, Percentile(freshness, 50) / 1000, "F1");
        Compare("freshness lag p99, s", Percentile(reference.FreshnessMs, 99) / 1000, Percentile(freshness, 99) / 1000, "F1");
        Compare("caught up after the last write, s", reference.CatchUpSeconds, main.CatchUpSeconds, "F1");
    }

    private static void Row(string title, string result, string target, bool met) =>
        Console.WriteLine($"| {title} | {result} | {target} | {(met ? "yes" : "**no**")} |");

    private static void Compare(string title, double reference, double main, string format) =>
        Console.WriteLine($"| {title} | {reference.ToString(format, Inv)} | {main.ToString(format, Inv)} | {(main / reference).ToString("F2", Inv)} |");

    /// <summary>The working set with the console started and nothing running, the mean of 3 samples a second apart.</summary>
    private static async Task<double> IdleWorkingSetAsync()
    {
        var process = Process.GetCurrentProcess();
        var samples = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1000);
            process.Refresh();
            samples.Add(process.WorkingSet64);
        }
        return samples.Average();
    }

}

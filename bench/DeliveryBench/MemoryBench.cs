using System.Diagnostics;
using System.Text.Json;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.DeliveryBench;

/// <summary>
/// Measurement 3: the peak working set of a process that only opens an already-loaded table store folder and runs
/// one BASE task of <c>rows</c> rows to Finished. The bench re-launches itself: one child loads the rows (untimed),
/// then one child per variant runs and reports its VmHWM (/proc/self/status, read at the end: the whole process's
/// peak resident set), the largest Process.WorkingSet64 sampled every 50 ms, and its rows/s. The first variant is
/// the measurement (the console's workstation GC, default task settings); the others are diagnostics: Server GC, a
/// task with a 16 MiB flush size, and a plain scan of a saved snapshot of the same table (the floor any reader pays).
/// </summary>
internal sealed class MemoryBench(long rows)
{
    public const string Table = "bench";

    /// <summary>The children's reports; the first is the measurement (workstation GC, as the console).</summary>
    public List<MemoryReport> Reports { get; } = [];

    public double LoadSeconds { get; private set; }

    public void Run()
    {
        var folder = NewFolder("memory");
        try
        {
            var load = Stopwatch.StartNew();
            RunChild(["--child", "load", folder, rows.ToString(Inv)], gcServer: null);
            LoadSeconds = load.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(Inv, $"# memory: {rows:N0} rows loaded in a child process in {LoadSeconds:F0} s (untimed)"));
            var variants = new (string Name, string Mode, string FlushMiB, bool? GcServer)[]
            {
                ("BASE task, workstation GC (as the console), flush size 64 MiB (default)", "base", "64", null),
                ("diag: BASE task, Server GC (DOTNET_gcServer=1)", "base", "64", true),
                ("diag: BASE task, workstation GC, emulator.flushSizeMiB = 16", "base", "16", null),
                ("diag: no task: Scan of a saved snapshot, every cell read, workstation GC", "scan", "0", null),
            };
            foreach (var (name, mode, flushMiB, gcServer) in variants)
            {
                var lines = RunChild(["--child", mode, folder, rows.ToString(Inv), flushMiB], gcServer);
                var report = lines.Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                    .Select(l => JsonSerializer.Deserialize<MemoryReport>(l["RESULT ".Length..])!).Single() with { Setting = name };
                Reports.Add(report);
                Console.WriteLine(string.Create(Inv,
                    $"# memory, {name}: VmHWM {report.VmHwmBytes / 1048576.0:F0} MiB, sampled max working set {report.MaxWorkingSetBytes / 1048576.0:F0} MiB, " +
                    $"RSS before {report.RssBeforeBytes / 1048576.0:F0} MiB, max managed heap {report.MaxManagedBytes / 1048576.0:F0} MiB " +
                    $"(GC committed {report.MaxGcCommittedBytes / 1048576.0:F0} MiB), max RssAnon {report.MaxRssAnonBytes / 1048576.0:F0} MiB, " +
                    $"max RssFile {report.MaxRssFileBytes / 1048576.0:F0} MiB, max RssShmem {report.MaxRssShmemBytes / 1048576.0:F0} MiB; " +
                    $"{report.Rows:N0} rows in {report.Seconds:F1} s = {report.Rows / report.Seconds:N0} rows/s, {report.Objects} objects"));
            }
        }
        finally
        {
            DeleteFolder(folder); // the tables, their snapshots folder, the catalog and the bucket
        }
    }

    /// <summary>Runs this program again with <paramref name="arguments"/>, echoing its output; fails when it fails.</summary>
    private static List<string> RunChild(string[] arguments, bool? gcServer)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under `dotnet DeliveryBench.dll` the process is the dotnet host: the program is the entry assembly.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(MemoryBench).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (gcServer is { } server)
            start.Environment["DOTNET_gcServer"] = server ? "1" : "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var lines = new List<string>();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
            if (!line.StartsWith("RESULT ", StringComparison.Ordinal))
                Console.WriteLine("  | " + line);
        }
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"the child '{string.Join(' ', arguments)}' exited with {child.ExitCode}");
        return lines;
    }

    // ------------------------------------------------------------------ the children

    /// <summary>Child: creates the table and writes <paramref name="count"/> rows into <paramref name="folder"/>/tables.</summary>
    public static void LoadChild(string folder, long count)
    {
        using var store = new TableStore.TableStoreInstance(new TableStore.TableStoreOptions { Folder = Path.Combine(folder, "tables") });
        Workload.CreateTable(new TableStore.TableDefinitions(store), Table);
        var clock = Stopwatch.StartNew();
        Workload.Load(new TableStore.RowWriter(store), Table, count, done =>
            Console.WriteLine(string.Create(Inv, $"loaded {done:N0} rows, {done / clock.Elapsed.TotalSeconds:N0} rows/s")));
    }

    /// <summary>
    /// Child: opens the engine on <paramref name="folder"/> (the loaded table store, a new catalog and bucket), runs
    /// one BASE task to Finished while <see cref="MemorySampler"/> runs, and prints one RESULT line. Then it deletes
    /// the task and its objects, so the next child starts from the same state.
    /// </summary>
    public static async Task BaseChild(string folder, long count, int flushSizeMiB)
    {
        await using var host = await BenchHost.StartAsync(folder);
        using var sampler = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        await host.CreateAsync(BenchHost.Request(Table, "memory-base", "BASE", "bench",
            flushSizeMiB: flushSizeMiB == 64 ? null : flushSizeMiB));
        var timeline = await host.WaitFinishedAsync(Table, "memory-base", clock, count, TimeSpan.FromMinutes(30));
        var seconds = clock.Elapsed.TotalSeconds;
        sampler.Stop();
        var state = timeline.Status.State;
        if (state.RowsDelivered != count)
            throw new InvalidOperationException($"delivered {state.RowsDelivered} rows, not {count}");
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(sampler.Report(count, seconds, state.ObjectsWritten, state.BytesWritten)));
        await host.DeleteAsync(Table, "memory-base");
        DeleteFolder(host.BucketFolder);
    }

    /// <summary>Child, diagnostic: the same process set-up, then no task: SaveSnapshot and a full Scan of it, every cell read.</summary>
    public static async Task ScanChild(string folder, long count)
    {
        await using var host = await BenchHost.StartAsync(folder);
        using var sampler = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        host.SavedSnapshots.SaveSnapshot("memory-scan");
        long rows = 0, checksum = 0;
        using (var snapshot = host.SavedSnapshots.OpenSavedSnapshot("memory-scan"))
        {
            foreach (var row in snapshot.Scan(Table))
            {
                rows++;
                checksum += row.PrimaryKey[0].Value.AsString.Length;
                foreach (var cell in row.Columns)
                    checksum += Workload.Touch(cell.Value) + cell.Timestamp;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        sampler.Stop();
        host.SavedSnapshots.DropSavedSnapshot("memory-scan");
        if (rows != count || checksum == 0)
            throw new InvalidOperationException($"the scan saw {rows} rows, not {count}");
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(sampler.Report(count, seconds, 0, 0)));
    }
}

/// <summary>
/// Samples the process every 50 ms on its own thread: working set, managed heap, GC committed bytes and the
/// resident set by kind (anonymous, file-backed, shared: the JIT's double-mapped code); prints one line a second.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly long _rssBefore, _anonBefore;
    private long _maxWorkingSet, _maxManaged, _maxCommitted, _maxAnon, _maxFile, _maxShmem;

    private MemorySampler()
    {
        _process.Refresh();
        _rssBefore = _process.WorkingSet64;
        _anonBefore = ProcStatusBytes("RssAnon");
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public static MemorySampler Start() => new();

    private void Sample()
    {
        var self = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            self.Refresh();
            var managed = GC.GetTotalMemory(false);
            _maxWorkingSet = Math.Max(_maxWorkingSet, self.WorkingSet64);
            _maxManaged = Math.Max(_maxManaged, managed);
            _maxCommitted = Math.Max(_maxCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes);
            _maxAnon = Math.Max(_maxAnon, ProcStatusBytes("RssAnon"));
            _maxFile = Math.Max(_maxFile, ProcStatusBytes("RssFile"));
            _maxShmem = Math.Max(_maxShmem, ProcStatusBytes("RssShmem"));
            if (n % 20 == 0)
                Console.WriteLine(string.Create(Inv,
                    $"t {clock.Elapsed.TotalSeconds,5:F1} s  working set {self.WorkingSet64 / 1048576.0,4:F0} MiB  managed heap {managed / 1048576.0,4:F0} MiB  " +
                    $"RssAnon {ProcStatusBytes("RssAnon") / 1048576.0,4:F0} MiB"));
            Thread.Sleep(50);
        }
    }

    public void Stop()
    {
        _stop.Cancel();
        _thread.Join();
    }

    public MemoryReport Report(long rows, double seconds, long objects, long bytes)
    {
        _process.Refresh();
        return new MemoryReport("", rows, seconds, ProcStatusBytes("VmHWM"), _maxWorkingSet, _rssBefore, _anonBefore, _maxManaged, _maxCommitted,
            _maxAnon, _maxFile, _maxShmem, objects, bytes, _process.TotalProcessorTime.TotalSeconds, GC.CollectionCount(0), GC.CollectionCount(2),
            System.Runtime.GCSettings.IsServerGC);
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
            Stop();
        _stop.Dispose();
    }
}

internal sealed record MemoryReport(
    string Setting, long Rows, double Seconds, long VmHwmBytes, long MaxWorkingSetBytes, long RssBeforeBytes, long RssAnonBeforeBytes,
    long MaxManagedBytes, long MaxGcCommittedBytes, long MaxRssAnonBytes, long MaxRssFileBytes, long MaxRssShmemBytes,
    long Objects, long Bytes, double ProcessCpuSeconds, int Gen0, int Gen2, bool ServerGc);

using System.Runtime;
using DeliveryConsole.DeliveryBench;
using static DeliveryConsole.DeliveryBench.Stats;

// Delivery engine benchmark: BASE throughput against a raw scan of the same table, INC freshness under a paced
// writer, and the peak working set of a large BASE in a child process; with --only s3, BASE to an S3 endpoint
// (a local Swift) against the local endpoint.
//   dotnet run -c Release --project bench/DeliveryBench [-- --only base|freshness|memory|s3] [--rows N] [--runs R]
//       [--seconds N] [--rate R] [--warmup-seconds N] [--memory-rows N]
// See docs/benchmarks.md for the method.

if (args.Length >= 4 && args[0] == "--child")
{
    var folder = args[2];
    var count = long.Parse(args[3], Inv);
    switch (args[1])
    {
        case "load": MemoryBench.LoadChild(folder, count); return 0;
        case "base": await MemoryBench.BaseChild(folder, count, args.Length > 4 ? int.Parse(args[4], Inv) : 64); return 0;
        case "scan": await MemoryBench.ScanChild(folder, count); return 0;
        default: Console.Error.WriteLine($"unknown child mode {args[1]}"); return 2;
    }
}

long rows = 1_000_000, memoryRows = 10_000_000;
int runs = 3, seconds = 60, rate = 10_000, warmupSeconds = 5;
string? only = null;
var engineOnly = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--only": only = args[++i]; break;
            case "--rows": rows = long.Parse(args[++i], Inv); break;
            case "--runs": runs = int.Parse(args[++i], Inv); break;
            case "--seconds": seconds = int.Parse(args[++i], Inv); break;
            case "--rate": rate = int.Parse(args[++i], Inv); break;
            case "--warmup-seconds": warmupSeconds = int.Parse(args[++i], Inv); break;
            case "--memory-rows": memoryRows = long.Parse(args[++i], Inv); break;
            case "--engine-only": engineOnly = true; break;
            default: throw new FormatException(args[i]);
        }
    }
    if (only is not (null or "base" or "freshness" or "memory" or "s3") || rows < 1 || runs < 1 || seconds < 1 || rate < 1
        || warmupSeconds < 0 || memoryRows < 1)
        throw new FormatException("out of range");
}
catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
{
    Console.Error.WriteLine("usage: DeliveryBench [--only base|freshness|memory|s3] [--rows N] [--runs R] [--seconds N] [--rate R] " +
        "[--warmup-seconds N] [--memory-rows N] [--engine-only]");
    return 2;
}

Console.WriteLine(string.Create(Inv,
    $"# delivery bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}" +
    $"{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
    $"load average {LoadAverage()}"));

BaseBench? baseBench = null;
FreshnessBench? freshness = null;
MemoryBench? memory = null;
S3Bench? s3 = null;
if (only is "s3")
{
    // Not in the default set: it needs Swift (or S3_TEST_URL, S3_TEST_KEY, S3_TEST_SECRET).
    s3 = new S3Bench(rows, runs);
    await s3.RunAsync();
}
if (only is null or "base")
{
    baseBench = new BaseBench(rows, runs, engineOnly);
    await baseBench.RunAsync();
}
if (only is null or "freshness")
{
    freshness = new FreshnessBench(seconds, rate, warmupSeconds);
    await freshness.RunAsync();
}
if (only is null or "memory")
{
    memory = new MemoryBench(memoryRows);
    memory.Run();
}
Console.WriteLine(string.Create(Inv, $"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));

// ------------------------------------------------------------------ summary
if (engineOnly)
    return 0; // a profiling aid (the BASE task alone, no reference): the per-run lines above are its result
if (s3 is not null)
{
    S3Summary(s3, rows);
    return 0;
}
Console.WriteLine();
Console.WriteLine("| measurement | result | target | met |");
Console.WriteLine("|---|---|---|---|");
if (baseBench is not null)
{
    var engine = baseBench.Engine.Select(r => r.Sample.Rate).ToList();
    var raw = baseBench.RawScan.Select(s => s.Rate).ToList();
    var ratio = Median(engine) / Median(raw);
    Row($"BASE of {rows:N0} rows, rows/s from CreateDeliveryTask to Finished, median (min–max)", Spread(engine, "N0"),
        "≥ 500,000", Median(engine) >= 500_000);
    Row("BASE / raw scan of the same table (median / median)",
        string.Create(Inv, $"{ratio:F2} (raw scan {Spread(raw, "N0")} rows/s)"), "≥ 0.5", ratio >= 0.5);
}
if (freshness?.Result is { } f)
{
    Row(string.Create(Inv, $"INC freshness, commit to object visible, {f.Rate:N0} rows/s for {f.Seconds} s, flush interval 1 s: p99 (p50, max)"),
        string.Create(Inv, $"{f.P99Ms / 1000:F2} s (p50 {f.P50Ms / 1000:F2} s, max {f.MaxMs / 1000:F2} s; {f.RowsMeasured:N0} rows; writer {f.Writer.Rate:N0} rows/s)"),
        "p99 ≤ 2 s", f.P99Ms <= 2000);
}
if (memory is not null && memory.Reports.Count > 0)
{
    var m = memory.Reports[0];
    Row($"peak working set (VmHWM), BASE of {memoryRows:N0} rows, own process, workstation GC as the console, default flush size",
        string.Create(Inv, $"{m.VmHwmBytes / 1e6:F0} MB ({m.VmHwmBytes / 1048576.0:F0} MiB), {m.Rows / m.Seconds:N0} rows/s"),
        "≤ 400 MB", m.VmHwmBytes <= 400_000_000);
}

if (baseBench is not null)
{
    Console.WriteLine();
    Console.WriteLine("| variant (same rounds) | rows/s median (min–max) | wall s median | cpu/wall | allocated B/row | gen0 / gen2 GCs per run | GC pause ms |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    Variant("engine: BASE task, create → Finished", [.. baseBench.Engine.Select(r => r.Sample)]);
    Variant("reference: live snapshot Scan, every cell read", baseBench.RawScan);
    Variant("diag: the same scan of a saved snapshot", baseBench.SavedScan);
    Variant("diag: 1-thread replica, scan → map → buffer → Parquet → put", [.. baseBench.Replica.Select(r => r.Sample)]);

    Console.WriteLine();
    Console.WriteLine("| where the time goes (median s over the runs) | s | share |");
    Console.WriteLine("|---|---|---|");
    var total = Median(baseBench.Engine.Select(r => r.Timeline.Finished));
    Part("engine: create → INIT done (snapshot saved, rows counted, state saved)", Median(baseBench.Engine.Select(r => r.Timeline.InitDone)), total);
    Part("engine: INIT done → every row read and buffered", Median(baseBench.Engine.Select(r => r.Timeline.AllRowsRead - r.Timeline.InitDone)), total);
    Part("engine: last row buffered → Finished (Parquet, put, commit, snapshot dropped)",
        Median(baseBench.Engine.Select(r => r.Timeline.Finished - r.Timeline.AllRowsRead)), total);
    Part("engine: total", total, total);
    var replicaTotal = Median(baseBench.Replica.Select(r => r.Sample.Seconds));
    Part("replica: scan (= reference scan)", Median(baseBench.RawScan.Select(s => s.Seconds)), replicaTotal);
    Part("replica: scan + SourceCells + write time + MapInto + ParquetBuffer.Append", Median(baseBench.Replica.Select(r => r.ScanMapBuffer)), replicaTotal);
    Part("replica: ParquetObjectWriter → MemoryStream", Median(baseBench.Replica.Select(r => r.Encode)), replicaTotal);
    Part("replica: LocalFolderEndpoint.PutObjectAsync (temp file, fsync, rename)", Median(baseBench.Replica.Select(r => r.Put)), replicaTotal);
    Part("replica: total", replicaTotal, replicaTotal);
    Part("diag: SaveSnapshot (RocksDB checkpoint) alone", Median(baseBench.SaveSnapshotSeconds), total);

    Console.WriteLine();
    Console.WriteLine("| per-row step (1 thread, live snapshot, cumulative) | wall s median | added µs/row | allocated B/row | added B/row | cpu/wall | gen0 / gen2 GCs | GC pause ms |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    var previous = Median(baseBench.RawScan.Select(s => s.Seconds));
    var previousAlloc = Median(baseBench.RawScan.Select(s => s.AllocatedPerRow));
    var reference = baseBench.RawScan.OrderBy(s => s.Seconds).ElementAt(baseBench.RawScan.Count / 2);
    Console.WriteLine(string.Create(Inv,
        $"| scan only (the reference) | {previous:F3} | — | {previousAlloc:F0} | — | {reference.CpuPerWall:F2} | {reference.Gen0} / {reference.Gen2} | {reference.GcPauseSeconds * 1000:F0} |"));
    foreach (var (depth, samples) in baseBench.Steps)
    {
        var wall = Median(samples.Select(s => s.Seconds));
        var alloc = Median(samples.Select(s => s.AllocatedPerRow));
        var mid = samples.OrderBy(s => s.Seconds).ElementAt(samples.Count / 2);
        if (depth == 5)
        {
            // Compared with step 3, as step 4 is.
            previous = Median(baseBench.Steps[3].Select(s => s.Seconds));
            previousAlloc = Median(baseBench.Steps[3].Select(s => s.AllocatedPerRow));
        }
        Console.WriteLine(string.Create(Inv,
            $"| {BaseBench.StepNames[depth]} | {wall:F3} | {(wall - previous) * 1e6 / rows:F3} | {alloc:F0} | {alloc - previousAlloc:F0} | " +
            $"{mid.CpuPerWall:F2} | {mid.Gen0} / {mid.Gen2} | {mid.GcPauseSeconds * 1000:F0} |"));
        (previous, previousAlloc) = (wall, alloc);
    }
}

if (baseBench?.BufferFootprint is { } fp)
{
    Console.WriteLine();
    Console.WriteLine("| one buffered object (ParquetBuffer of the table's rows) | value |");
    Console.WriteLine("|---|---|");
    Console.WriteLine(string.Create(Inv, $"| rows | {fp.Rows:N0} |"));
    Console.WriteLine(string.Create(Inv, $"| managed heap held while buffered | {fp.HeldBytes / 1048576.0:F0} MiB ({fp.HeldBytes / (double)fp.Rows:F0} B/row) |"));
    Console.WriteLine(string.Create(Inv, $"| ParquetBuffer.EstimatedBytes (compared with the flush size) | {fp.EstimatedBytes / 1048576.0:F0} MiB ({fp.EstimatedBytes / (double)fp.Rows:F1} B/row); held / estimated = {fp.HeldBytes / (double)fp.EstimatedBytes:F1} |"));
    Console.WriteLine(string.Create(Inv, $"| ParquetObjectWriter: allocated while writing, object size (MemoryStream capacity) | {fp.EncodeAllocatedBytes / 1048576.0:F0} MiB, {fp.ObjectBytes / 1048576.0:F1} MiB ({fp.StreamCapacity / 1048576.0:F0} MiB) |"));
}

if (freshness?.Result is { } r2)
{
    Console.WriteLine();
    Console.WriteLine("| INC freshness detail | value |");
    Console.WriteLine("|---|---|");
    Console.WriteLine(string.Create(Inv, $"| rows written (warm-up {r2.WarmupSeconds} s + {r2.Seconds} s), delivered, in objects | {r2.Writer.Rows:N0}, {r2.RowsDelivered:N0}, {r2.RowsInObjects:N0} |"));
    Console.WriteLine(string.Create(Inv, $"| writer rate achieved (target {r2.Rate:N0}) | {r2.Writer.Rate:N0} rows/s; batch start late vs schedule: p99 {r2.Writer.LatenessP99Ms:F1} ms, max {r2.Writer.LatenessMaxMs:F1} ms |"));
    Console.WriteLine(string.Create(Inv, $"| rows measured (ts after the warm-up); objects written (warm-up included) | {r2.RowsMeasured:N0}; {r2.Objects} |"));
    Console.WriteLine(string.Create(Inv, $"| freshness p50 / p99 / max | {r2.P50Ms:F0} / {r2.P99Ms:F0} / {r2.MaxMs:F0} ms |"));
    Console.WriteLine(string.Create(Inv, $"| per object, median: oldest row's age / newest row's age when visible | {r2.OldestRowMedianMs:F0} / {r2.NewestRowMedianMs:F0} ms (newest, max {r2.NewestRowMaxMs:F0} ms) |"));
    Console.WriteLine(string.Create(Inv, $"| process cpu/wall while writing | {r2.CpuPerWall:F2} |"));
}

if (memory is not null && memory.Reports.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| " + memoryRows.ToString("N0", Inv) + " rows, each variant in its own process | VmHWM | sampled max working set | RSS before the task (anon) | max managed heap / GC committed (sampled) | max RssAnon / RssFile / RssShmem (sampled) | rows/s | objects | process cpu s | gen0 / gen2 |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var m in memory.Reports)
        Console.WriteLine(string.Create(Inv,
            $"| {m.Setting} | {m.VmHwmBytes / 1048576.0:F0} MiB ({m.VmHwmBytes / 1e6:F0} MB) | {m.MaxWorkingSetBytes / 1048576.0:F0} MiB | " +
            $"{m.RssBeforeBytes / 1048576.0:F0} MiB ({m.RssAnonBeforeBytes / 1048576.0:F0} MiB) | {m.MaxManagedBytes / 1048576.0:F0} / {m.MaxGcCommittedBytes / 1048576.0:F0} MiB | " +
            $"{m.MaxRssAnonBytes / 1048576.0:F0} / {m.MaxRssFileBytes / 1048576.0:F0} / {m.MaxRssShmemBytes / 1048576.0:F0} MiB | {m.Rows / m.Seconds:N0} | {m.Objects} | {m.ProcessCpuSeconds:F1} | {m.Gen0} / {m.Gen2} |"));
}
return 0;

static void Row(string title, string result, string target, bool met) =>
    Console.WriteLine($"| {title} | {result} | {target} | {(met ? "yes" : "**no**")} |");

static void Variant(string name, IReadOnlyList<Sample> samples)
{
    var mid = samples.OrderBy(s => s.Seconds).ElementAt(samples.Count / 2);
    Console.WriteLine(string.Create(Inv,
        $"| {name} | {Spread([.. samples.Select(s => s.Rate)], "N0")} | {mid.Seconds:F3} | {mid.CpuPerWall:F2} | {mid.AllocatedPerRow:F0} | {mid.Gen0} / {mid.Gen2} | {mid.GcPauseSeconds * 1000:F0} |"));
}

static void S3Summary(S3Bench s3, long rows)
{
    Console.WriteLine();
    Console.WriteLine($"S3 endpoint: {s3.Target}");
    Console.WriteLine();
    Console.WriteLine("| measurement (same rounds) | S3 endpoint rows/s, median (min–max) | local endpoint rows/s, median (min–max) | S3 / local (median / median) |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var flush in S3Bench.FlushSizes)
    {
        var local = s3.Runs.Where(r => r.Kind == S3Bench.Local && r.FlushMiB == flush).Select(r => r.Run.Sample.Rate).ToList();
        var remote = s3.Runs.Where(r => r.Kind == S3Bench.S3 && r.FlushMiB == flush).Select(r => r.Run.Sample.Rate).ToList();
        var objects = s3.Runs.First(r => r.FlushMiB == flush).Run.Timeline.Status.State.ObjectsWritten;
        Console.WriteLine(string.Create(Inv,
            $"| BASE of {rows:N0} rows, create → Finished, flush size {flush} MiB{(flush == 64 ? " (default)" : "")}, {objects} object(s) | " +
            $"{Spread(remote, "N0")} | {Spread(local, "N0")} | {Median(remote) / Median(local):F2} |"));
    }
    Console.WriteLine();
    Console.WriteLine("| endpoint, flush size (same rounds) | rows/s median (min–max) | wall s median | bench cpu/wall | server CPU s | objects | MB written | allocated B/row | gen0 / gen2 | GC pause ms |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var flush in S3Bench.FlushSizes)
    {
        foreach (var kind in new[] { S3Bench.Local, S3Bench.S3 })
        {
            var runs = s3.Runs.Where(r => r.Kind == kind && r.FlushMiB == flush).ToList();
            var mid = runs.OrderBy(r => r.Run.Sample.Seconds).ElementAt(runs.Count / 2);
            var state = mid.Run.Timeline.Status.State;
            Console.WriteLine(string.Create(Inv,
                $"| {(kind == S3Bench.S3 ? "S3 (Swift)" : "local folder")}, {flush} MiB | {Spread([.. runs.Select(r => r.Run.Sample.Rate)], "N0")} | " +
                $"{mid.Run.Sample.Seconds:F3} | {mid.Run.Sample.CpuPerWall:F2} | {(s3.ServerCpuKnown ? Median(runs.Select(r => r.ServerCpuSeconds)).ToString("F2", Inv) : "n/a")} | " +
                $"{state.ObjectsWritten} | {state.BytesWritten / 1e6:F1} | {mid.Run.Sample.AllocatedPerRow:F0} | {mid.Run.Sample.Gen0} / {mid.Run.Sample.Gen2} | {mid.Run.Sample.GcPauseSeconds * 1000:F0} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("| where the time goes (median s over the runs) | local | S3 | S3 − local |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var flush in S3Bench.FlushSizes)
    {
        var l = s3.Runs.Where(r => r.Kind == S3Bench.Local && r.FlushMiB == flush).Select(r => r.Run.Timeline).ToList();
        var s = s3.Runs.Where(r => r.Kind == S3Bench.S3 && r.FlushMiB == flush).Select(r => r.Run.Timeline).ToList();
        Three($"{flush} MiB: create → INIT done", Median(l.Select(t => t.InitDone)), Median(s.Select(t => t.InitDone)));
        Three($"{flush} MiB: INIT done → every row read and buffered", Median(l.Select(t => t.AllRowsRead - t.InitDone)), Median(s.Select(t => t.AllRowsRead - t.InitDone)));
        Three($"{flush} MiB: create → first object committed", Median(l.Select(t => t.FirstObject)), Median(s.Select(t => t.FirstObject)));
        Three($"{flush} MiB: last row buffered → Finished", Median(l.Select(t => t.Finished - t.AllRowsRead)), Median(s.Select(t => t.Finished - t.AllRowsRead)));
        Three($"{flush} MiB: total", Median(l.Select(t => t.Finished)), Median(s.Select(t => t.Finished)));
    }

    Console.WriteLine();
    Console.WriteLine("| replica, per flush size (median over the runs) | objects | MB | scan+map+buffer s | encode s (ms/object) | local put s (ms/object) | S3 put s (ms/object, max) | S3 put MB/s | per S3 put: bench CPU ms / server CPU ms | objects × (S3 − local put) s |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var flush in S3Bench.FlushSizes)
    {
        var reps = s3.Replicas.Where(r => r.FlushMiB == flush).ToList();
        var all = reps.SelectMany(r => r.Objects).ToList();
        var n = reps[0].Objects.Count;
        Console.WriteLine(string.Create(Inv,
            $"| {flush} MiB | {n} | {Median(reps.Select(r => (double)r.Bytes)) / 1e6:F1} | {Median(reps.Select(r => r.ScanMapBuffer)):F3} | " +
            $"{Median(reps.Select(r => r.Encode)):F3} ({Median(all.Select(o => o.Encode)) * 1000:F1}) | " +
            $"{Median(reps.Select(r => r.LocalPut)):F3} ({Median(all.Select(o => o.LocalPut)) * 1000:F1}) | " +
            $"{Median(reps.Select(r => r.S3Put)):F3} ({Median(all.Select(o => o.S3Put)) * 1000:F1}, {all.Max(o => o.S3Put) * 1000:F1}) | " +
            $"{Median(reps.Select(r => r.Bytes / r.S3Put)) / 1e6:F0} | " +
            $"{Median(all.Select(o => o.S3PutClientCpu)) * 1000:F0} / {(s3.ServerCpuKnown ? (Median(all.Select(o => o.S3PutServerCpu)) * 1000).ToString("F0", Inv) : "n/a")} | " +
            $"{Median(reps.Select(r => r.S3Put - r.LocalPut)):F3} |"));
    }
}

static void Three(string name, double local, double s3) =>
    Console.WriteLine(string.Create(Inv, $"| {name} | {local:F3} | {s3:F3} | {s3 - local:+0.000;-0.000;0.000} |"));

static void Part(string name, double seconds, double total) =>
    Console.WriteLine(string.Create(Inv, $"| {name} | {seconds:F3} | {seconds / total:P0} |"));


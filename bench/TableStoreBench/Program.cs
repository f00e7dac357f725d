using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DeliveryConsole.TableStoreBench;

// Table store ingest and scan benchmark, each against raw RocksDB doing the same work in the same process.
//   dotnet run -c Release --project bench/TableStoreBench [-- --rows N] [--runs R] [--diag] [--only ingest|scan]
// Variants run interleaved round-robin (one warm-up round, then R measured rounds); the medians are reported.

var rows = 1_000_000;
var runs = 3;
var diag = false;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--diag": diag = true; break;
        case "--only": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: TableStoreBench [--rows N] [--runs R] [--diag] [--only ingest|scan]");
            return 2;
    }
}
if (rows < Variants.BatchRows || runs < 1 || only is not (null or "ingest" or "scan"))
{
    Console.Error.WriteLine("--rows must be at least 200, --runs at least 1, --only ingest or scan");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv,
    $"# table store bench: {rows:N0} rows, {runs} runs + warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}"));

var setup = Stopwatch.StartNew();
var data = new Workload(rows, seed: 42);
var arena = data.Encode();
Console.WriteLine(string.Create(inv,
    $"# data generated in {setup.Elapsed.TotalSeconds:F1} s; raw encoding: {arena.Bytes / (double)rows:F1} bytes per row (row key + row value + change value)"));

var samples = new Dictionary<string, List<Sample>>();
void Record(string name, int round, Sample sample)
{
    Console.WriteLine(string.Create(inv,
        $"{name,-32} {(round == 0 ? "warm-up" : "run " + round),-8} {sample.Seconds,7:F3} s  {sample.Rows / sample.Seconds,11:N0} rows/s  " +
        $"cpu/wall {sample.CpuSeconds / sample.Seconds:F2}  alloc {sample.AllocatedBytes / (double)sample.Rows,6:F0} B/row  gc0 {sample.Gen0} gc2 {sample.Gen2}"));
    if (round > 0)
        (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(sample);
}

if (only is null or "ingest")
{
    var ingest = new List<(string Name, Func<int, Sample> Run)>
    {
        ("ingest asc: store", n => Variants.IngestStore(data, data.Ascending, n)),
        ("ingest asc: raw", n => Variants.IngestRaw(arena, data.Ascending, n)),
        ("ingest rnd: store", n => Variants.IngestStore(data, data.Random, n)),
        ("ingest rnd: raw", n => Variants.IngestRaw(arena, data.Random, n)),
    };
    if (diag)
    {
        ingest.Add(("ingest asc: raw + Get per row", n => Variants.IngestRaw(arena, data.Ascending, n, getFirst: true)));
        ingest.Add(("ingest rnd: raw + Get per row", n => Variants.IngestRaw(arena, data.Random, n, getFirst: true)));
        ingest.Add(("ingest rnd: raw + Get, bloom filters", n => Variants.IngestRaw(arena, data.Random, n, getFirst: true, bloom: true)));
    }
    var warmRows = Math.Min(rows, Math.Max(20_000, rows / 10));
    for (var round = 0; round <= runs; round++)
        foreach (var (name, run) in ingest)
            Record(name, round, run(round == 0 ? warmRows : rows));
}

if (only is null or "scan")
{
    setup.Restart();
    var folder = Variants.BuildScanTable(data, rows);
    Console.WriteLine(string.Create(inv, $"# scan table built through the store in {setup.Elapsed.TotalSeconds:F1} s (untimed)"));
    try
    {
        var scan = new List<(string Name, Func<Sample> Run)>
        {
            ("scan: store GetRange", () => Variants.ScanStore(folder, rows)),
            ("scan: raw", () => Variants.ScanRaw(folder, rows)),
        };
        if (diag)
            scan.Add(("scan: raw + decode to values", () => Variants.ScanRawDecoded(folder, rows)));
        for (var round = 0; round <= runs; round++)
            foreach (var (name, run) in scan)
                Record(name, round, run());
    }
    finally
    {
        Variants.DeleteFolder(folder);
    }
}

Console.WriteLine();
Console.WriteLine("| measurement | table store rows/s, median (min–max) | raw RocksDB rows/s, median (min–max) | store / raw | target | met |");
Console.WriteLine("|---|---|---|---|---|---|");
Row("BatchWriteRow ingest, ascending keys", "ingest asc: store", "ingest asc: raw", 100_000);
Row("BatchWriteRow ingest, random keys", "ingest rnd: store", "ingest rnd: raw", 100_000);
Row("GetRange full scan, typed rows", "scan: store GetRange", "scan: raw", 700_000);
Console.WriteLine();
Console.WriteLine("| variant | rows/s median | wall s median | cpu/wall | allocated B/row | gen0 / gen2 GCs per run |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (name, list) in samples)
{
    var mid = list.OrderBy(s => s.Seconds).ElementAt(list.Count / 2);
    Console.WriteLine(string.Create(inv,
        $"| {name} | {Median(list):N0} | {mid.Seconds:F3} | {mid.CpuSeconds / mid.Seconds:F2} | {mid.AllocatedBytes / (double)mid.Rows:F0} | {mid.Gen0} / {mid.Gen2} |"));
}
return 0;

void Row(string title, string store, string raw, double target)
{
    if (!samples.TryGetValue(store, out var s) || !samples.TryGetValue(raw, out var r))
        return;
    var (sm, rm) = (Median(s), Median(r));
    Console.WriteLine(string.Create(inv,
        $"| {title} | {sm:N0} ({s.Min(Rate):N0}–{s.Max(Rate):N0}) | {rm:N0} ({r.Min(Rate):N0}–{r.Max(Rate):N0}) | {sm / rm:F2} | ≥ {target:N0} | {(sm >= target ? "yes" : "**no**")} |"));
}

static double Rate(Sample s) => s.Rows / s.Seconds;

static double Median(List<Sample> list)
{
    var rates = list.Select(Rate).Order().ToArray();
    return rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[rates.Length / 2 - 1] + rates[rates.Length / 2]) / 2;
}

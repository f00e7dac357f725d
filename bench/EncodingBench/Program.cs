using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DeliveryConsole.EncodingBench;

// Parquet encodings: Parquet.Net 6.1.0 vs ParquetSharp 25.0.1.2 (Arrow C++), one column of 1M rows per kind.
//   dotnet run -c Release --project bench/EncodingBench [-- --rows N] [--runs R]
// For each column kind every variant writes the column into memory (timed), the bytes go to a file (untimed) and
// DuckDB decodes every value back (timed). Variants run interleaved round-robin, one warm-up round then R measured
// rounds; medians are reported as ratios against Parquet.Net PLAIN of the same kind in the same run. Then the fixed
// cost of a small object: each variant writes 2,000 objects of 100 rows, median time per object.

var rows = 1_000_000;
var runs = 3;
var smallObjects = 2_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine("usage: EncodingBench [--rows N] [--runs R]");
            return 2;
    }
}
if (rows < 1 || runs < 1)
{
    Console.Error.WriteLine("--rows and --runs must be at least 1");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv,
    $"# encoding bench: {rows:N0} rows, {runs} runs + warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}, load average {LoadAverage()}"));
var data = new Workload(rows, seed: 42);
var folder = Directory.CreateTempSubdirectory("encoding-bench-").FullName;
var buffer = new MemoryStream(capacity: 64 << 20);
var measured = new Dictionary<(ColumnKind, Variant), Result>();
try
{
    var cases = Enum.GetValues<ColumnKind>().SelectMany(kind => Variant.For(kind).Select(variant => (kind, variant))).ToList();
    for (var round = 0; round <= runs; round++)
    {
        foreach (var (kind, variant) in cases)
        {
            buffer.SetLength(0);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            Writers.Write(data, kind, variant, buffer);
            var writeSeconds = watch.Elapsed.TotalSeconds;
            var path = Path.Combine(folder, $"{kind}-{variant.Library}-{variant.Encoding}.parquet");
            File.WriteAllBytes(path, buffer.ToArray());
            var (readSeconds, fingerprint) = DuckDbRead.Scan(path);
            Console.WriteLine(string.Create(inv,
                $"{kind,-20} {variant.Name,-36} {(round == 0 ? "warm-up" : "run " + round),-8} write {writeSeconds * 1000,7:F1} ms  read {readSeconds * 1000,6:F1} ms  {buffer.Length,11:N0} B"));
            if (round == 0)
                continue;
            if (!measured.TryGetValue((kind, variant), out var result))
                measured[(kind, variant)] = result = new Result(buffer.Length, fingerprint, DuckDbRead.Encodings(path));
            result.Write.Add(writeSeconds);
            result.Read.Add(readSeconds);
        }
    }

    Console.WriteLine();
    Console.WriteLine("| column | writer and encoding | size | write | DuckDB read | same values | encodings in the footer (DuckDB parquet_metadata) |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var kind in Enum.GetValues<ColumnKind>())
    {
        var reference = measured[(kind, new Variant(Library.ParquetNet, DeliveryConsole.Delivery.Schema.ColumnEncoding.Plain))];
        foreach (var variant in Variant.For(kind))
        {
            var result = measured[(kind, variant)];
            Console.WriteLine(string.Create(inv,
                $"| {kind} | {variant.Name} | {result.Bytes / 1e6:F3} MB ({result.Bytes / (double)reference.Bytes:F2}) " +
                $"| {result.WriteMedian * 1000:F0} ms ({result.WriteMedian / reference.WriteMedian:F2}) " +
                $"| {result.ReadMedian * 1000:F0} ms ({result.ReadMedian / reference.ReadMedian:F2}) " +
                $"| {(result.Fingerprint == reference.Fingerprint ? "yes" : "NO: " + result.Fingerprint)} | {result.Encodings} |"));
        }
    }
    Console.WriteLine();
    Console.WriteLine(string.Create(inv, $"Small objects: {SmallObjects.Rows} rows, median of {smallObjects} objects per variant (after one warm-up pass)"));
    Console.WriteLine();
    Console.WriteLine("| column | writer and encoding | per object |");
    Console.WriteLine("|---|---|---|");
    foreach (var kind in new[] { ColumnKind.Int64Sequential, ColumnKind.Utf8LowCardinality })
    {
        foreach (var variant in Variant.For(kind))
            SmallObjects.MicrosecondsPerObject(data, kind, variant, smallObjects / 10);
        var reference = SmallObjects.MicrosecondsPerObject(data, kind, Variant.For(kind).First(), smallObjects);
        foreach (var variant in Variant.For(kind))
        {
            var micros = SmallObjects.MicrosecondsPerObject(data, kind, variant, smallObjects);
            Console.WriteLine(string.Create(inv, $"| {kind} | {variant.Name} | {micros:F0} µs ({micros / reference:F2}) |"));
        }
    }
    Console.WriteLine();
    Console.WriteLine($"# load average at the end {LoadAverage()}");
}
finally
{
    Directory.Delete(folder, recursive: true);
}
return 0;

static string LoadAverage()
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

internal sealed record Result(long Bytes, string Fingerprint, string Encodings)
{
    public List<double> Write { get; } = [];
    public List<double> Read { get; } = [];
    public double WriteMedian => Median(Write);
    public double ReadMedian => Median(Read);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

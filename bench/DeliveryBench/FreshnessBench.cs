using System.Collections.Concurrent;
using System.Diagnostics;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore.Model;
using Parquet;
using Parquet.Schema;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.DeliveryBench;

/// <summary>
/// Measurement 2: an INC task with a 1 s flush interval while a paced writer commits <c>rate</c> rows/s for
/// <c>seconds</c> s (after <c>warmup</c> s that are written and delivered alike but not measured). Each row's ts
/// column is the wall clock (ms) just before its BatchWriteRow; a separate thread lists the bucket folder every
/// 5 ms and notes when each object first appears (objects are renamed into place whole, so a visible one is
/// complete). Afterwards every object's ts column is read back with Parquet.Net: a row's freshness is its
/// object's first-seen time minus its ts.
/// </summary>
internal sealed class FreshnessBench(int seconds, int rate, int warmupSeconds)
{
    private const string Table = "fresh";
    private const string Task = "fresh-inc";
    private const string Prefix = "fresh";
    private const int PollMs = 5;

    public FreshnessResult? Result { get; private set; }

    public async Task RunAsync()
    {
        var folder = NewFolder("freshness");
        try
        {
            await using var host = await BenchHost.StartAsync(folder);
            Workload.CreateTable(host.Tables, Table);
            await host.CreateAsync(BenchHost.Request(Table, Task, "INC", Prefix, flushIntervalSeconds: 1));
            while ((await host.DescribeAsync(Table, Task)).State.Phase != TaskPhase.Incr)
                await System.Threading.Tasks.Task.Delay(10);

            var seen = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            using var stopPolling = new CancellationTokenSource();
            var poller = new Thread(() => Poll(host.BucketFolder, seen, stopPolling.Token)) { IsBackground = true, Name = "bucket poller" };
            poller.Start();

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var writer = PacedWriter.Run(host, Table, rate, warmupSeconds, seconds);
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(Inv,
                $"# freshness: wrote {writer.Rows:N0} rows in {writer.Seconds:F2} s = {writer.Rows / writer.Seconds:N0} rows/s " +
                $"(target {rate:N0}); batch start lateness p99 {writer.LatenessP99Ms:F1} ms, max {writer.LatenessMaxMs:F1} ms; " +
                $"process cpu/wall {cpuSeconds / writer.Seconds:F2}"));

            // Every written row delivered: the last buffer is written about a second after the last write.
            var deadline = Stopwatch.StartNew();
            DeliveryTaskStatus status;
            while ((status = await host.DescribeAsync(Table, Task)).State.RowsDelivered < writer.Rows)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException($"only {status.State.RowsDelivered} of {writer.Rows} rows delivered a minute after the last write");
                await System.Threading.Tasks.Task.Delay(20);
            }
            await System.Threading.Tasks.Task.Delay(50);
            await stopPolling.CancelAsync();
            poller.Join();

            Result = await AnalyseAsync(seen, writer, status.State, cpuSeconds);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void Poll(string bucketFolder, ConcurrentDictionary<string, double> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (Directory.Exists(bucketFolder))
            {
                foreach (var path in Directory.EnumerateFiles(bucketFolder, "*", SearchOption.AllDirectories))
                {
                    // Uploads in progress are temp files (".~put-<guid>.tmp") renamed over the object when complete.
                    if (Path.GetFileName(path).StartsWith(".~put-", StringComparison.Ordinal))
                        continue;
                    seen.TryAdd(path, WallMs());
                }
            }
            Thread.Sleep(PollMs);
        }
    }

    private async Task<FreshnessResult> AnalyseAsync(ConcurrentDictionary<string, double> seen, WriterReport writer, TaskState state, double cpuSeconds)
    {
        var latencies = new List<double>();
        var oldest = new List<double>();
        var newest = new List<double>();
        long rowsRead = 0;
        foreach (var (path, firstSeen) in seen)
        {
            var ts = await ReadTsAsync(path);
            rowsRead += ts.Count;
            var measured = ts.Where(t => t >= writer.MeasureFromMs).ToList();
            if (measured.Count == 0)
                continue;
            foreach (var t in measured)
                latencies.Add(firstSeen - t);
            oldest.Add(firstSeen - ts.Min());
            newest.Add(firstSeen - ts.Max());
        }
        if (rowsRead != writer.Rows)
            Console.WriteLine(string.Create(Inv, $"# WARNING: the objects hold {rowsRead:N0} rows, the writer wrote {writer.Rows:N0}"));
        var sorted = latencies.Order().ToArray();
        var result = new FreshnessResult(
            Rate: rate, Seconds: seconds, WarmupSeconds: warmupSeconds, Writer: writer, RowsMeasured: sorted.Length, RowsInObjects: rowsRead,
            Objects: seen.Count, RowsDelivered: state.RowsDelivered,
            P50Ms: Percentile(sorted, 50), P99Ms: Percentile(sorted, 99), MaxMs: sorted.Length == 0 ? double.NaN : sorted[^1],
            OldestRowMedianMs: Median(oldest), NewestRowMedianMs: Median(newest), NewestRowMaxMs: newest.Count == 0 ? double.NaN : newest.Max(),
            CpuPerWall: cpuSeconds / writer.Seconds);
        Console.WriteLine(string.Create(Inv,
            $"# freshness: {result.RowsMeasured:N0} rows measured ({result.Objects} objects in all): p50 {result.P50Ms:F0} ms, p99 {result.P99Ms:F0} ms, " +
            $"max {result.MaxMs:F0} ms; per object (median): oldest row {result.OldestRowMedianMs:F0} ms, newest row {result.NewestRowMedianMs:F0} ms " +
            $"(max {result.NewestRowMaxMs:F0} ms)"));
        return result;
    }

    private static async Task<List<long>> ReadTsAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == "ts");
        var all = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new long?[group.RowCount];
            await group.ReadAsync<long>(field, values.AsMemory(), null, CancellationToken.None);
            foreach (var value in values)
                all.Add(value ?? throw new InvalidOperationException($"{path}: a null ts"));
        }
        return all;
    }
}

internal sealed record FreshnessResult(
    int Rate, int Seconds, int WarmupSeconds, WriterReport Writer, long RowsMeasured, long RowsInObjects, int Objects, long RowsDelivered,
    double P50Ms, double P99Ms, double MaxMs, double OldestRowMedianMs, double NewestRowMedianMs, double NewestRowMaxMs, double CpuPerWall);

/// <summary>What the paced writer did: rows, wall seconds, how late batches started against the schedule.</summary>
internal sealed record WriterReport(long Rows, double Seconds, double LatenessP99Ms, double LatenessMaxMs, double MeasureFromMs)
{
    public double Rate => Rows / Seconds;
}

/// <summary>
/// Writes BatchWriteRow requests of 200 rows on a fixed schedule (batch k is due at k·200/rate s, paced by a
/// Stopwatch; a late batch is written at once, so the average rate holds). Each row's ts is the wall clock just
/// before its request. Rows are new keys in ascending order.
/// </summary>
internal static class PacedWriter
{
    /// <param name="warmupSeconds">Written first; rows with a ts before the end of the warm-up are not measured.</param>
    public static WriterReport Run(BenchHost host, string table, int rate, int warmupSeconds, int seconds)
    {
        var batch = Math.Min(Workload.BatchRows, Math.Max(1, rate / 50));
        var total = (long)rate * (warmupSeconds + seconds);
        var warmupRows = (long)rate * warmupSeconds;
        var interval = TimeSpan.FromSeconds(batch / (double)rate);
        var lateness = new List<double>();
        var measureFrom = double.NaN;
        var clock = Stopwatch.StartNew();
        long written = 0;
        for (long k = 0; written < total; k++)
        {
            var due = interval * k;
            while (clock.Elapsed < due)
            {
                var left = due - clock.Elapsed;
                if (left > TimeSpan.FromMilliseconds(2))
                    Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
                else
                    Thread.SpinWait(50);
            }
            lateness.Add((clock.Elapsed - due).TotalMilliseconds);
            var count = (int)Math.Min(batch, total - written);
            var ts = (long)WallMs();
            if (written >= warmupRows && double.IsNaN(measureFrom))
                measureFrom = ts;
            var writes = new RowWrite[count];
            for (var j = 0; j < count; j++)
                writes[j] = Workload.Write(written + j, ts);
            Workload.Check(host.Writer.BatchWriteRow([(table, writes)]));
            written += count;
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = lateness.Order().ToArray();
        return new WriterReport(written, elapsed, Stats.Percentile(sorted, 99), sorted[^1], measureFrom);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.LoadBench;

/// <summary>
/// One measured phase: tasks created on empty tables and waited into INCR, then one paced writer per table puts
/// <c>rate</c> rows/s in total (split evenly over the tables) in BatchWriteRow batches for <c>seconds</c>, while
/// the working set is sampled every 5 s and every task described every 10 s; then the tasks are described until
/// each has delivered every row written to its table.
/// </summary>
internal sealed class LoadPhase(LoadApi api, RocksProbe rocks, IReadOnlyList<string> tables, int tasksPerTable, int rate, double seconds, int flushIntervalSeconds)
{
    public const int BatchRows = 100;
    private static readonly TimeSpan MemoryEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DescribeEvery = TimeSpan.FromSeconds(10);

    public IEnumerable<(string Table, string Task)> Tasks =>
        tables.SelectMany(table => Enumerable.Range(0, tasksPerTable).Select(k => (table, $"{table.Replace('_', '-')}-task-{k}")));

    public async Task<PhaseResult> RunAsync()
    {
        foreach (var table in tables)
            await api.CreateTableAsync(table);
        foreach (var (table, task) in Tasks)
            await api.CreateTaskAsync(table, task, flushIntervalSeconds);
        foreach (var (table, task) in Tasks)
            while ((await api.DescribeAsync(table, task)).Phase != "INCR")
                await Task.Delay(50);

        var process = Process.GetCurrentProcess();
        var memory = new ConcurrentQueue<MemorySample>();
        var samples = new ConcurrentQueue<(double Seconds, TaskSample Sample)>();
        using var stopSampling = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var memorySampler = SampleMemoryAsync(process, clock, memory, stopSampling.Token);
        var taskSampler = SampleTasksAsync(clock, samples, stopSampling.Token);

        var writers = tables.Select(table => WriteAsync(table, rate / (double)tables.Count, seconds)).ToList();
        var written = await Task.WhenAll(writers);
        var writingSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuWriting = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        // Caught up: each task's rowsDelivered equals the rows written to its table (every row a distinct PUT).
        var expected = tables.Zip(written).ToDictionary(p => p.First, p => p.Second.Accepted);
        var deadline = TimeSpan.FromSeconds(writingSeconds + flushIntervalSeconds + 120);
        List<TaskSample> last;
        while (true)
        {
            last = [];
            foreach (var (table, task) in Tasks)
                last.Add(await api.DescribeAsync(table, task));
            if (last.All(s => s.RowsDelivered == expected[s.Table]) || clock.Elapsed > deadline)
                break;
            await Task.Delay(200);
        }
        var caughtUpSeconds = clock.Elapsed.TotalSeconds - writingSeconds;
        process.Refresh();
        var cpuTotal = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        await stopSampling.CancelAsync();
        await Task.WhenAll(memorySampler, taskSampler);
        foreach (var s in last)
            samples.Enqueue((clock.Elapsed.TotalSeconds, s));

        return new PhaseResult(tables.Count, tables.Count * tasksPerTable, rate, writingSeconds, caughtUpSeconds, cpuWriting, cpuTotal,
            written.Sum(w => w.Accepted), written.Sum(w => w.Rejected), written.Max(w => w.LatenessMaxMs), expected, last,
            [.. samples], [.. memory]);
    }

    private async Task<Written> WriteAsync(string table, double tableRate, double forSeconds)
    {
        var interval = BatchRows / tableRate;
        var clock = Stopwatch.StartNew();
        long accepted = 0, rejected = 0, next = 1;
        double latenessMax = 0;
        for (var batch = 0; batch * interval < forSeconds; batch++)
        {
            var wait = batch * interval - clock.Elapsed.TotalSeconds;
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds(wait));
            else
                latenessMax = Math.Max(latenessMax, -wait * 1000);
            var ok = await api.PutRowsAsync(table, next, BatchRows, CancellationToken.None);
            accepted += ok;
            rejected += BatchRows - ok;
            next += BatchRows;
        }
        return new Written(accepted, rejected, latenessMax);
    }

    private async Task SampleMemoryAsync(Process process, Stopwatch clock, ConcurrentQueue<MemorySample> into, CancellationToken token)
    {
        using var timer = new PeriodicTimer(MemoryEvery);
        do
        {
            process.Refresh();
            var (memtables, blockCache, tableReaders) = rocks.Sample();
            into.Enqueue(new MemorySample(clock.Elapsed.TotalSeconds, process.WorkingSet64, GC.GetTotalMemory(false),
                GC.GetGCMemoryInfo().TotalCommittedBytes, ProcStatusBytes("RssAnon"), ProcStatusBytes("RssFile"), memtables, blockCache, tableReaders,
                SQLitePCL.raw.sqlite3_memory_used()));
        }
        while (await Tick(timer, token));
    }

    private async Task SampleTasksAsync(Stopwatch clock, ConcurrentQueue<(double, TaskSample)> into, CancellationToken token)
    {
        using var timer = new PeriodicTimer(DescribeEvery);
        while (await Tick(timer, token))
        {
            foreach (var (table, task) in Tasks)
            {
                try
                {
                    into.Enqueue((clock.Elapsed.TotalSeconds, await api.DescribeAsync(table, task, token)));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Written(long Accepted, long Rejected, double LatenessMaxMs);
}

/// <summary>
/// The working set and what it is made of: the managed heap (live estimate) and what the GC has committed, and
/// the kernel's split of the resident set into anonymous memory (heaps, RocksDB's memtables and block cache,
/// SQLite's page cache) and file-backed pages mapped by the process; and RocksDB's own figures (<see cref="RocksProbe"/>).
/// </summary>
internal sealed record MemorySample(double Seconds, long WorkingSetBytes, long ManagedBytes, long GcCommittedBytes, long RssAnonBytes, long RssFileBytes,
    long RocksMemtableBytes, long RocksBlockCacheBytes, long RocksTableReaderBytes, long SqliteBytes);

internal sealed record PhaseResult(
    int Tables, int TaskCount, int Rate, double WritingSeconds, double CatchUpSeconds, double CpuWritingSeconds, double CpuTotalSeconds,
    long RowsWritten, long RowsRejected, double WriterLatenessMaxMs, IReadOnlyDictionary<string, long> ExpectedByTable,
    IReadOnlyList<TaskSample> Final, IReadOnlyList<(double Seconds, TaskSample Sample)> Samples, IReadOnlyList<MemorySample> Memory)
{
    public long RowsDelivered => Final.Sum(s => s.RowsDelivered);

    public IEnumerable<TaskSample> NotCaughtUp => Final.Where(s => s.RowsDelivered != ExpectedByTable[s.Table]);

    /// <summary>Every sample that showed an error code or a last error, first per task.</summary>
    public IEnumerable<TaskSample> Errors => Samples.Select(s => s.Sample).Where(s => s.InError).DistinctBy(s => s.Task);

    /// <summary>Freshness lag of every task sample taken while the writers ran (the final ones excluded: writes had stopped).</summary>
    public double[] FreshnessMs => [.. Samples.Where(s => s.Seconds <= WritingSeconds).Select(s => (double)s.Sample.FreshnessLagMs).Order()];

    /// <summary>Mean working set of the samples in [from, to) seconds of the phase.</summary>
    public double MeanWorkingSet(double from, double to) => Mean(from, to, m => m.WorkingSetBytes);

    /// <summary>Mean of one memory figure over the samples in [from, to) seconds of the phase.</summary>
    public double Mean(double from, double to, Func<MemorySample, long> figure) =>
        Memory.Where(m => m.Seconds >= from && m.Seconds < to).Select(m => (double)figure(m)).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Least-squares slope of the working set over the samples in [from, to) seconds, in bytes per minute.</summary>
    public double WorkingSetSlopePerMinute(double from, double to)
    {
        var points = Memory.Where(m => m.Seconds >= from && m.Seconds < to).Select(m => (X: m.Seconds / 60, Y: (double)m.WorkingSetBytes)).ToList();
        if (points.Count < 2)
            return double.NaN;
        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    public string Percentiles(double[] ascending) =>
        string.Create(Inv, $"{Percentile(ascending, 50) / 1000:F1} / {Percentile(ascending, 99) / 1000:F1} / {(ascending.Length == 0 ? double.NaN : ascending[^1]) / 1000:F1}");
}

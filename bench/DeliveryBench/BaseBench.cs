using System.Diagnostics;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.DeliveryBench;

/// <summary>Managed memory of one buffered object: rows, heap held, the buffer's own estimate, the write's allocations, the object.</summary>
internal sealed record Footprint(long Rows, long HeldBytes, long EstimatedBytes, long EncodeAllocatedBytes, long ObjectBytes, long StreamCapacity);

/// <summary>The engine's run of one BASE task, with when each of its steps showed in the task's status.</summary>
internal sealed record EngineRun(Sample Sample, BaseTimeline Timeline);

/// <summary>The bench's single-threaded replica of the engine's per-row work, stage by stage (seconds).</summary>
internal sealed record ReplicaRun(Sample Sample, double ScanMapBuffer, double Encode, double Put, long ObjectBytes);

/// <summary>
/// Measurement 1: a BASE task over a table of <c>rows</c> rows, from CreateDeliveryTask until DescribeDeliveryTask
/// says Finished, against a raw full iteration of the same table (live snapshot, every cell touched) in the same
/// process, interleaved round-robin. Diagnostic variants in the same rounds say where the engine's time goes:
/// the same scan of a saved snapshot (what the engine reads), and a single-threaded replica of the engine's per-row
/// work built from the engine's public pieces (SourceCells, SchemaMapper, ParquetBuffer, ParquetObjectWriter,
/// LocalFolderEndpoint), timed stage by stage.
/// </summary>
internal sealed class BaseBench(long rows, int runs, bool engineOnly = false)
{
    public const string Table = "bench";
    public const string Prefix = "bench";

    public List<EngineRun> Engine { get; } = [];
    public List<Sample> RawScan { get; } = [];
    public List<Sample> SavedScan { get; } = [];
    public List<double> SaveSnapshotSeconds { get; } = [];
    public List<ReplicaRun> Replica { get; } = [];

    /// <summary>Diagnostic ladder: the scan plus the engine's per-row steps up to step 1..4 (see <see cref="Ladder"/>).</summary>
    public SortedDictionary<int, List<Sample>> Steps { get; } = [];

    public static readonly string[] StepNames =
    [
        "",
        "scan + SourceCells.FromRow",
        "+ the write time (SchemaMapper.Delivers per cell)",
        "+ SchemaMapper.MapInto",
        "+ ParquetBuffer.Append",
        "(step 4 with the buffer cleared every 100,000 rows: no row held long)",
    ];
    public long Rows => rows;

    /// <summary>What one object's rows cost in memory while buffered (see <see cref="MeasureFootprint"/>).</summary>
    public Footprint? BufferFootprint { get; private set; }

    public async Task RunAsync()
    {
        var folder = NewFolder("base");
        try
        {
            await using var host = await BenchHost.StartAsync(folder);
            var load = Stopwatch.StartNew();
            Workload.CreateTable(host.Tables, Table);
            Workload.Load(host.Writer, Table, rows);
            Console.WriteLine(string.Create(Inv, $"# base: {rows:N0} rows loaded through BatchWriteRow in {load.Elapsed.TotalSeconds:F1} s (untimed)"));
            var replicaBucket = Path.Combine(folder, "replica");
            var replicaEndpoint = new LocalFolderEndpoint("replica", replicaBucket);
            await replicaEndpoint.CreateBucketAsync("replica", CancellationToken.None);

            for (var round = 0; round <= runs; round++)
            {
                var label = round == 0 ? "warm-up" : "run " + round;
                var engine = await EngineBaseAsync(host, round);
                Print("engine BASE task", label, engine.Sample,
                    string.Create(Inv, $"INIT {engine.Timeline.InitDone:F3} s, read+map done {engine.Timeline.AllRowsRead:F3} s, " +
                        $"first object {engine.Timeline.FirstObject:F3} s, Finished {engine.Timeline.Finished:F3} s; " +
                        $"{engine.Timeline.Status.State.ObjectsWritten} object(s), {engine.Timeline.Status.State.BytesWritten / 1e6:F1} MB"));
                if (engineOnly)
                {
                    if (round > 0)
                        Engine.Add(engine);
                    continue;
                }
                var raw = ScanLive(host.LiveRows);
                Print("raw scan (reference)", label, raw, "");
                var (saveSeconds, saved) = ScanSaved(host.SavedSnapshots);
                Print("scan of a saved snapshot", label, saved, string.Create(Inv, $"SaveSnapshot {saveSeconds:F3} s (not in the rate)"));
                var replica = await ReplicaAsync(host.LiveRows, replicaEndpoint);
                Print("replica: 1 thread, all stages", label, replica.Sample,
                    string.Create(Inv, $"scan+map+buffer {replica.ScanMapBuffer:F3} s, Parquet encode {replica.Encode:F3} s, put {replica.Put:F3} s"));
                var steps = new Sample[StepNames.Length];
                for (var depth = 1; depth < StepNames.Length; depth++)
                {
                    steps[depth] = Ladder(host.LiveRows, depth);
                    Print($"step {depth}", label, steps[depth], StepNames[depth]);
                }
                if (round == 0)
                    continue;
                for (var depth = 1; depth < StepNames.Length; depth++)
                    (Steps.TryGetValue(depth, out var list) ? list : Steps[depth] = []).Add(steps[depth]);
                Engine.Add(engine);
                RawScan.Add(raw);
                SavedScan.Add(saved);
                SaveSnapshotSeconds.Add(saveSeconds);
                Replica.Add(replica);
            }
            if (!engineOnly)
                BufferFootprint = await MeasureFootprintAsync(host.LiveRows);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    /// <summary>
    /// Diagnostic: the managed heap that stays reachable while a ParquetBuffer holds the table's rows (as the
    /// engine's partition buffer holds one object's rows until it is written), against the buffer's
    /// EstimatedBytes (what the flush size is compared with); then what writing it with ParquetObjectWriter
    /// allocates and the size of the MemoryStream it fills.
    /// </summary>
    private async Task<Footprint> MeasureFootprintAsync(LiveRows tables)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var mapper = new SchemaMapper(Workload.Columns);
        var buffer = new ParquetBuffer(Workload.Columns);
        var mapped = new Value?[Workload.Columns.Count];
        using (var snapshot = tables.OpenSnapshot())
        {
            foreach (var row in snapshot.Scan(Table))
            {
                mapper.MapInto(SourceCells.FromRow(row), mapped);
                buffer.Append(mapped);
            }
        }
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var data = new MemoryStream();
        await new ParquetObjectWriter(Workload.Columns).WriteAsync(buffer, data);
        var footprint = new Footprint(buffer.RowCount, held, buffer.EstimatedBytes, GC.GetTotalAllocatedBytes(precise: true) - allocated,
            data.Length, data.Capacity);
        GC.KeepAlive(buffer);
        Console.WriteLine(string.Create(Inv,
            $"# buffer footprint: {footprint.Rows:N0} rows hold {footprint.HeldBytes / 1048576.0:F0} MiB of managed heap " +
            $"({footprint.HeldBytes / (double)footprint.Rows:F0} B/row) for an EstimatedBytes of {footprint.EstimatedBytes / 1048576.0:F0} MiB " +
            $"({footprint.EstimatedBytes / (double)footprint.Rows:F1} B/row); writing it allocates {footprint.EncodeAllocatedBytes / 1048576.0:F0} MiB " +
            $"and fills a MemoryStream of {footprint.ObjectBytes / 1048576.0:F1} MiB (capacity {footprint.StreamCapacity / 1048576.0:F0} MiB)"));
        return footprint;
    }

    private static void Print(string name, string round, Sample s, string extra) =>
        Console.WriteLine(string.Create(Inv,
            $"{name,-30} {round,-8} {s.Seconds,7:F3} s {s.Rate,11:N0} rows/s  cpu/wall {s.CpuPerWall:F2}  alloc {s.AllocatedPerRow,5:F0} B/row  " +
            $"gc0 {s.Gen0} gc2 {s.Gen2} pause {s.GcPauseSeconds * 1000:F0} ms  {extra}"));

    /// <summary>Creates a BASE task and waits until it is Finished; then deletes it and its objects (untimed).</summary>
    private async Task<EngineRun> EngineBaseAsync(BenchHost host, int round)
    {
        var task = $"base-{round}";
        var meter = Meter.Start();
        await host.CreateAsync(BenchHost.Request(Table, task, "BASE", Prefix));
        var timeline = await host.WaitFinishedAsync(Table, task, meter.Clock, rows, TimeSpan.FromMinutes(10));
        var sample = meter.Stop(rows);
        var state = timeline.Status.State;
        if (state.RowsDelivered != rows || timeline.Status.SnapshotRowsScanned != rows)
            throw new InvalidOperationException($"task {task} delivered {state.RowsDelivered} rows and read {timeline.Status.SnapshotRowsScanned}, not {rows}");
        await host.DeleteAsync(Table, task);
        DeleteFolder(Path.Combine(host.BucketFolder, Prefix));
        return new EngineRun(sample, timeline);
    }

    /// <summary>The reference: LiveRows.OpenSnapshot, then Scan, counting rows and reading every decoded key and cell.</summary>
    private Sample ScanLive(LiveRows tables)
    {
        var meter = Meter.Start();
        using (var snapshot = tables.OpenSnapshot())
            Touch(snapshot);
        return meter.Stop(rows);
    }

    /// <summary>Diagnostic: SaveSnapshot (timed apart), then the same scan of the saved snapshot, as the engine reads it.</summary>
    private (double SaveSeconds, Sample Scan) ScanSaved(SavedSnapshots tables)
    {
        const string name = "bench-saved-scan";
        var save = Stopwatch.StartNew();
        tables.SaveSnapshot(name);
        var saveSeconds = save.Elapsed.TotalSeconds;
        try
        {
            var meter = Meter.Start();
            using (var snapshot = tables.OpenSavedSnapshot(name))
                Touch(snapshot);
            return (saveSeconds, meter.Stop(rows));
        }
        finally
        {
            tables.DropSavedSnapshot(name);
        }
    }

    private void Touch(TableSnapshot snapshot)
    {
        long count = 0, checksum = 0;
        foreach (var row in snapshot.Scan(Table))
        {
            count++;
            checksum += row.PrimaryKey[0].Value.AsString.Length;
            foreach (var cell in row.Columns)
                checksum += Workload.Touch(cell.Value) + cell.Timestamp;
        }
        if (count != rows || checksum == 0)
            throw new InvalidOperationException($"the scan saw {count} rows, not {rows}");
    }

    /// <summary>
    /// Diagnostic: a live-snapshot scan plus the engine's per-row steps up to <paramref name="depth"/>: 1 builds
    /// the (name, value) list (SourceCells.FromRow), 2 adds BASE's write time (the newest timestamp among the
    /// delivered cells: SchemaMapper.Delivers per cell), 3 adds SchemaMapper.MapInto, 4 adds ParquetBuffer.Append;
    /// 5 is 4 with the buffer cleared every 100,000 rows, so no row and no large array lives long (what holding a
    /// whole object's rows costs).
    /// </summary>
    private Sample Ladder(LiveRows tables, int depth)
    {
        var meter = Meter.Start();
        var mapper = new SchemaMapper(Workload.Columns);
        var buffer = new ParquetBuffer(Workload.Columns);
        var mapped = new Value?[Workload.Columns.Count];
        var dirty = new List<DirtyCell>();
        long checksum = 0;
        using (var snapshot = tables.OpenSnapshot())
        {
            foreach (var row in snapshot.Scan(Table))
            {
                var cells = SourceCells.FromRow(row);
                checksum += cells.Count;
                if (depth >= 2)
                {
                    var newest = long.MinValue;
                    foreach (var cell in row.Columns)
                    {
                        if (cell.Timestamp > newest && mapper.Delivers(cell.Name, cell.Value))
                            newest = cell.Timestamp;
                    }
                    checksum += newest & 1;
                }
                if (depth >= 3)
                {
                    dirty.Clear();
                    checksum += mapper.MapInto(cells, mapped, dirty);
                }
                if (depth >= 4)
                    buffer.Append(mapped);
                if (depth == 5 && buffer.RowCount == 100_000)
                    buffer.Clear();
            }
        }
        if (checksum == 0 || (depth == 4 && buffer.RowCount != rows))
            throw new InvalidOperationException("the ladder read nothing");
        return meter.Stop(rows);
    }

    /// <summary>
    /// Diagnostic: the engine's per-row work on one thread, from the engine's own public pieces: the scan (live
    /// snapshot), SourceCells.FromRow, the write time (SchemaMapper.Delivers per cell), SchemaMapper.MapInto and
    /// ParquetBuffer.Append; then ParquetObjectWriter into a MemoryStream, then LocalFolderEndpoint.PutObjectAsync
    /// (temp file, fsync, rename). No channel, no catalog.
    /// </summary>
    private async Task<ReplicaRun> ReplicaAsync(LiveRows tables, LocalFolderEndpoint endpoint)
    {
        var meter = Meter.Start();
        var clock = meter.Clock;
        var mapper = new SchemaMapper(Workload.Columns);
        var buffer = new ParquetBuffer(Workload.Columns);
        var mapped = new Value?[Workload.Columns.Count];
        var dirty = new List<DirtyCell>();
        long newest = 0;
        using (var snapshot = tables.OpenSnapshot())
        {
            foreach (var row in snapshot.Scan(Table))
            {
                var cells = SourceCells.FromRow(row);
                foreach (var cell in row.Columns)
                {
                    if (cell.Timestamp > newest && mapper.Delivers(cell.Name, cell.Value))
                        newest = cell.Timestamp;
                }
                dirty.Clear();
                mapper.MapInto(cells, mapped, dirty);
                buffer.Append(mapped);
            }
        }
        var scanned = clock.Elapsed.TotalSeconds;
        if (buffer.RowCount != rows || newest == 0)
            throw new InvalidOperationException($"the replica buffered {buffer.RowCount} rows, not {rows}");
        using var data = new MemoryStream();
        await new ParquetObjectWriter(Workload.Columns).WriteAsync(buffer, data);
        var encoded = clock.Elapsed.TotalSeconds;
        var bytes = data.Length;
        data.Position = 0;
        await endpoint.PutObjectAsync("replica", "replica/object", data, CancellationToken.None);
        var sample = meter.Stop(rows);
        return new ReplicaRun(sample, scanned, encoded - scanned, sample.Seconds - encoded, bytes);
    }
}

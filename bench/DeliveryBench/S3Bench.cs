using System.Diagnostics;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.DeliveryBench;

/// <summary>One engine BASE task of measurement 4: where it went, its flush size, its sample and timeline, the server's CPU.</summary>
internal sealed record S3Run(string Kind, int FlushMiB, EngineRun Run, double ServerCpuSeconds);

/// <summary>One object of the replica: rows, bytes, and the seconds to encode it and to put it to each endpoint.</summary>
internal sealed record ObjectTiming(int Rows, long Bytes, double Encode, double LocalPut, double S3Put, double S3PutClientCpu, double S3PutServerCpu);

/// <summary>The replica of one round and flush size: every object's timings, and the scan + map + buffer seconds.</summary>
internal sealed record PutReplica(int FlushMiB, double ScanMapBuffer, IReadOnlyList<ObjectTiming> Objects)
{
    public long Bytes => Objects.Sum(o => o.Bytes);
    public double Encode => Objects.Sum(o => o.Encode);
    public double LocalPut => Objects.Sum(o => o.LocalPut);
    public double S3Put => Objects.Sum(o => o.S3Put);
}

/// <summary>
/// Measurement 4: the BASE of measurement 1 (<c>rows</c> rows, same table, same task schema) delivered by one engine
/// to an S3 endpoint (kind s3, a local Swift with its S3 API, see <see cref="S3Target"/>) and to the local-folder
/// endpoint, interleaved round-robin (warm-up + <c>runs</c> rounds; the endpoint that goes first alternates), once
/// with the default flush size (64 MiB: the rows make one object, one PutObject) and once with a task flush size of
/// 1 MiB (many small objects). Between runs the task and its objects are deleted (untimed). A diagnostic replica in
/// the same rounds encodes the same objects one by one (ParquetObjectWriter into a MemoryStream) and puts each to
/// both endpoints, timed apart: what one object costs to encode, and to upload.
/// </summary>
internal sealed class S3Bench(long rows, int runs)
{
    public const string Table = "bench";
    public const string Prefix = "bench";
    public const string S3EndpointName = "s3";
    public const string Local = "local";
    public const string S3 = "s3";

    /// <summary>The flush sizes compared (MiB): the default, and a small one.</summary>
    public static readonly int[] FlushSizes = [64, 1];

    /// <summary>The measured runs (not the warm-up).</summary>
    public List<S3Run> Runs { get; } = [];

    public List<PutReplica> Replicas { get; } = [];

    public string Target { get; private set; } = "";

    public bool ServerCpuKnown { get; private set; }

    public long Rows => rows;

    public async Task RunAsync()
    {
        using var target = S3Target.Open();
        Target = target.Description;
        ServerCpuKnown = target.Own;
        var folder = NewFolder("s3");
        var bucket = "bench-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var host = await BenchHost.StartAsync(folder, [(S3EndpointName, target.Options, bucket)]);
            var s3 = host.Endpoints.Find(S3EndpointName)!;
            try
            {
                await MeasureAsync(host, target, host.Endpoints.Find(BenchHost.Endpoint)!, s3, bucket);
            }
            finally
            {
                await DropBucketAsync(target, s3, bucket);
            }
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private async Task MeasureAsync(BenchHost host, S3Target target, IBucketEndpoint local, IBucketEndpoint s3, string bucket)
    {
        Console.WriteLine($"# s3: endpoint '{S3EndpointName}' = {Target}, bucket {bucket}");
        var load = Stopwatch.StartNew();
        Workload.CreateTable(host.Tables, Table);
        Workload.Load(host.Writer, Table, rows);
        Console.WriteLine(string.Create(Inv, $"# s3: {rows:N0} rows loaded through BatchWriteRow in {load.Elapsed.TotalSeconds:F1} s (untimed)"));

        for (var round = 0; round <= runs; round++)
        {
            var label = round == 0 ? "warm-up" : "run " + round;
            foreach (var flush in FlushSizes)
            {
                string[] order = round % 2 == 1 ? [Local, S3] : [S3, Local];
                foreach (var kind in order)
                {
                    var run = await EngineBaseAsync(host, target, kind, flush, kind == S3 ? bucket : BenchHost.Bucket, round);
                    var state = run.Run.Timeline.Status.State;
                    Print($"engine BASE → {kind}, flush {flush} MiB", label, run.Run.Sample,
                        string.Create(Inv, $"INIT {run.Run.Timeline.InitDone:F3} s, read+map done {run.Run.Timeline.AllRowsRead:F3} s, " +
                            $"first object {run.Run.Timeline.FirstObject:F3} s, Finished {run.Run.Timeline.Finished:F3} s; " +
                            $"{state.ObjectsWritten} object(s), {state.BytesWritten / 1e6:F1} MB; server cpu {run.ServerCpuSeconds:F2} s"));
                    if (round > 0)
                        Runs.Add(run);
                }
                var replica = await ReplicaAsync(host.LiveRows, target, local, s3, bucket, flush);
                var ms = replica.Objects.Select(o => o.S3Put * 1000).ToArray();
                Console.WriteLine(string.Create(Inv,
                    $"{"replica, flush " + flush + " MiB",-40} {label,-8} {replica.Objects.Count} object(s), {replica.Bytes / 1e6:F1} MB: " +
                    $"scan+map+buffer {replica.ScanMapBuffer:F3} s, encode {replica.Encode:F3} s, local put {replica.LocalPut:F3} s, " +
                    $"S3 put {replica.S3Put:F3} s (per object median {Median(ms):F1} ms, max {ms.Max():F1} ms)"));
                if (round > 0)
                    Replicas.Add(replica);
            }
        }
    }

    private static void Print(string name, string round, Sample s, string extra) =>
        Console.WriteLine(string.Create(Inv,
            $"{name,-40} {round,-8} {s.Seconds,7:F3} s {s.Rate,11:N0} rows/s  cpu/wall {s.CpuPerWall:F2}  alloc {s.AllocatedPerRow,5:F0} B/row  " +
            $"gc0 {s.Gen0} gc2 {s.Gen2} pause {s.GcPauseSeconds * 1000:F0} ms  {extra}"));

    /// <summary>
    /// A BASE task to <paramref name="kind"/>'s endpoint, from CreateDeliveryTask until Finished (checked: every row
    /// read and delivered); then the task and its objects are deleted (untimed).
    /// </summary>
    private async Task<S3Run> EngineBaseAsync(BenchHost host, S3Target target, string kind, int flushMiB, string bucket, int round)
    {
        var task = $"{kind}-{flushMiB}-{round}";
        var endpoint = kind == S3 ? S3EndpointName : BenchHost.Endpoint;
        var serverCpu = target.ServerCpuSeconds();
        var meter = Meter.Start();
        await host.CreateAsync(BenchHost.Request(Table, task, "BASE", Prefix, flushSizeMiB: flushMiB == 64 ? null : flushMiB,
            endpoint: endpoint, bucket: bucket));
        var timeline = await host.WaitFinishedAsync(Table, task, meter.Clock, rows, TimeSpan.FromMinutes(10));
        var sample = meter.Stop(rows);
        serverCpu = target.ServerCpuSeconds() - serverCpu;
        var state = timeline.Status.State;
        if (state.RowsDelivered != rows || timeline.Status.SnapshotRowsScanned != rows)
            throw new InvalidOperationException($"task {task} delivered {state.RowsDelivered} rows and read {timeline.Status.SnapshotRowsScanned}, not {rows}");
        await host.DeleteAsync(Table, task);
        var deleted = await DeleteObjectsAsync(host.Endpoints.Find(endpoint)!, bucket, Prefix);
        if (deleted != state.ObjectsWritten)
            throw new InvalidOperationException($"task {task} reported {state.ObjectsWritten} objects; {deleted} were in the bucket");
        return new S3Run(kind, flushMiB, new EngineRun(sample, timeline), serverCpu);
    }

    /// <summary>Deletes every object under <paramref name="prefix"/>, one DeleteObject each (as Swift needs); how many.</summary>
    private static async Task<int> DeleteObjectsAsync(IBucketEndpoint endpoint, string bucket, string? prefix)
    {
        var deleted = 0;
        while (true)
        {
            var page = await endpoint.ListObjectsAsync(bucket, prefix, null, 1000, CancellationToken.None);
            if (page.Objects.Count == 0)
                return deleted;
            foreach (var o in page.Objects)
                await endpoint.DeleteObjectAsync(bucket, o.Key, CancellationToken.None);
            deleted += page.Objects.Count;
        }
    }

    /// <summary>Empties and deletes the S3 bucket (so a server named by S3_TEST_URL keeps nothing of the bench).</summary>
    private static async Task DropBucketAsync(S3Target target, IBucketEndpoint s3, string bucket)
    {
        try
        {
            await DeleteObjectsAsync(s3, bucket, null);
            using var client = S3Endpoint.CreateClient(target.Options);
            await client.DeleteBucketAsync(bucket);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"# s3: could not delete bucket {bucket}: {e.Message}");
        }
    }

    /// <summary>
    /// Diagnostic: the engine's objects for this flush size, made one by one: a live-snapshot scan, the engine's
    /// per-row steps (SourceCells.FromRow, MapInto, ParquetBuffer.Append) until the buffer's EstimatedBytes reaches
    /// the flush size (the engine's rule; with 64 MiB the 1,000,000 rows stay one object), then, timed apart:
    /// ParquetObjectWriter into a MemoryStream, LocalFolderEndpoint.PutObjectAsync and S3Endpoint.PutObjectAsync of
    /// the same bytes (with the bench's CPU and the server's CPU during the S3 put).
    /// </summary>
    private async Task<PutReplica> ReplicaAsync(LiveRows tables, S3Target target, IBucketEndpoint local, IBucketEndpoint s3, string s3Bucket,
        int flushMiB)
    {
        var flushBytes = flushMiB * 1024L * 1024;
        var mapper = new SchemaMapper(Workload.Columns);
        var writer = new ParquetObjectWriter(Workload.Columns);
        var buffer = new ParquetBuffer(Workload.Columns);
        var mapped = new Value?[Workload.Columns.Count];
        var dirty = new List<DirtyCell>();
        var objects = new List<ObjectTiming>();
        var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var clock = new Stopwatch();

        async Task WriteAsync()
        {
            using var data = new MemoryStream();
            clock.Restart();
            await writer.WriteAsync(buffer, data);
            var encode = clock.Elapsed.TotalSeconds;
            var key = $"replica/object-{objects.Count:D5}.parquet";
            data.Position = 0;
            clock.Restart();
            await local.PutObjectAsync(BenchHost.Bucket, key, data, CancellationToken.None);
            var localPut = clock.Elapsed.TotalSeconds;
            data.Position = 0;
            var serverCpu = target.ServerCpuSeconds();
            process.Refresh();
            var clientCpu = process.TotalProcessorTime;
            clock.Restart();
            await s3.PutObjectAsync(s3Bucket, key, data, CancellationToken.None);
            var s3Put = clock.Elapsed.TotalSeconds;
            process.Refresh();
            objects.Add(new ObjectTiming(buffer.RowCount, data.Length, encode, localPut, s3Put,
                (process.TotalProcessorTime - clientCpu).TotalSeconds, target.ServerCpuSeconds() - serverCpu));
            buffer.Clear();
        }

        var untimed = TimeSpan.Zero;
        using (var snapshot = tables.OpenSnapshot())
        {
            foreach (var row in snapshot.Scan(Table))
            {
                var cells = SourceCells.FromRow(row);
                dirty.Clear();
                mapper.MapInto(cells, mapped, dirty);
                buffer.Append(mapped);
                if (buffer.EstimatedBytes < flushBytes)
                    continue;
                var before = total.Elapsed;
                await WriteAsync();
                untimed += total.Elapsed - before;
            }
        }
        if (buffer.RowCount > 0)
        {
            var before = total.Elapsed;
            await WriteAsync();
            untimed += total.Elapsed - before;
        }
        var scanMapBuffer = (total.Elapsed - untimed).TotalSeconds;
        if (objects.Sum(o => o.Rows) != rows)
            throw new InvalidOperationException($"the replica wrote {objects.Sum(o => o.Rows)} rows, not {rows}");
        await DeleteObjectsAsync(local, BenchHost.Bucket, "replica/");
        await DeleteObjectsAsync(s3, s3Bucket, "replica/");
        return new PutReplica(flushMiB, scanMapBuffer, objects);
    }
}

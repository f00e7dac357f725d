using System.Diagnostics;
using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeliveryConsole.DeliveryBench;

/// <summary>
/// The engine as the console hosts it, without the web app (the approach of the engine tests' EngineHost): a
/// generic Host with the table store (RocksDB), the SQLite catalog (migrated) and a local-folder endpoint, all in
/// one data folder. The engine settings are the console's defaults (poll interval 100 ms, flush interval 120 s,
/// flush size 64 MiB); a task may override the flush interval and size in its emulator block.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string AccountId = "1234567890123456";
    public const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";
    public const string Bucket = "bench-bucket";
    public const string Role = "acs:ram::" + AccountId + ":role/aliyunserviceroleforotsdatadelivery";

    private readonly IHost _host;

    private BenchHost(IHost host, TableStoreInstance store, string bucketFolder)
    {
        _host = host;
        Store = store;
        (Tables, Writer, LiveRows, SavedSnapshots) = (new(store), new(store), new(store), new(store));
        BucketFolder = bucketFolder;
    }

    /// <summary>The table store the engine works on; the parts below are on it.</summary>
    public TableStoreInstance Store { get; }

    public TableDefinitions Tables { get; }
    public RowWriter Writer { get; }
    public LiveRows LiveRows { get; }
    public SavedSnapshots SavedSnapshots { get; }

    /// <summary>The configured endpoints: the local one, and any more given to <see cref="StartAsync"/>.</summary>
    public BucketEndpoints Endpoints => _host.Services.GetRequiredService<BucketEndpoints>();

    public DeliveryEngine Engine => _host.Services.GetRequiredService<DeliveryEngine>();

    /// <summary>The folder holding the bucket's objects, one file per key.</summary>
    public string BucketFolder { get; }

    /// <summary>
    /// Starts the engine on <paramref name="dataFolder"/>: tables in <c>tables</c>, catalog.db, buckets below
    /// <c>buckets</c>. <paramref name="more"/> configures further endpoints (by name) and creates a bucket on each.
    /// </summary>
    public static async Task<BenchHost> StartAsync(string dataFolder, IReadOnlyList<(string Name, EndpointOptions Options, string Bucket)>? more = null)
    {
        var options = new DeliveryOptions { AccountId = AccountId };
        var store = new TableStoreInstance(new TableStoreOptions { Folder = Path.Combine(dataFolder, "tables") });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<TableDefinitions>();
        builder.Services.AddSingleton<ChangeLog>();
        builder.Services.AddSingleton<SavedSnapshots>();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContextFactory<CatalogDb>(db => db.UseSqlite(CatalogDb.ConnectionString(dataFolder)));
        builder.Services.AddSingleton<ITaskCatalog, SqliteTaskCatalog>();
        var endpoints = new Dictionary<string, EndpointOptions> { [Endpoint] = new() };
        foreach (var (name, endpointOptions, _) in more ?? [])
            endpoints[name] = endpointOptions;
        builder.Services.AddSingleton(_ => new BucketEndpoints(endpoints, dataFolder));
        builder.Services.AddSingleton<DeliveryEngine>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryEngine>());
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CatalogDb>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var buckets = host.Services.GetRequiredService<BucketEndpoints>();
        await buckets.Find(Endpoint)!.CreateBucketAsync(Bucket, CancellationToken.None);
        foreach (var (name, _, bucket) in more ?? [])
            await buckets.Find(name)!.CreateBucketAsync(bucket, CancellationToken.None);
        await host.StartAsync();
        return new BenchHost(host, store, Path.Combine(dataFolder, "buckets", Endpoint, Bucket));
    }

    /// <summary>A task to <paramref name="endpoint"/>/<paramref name="bucket"/> (by default the local endpoint's bench bucket).</summary>
    public static CreateDeliveryTaskRequest Request(string table, string task, string type, string prefix, int? flushIntervalSeconds = null,
        int? flushSizeMiB = null, string endpoint = Endpoint, string bucket = Bucket) => new(
        table,
        task,
        new DeliveryTaskConfig(prefix, bucket, endpoint, Role, Workload.TaskSchema),
        type,
        flushIntervalSeconds is null && flushSizeMiB is null ? null
            : new EmulatorTaskConfig(FlushIntervalSeconds: flushIntervalSeconds, FlushSizeMiB: flushSizeMiB));

    public async Task CreateAsync(CreateDeliveryTaskRequest request)
    {
        if (await Engine.CreateTaskAsync(request, CancellationToken.None) is { } error)
            throw new InvalidOperationException($"CreateDeliveryTask failed: {error.Message}");
    }

    public async Task<DeliveryTaskStatus> DescribeAsync(string table, string task) =>
        await Engine.DescribeTaskAsync(table, task, CancellationToken.None) ?? throw new InvalidOperationException($"no task {task}");

    public async Task DeleteAsync(string table, string task)
    {
        if (await Engine.DeleteTaskAsync(table, task, CancellationToken.None) is { } error)
            throw new InvalidOperationException($"DeleteDeliveryTask failed: {error.Message}");
    }

    /// <summary>
    /// Polls DescribeDeliveryTask about every millisecond until the task is Finished and notes when each step
    /// became visible in the status (seconds since <paramref name="clock"/> started): INIT done (phase FULL), every
    /// snapshot row read and mapped, the first object committed, Finished. Fails fast when the task reports an error.
    /// </summary>
    public async Task<BaseTimeline> WaitFinishedAsync(string table, string task, Stopwatch clock, long rows, TimeSpan limit)
    {
        double? init = null, read = null, firstObject = null;
        while (true)
        {
            var status = await DescribeAsync(table, task);
            var state = status.State;
            var now = clock.Elapsed.TotalSeconds;
            if (init is null && state.Phase != TaskPhase.Init)
                init = now;
            if (read is null && status.SnapshotRowsScanned >= rows)
                read = now;
            if (firstObject is null && state.ObjectsWritten > 0)
                firstObject = now;
            if (state.Finished)
                return new BaseTimeline(init ?? now, read ?? now, firstObject ?? now, now, status);
            if (state.LastError is { } error)
                throw new InvalidOperationException($"task {task} failed: {error}");
            if (clock.Elapsed > limit)
                throw new TimeoutException($"task {task} not finished after {limit}; last state {state}");
            Thread.Sleep(1);
        }
    }

    /// <summary>Stops the engine gracefully and closes the table store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Store.Dispose();
    }
}

/// <summary>When (s after the task was created) each step of a BASE task showed in its status.</summary>
internal sealed record BaseTimeline(double InitDone, double AllRowsRead, double FirstObject, double Finished, DeliveryTaskStatus Status);

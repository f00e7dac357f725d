using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// The engine as an app hosts it, without the web app: a generic Host with the table store (RocksDB), the SQLite
/// catalog and one endpoint named <see cref="Endpoint"/>: a local folder in the data folder (the default) or any
/// other configuration (an S3-compatible server). Stopping and starting again on the same folder is a restart.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public const string AccountId = "1234567890123456";
    public const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";
    public const string Bucket = "lake-bucket";
    public const string Role = "acs:ram::" + AccountId + ":role/aliyunserviceroleforotsdatadelivery";

    private readonly IHost _host;
    private readonly string? _bucketFolder;

    public static string HoldOf(string task) => DeliveryEngine.HoldPrefix + task;

    private EngineHost(IHost host, TableStoreSet store, EndpointOptions endpoint, string bucketName, string? bucketFolder)
    {
        _host = host;
        Store = store;
        EndpointOptions = endpoint;
        BucketName = bucketName;
        _bucketFolder = bucketFolder;
    }

    /// <summary>The table store the engine works on; the parts below are on its instance.</summary>
    public TableStoreSet Store { get; }

    public TableDefinitions Tables => Store.Tables;
    public RowWriter Writer => Store.Writer;
    public ChangeLog ChangeLog => Store.ChangeLog;
    public SavedSnapshots SavedSnapshots => Store.SavedSnapshots;

    public DeliveryEngine Engine => _host.Services.GetRequiredService<DeliveryEngine>();

    public ITaskCatalog Catalog => _host.Services.GetRequiredService<ITaskCatalog>();

    public IDbContextFactory<CatalogDb> CatalogFactory => _host.Services.GetRequiredService<IDbContextFactory<CatalogDb>>();

    /// <summary>How <see cref="Endpoint"/> is configured.</summary>
    public EndpointOptions EndpointOptions { get; }

    /// <summary>The endpoint tasks name as <see cref="Endpoint"/>, as the engine uses it.</summary>
    public IBucketEndpoint BucketEndpoint => _host.Services.GetRequiredService<BucketEndpoints>().Find(Endpoint)!;

    /// <summary>The bucket the host created (or would have): <see cref="Bucket"/> unless the start named another.</summary>
    public string BucketName { get; }

    /// <summary>The folder holding the bucket's objects, one file per key (a local endpoint only).</summary>
    public string BucketFolder => _bucketFolder
        ?? throw new InvalidOperationException($"The bucket is on a {BucketEndpoint.Kind} endpoint, not in a folder: read it through BucketEndpoint.");

    /// <summary>An S3-compatible endpoint's configuration.</summary>
    public static EndpointOptions S3(string url, string accessKey, string secret) =>
        new() { Kind = EndpointOptions.S3Kind, Url = url, AccessKey = accessKey, Secret = secret };

    /// <param name="endpoint">What <see cref="Endpoint"/> is; null: a local folder below the data folder.</param>
    /// <param name="bucket">The bucket to create (when <paramref name="createBucket"/>) and to read back.</param>
    /// <param name="engineClock">The engine's clock (its retry delays among others); null: the system's.</param>
    public static async Task<EngineHost> StartAsync(TempFolder data, Func<DeliveryOptions, DeliveryOptions>? configure = null,
        bool createBucket = true, TimeProvider? tableClock = null, EndpointOptions? endpoint = null, string bucket = Bucket,
        TimeProvider? engineClock = null)
    {
        var options = new DeliveryOptions
        {
            AccountId = AccountId,
            DefaultFlushInterval = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        options = configure?.Invoke(options) ?? options;
        endpoint ??= new EndpointOptions();
        var store = new TableStoreSet(new TableStoreOptions { Folder = data.Combine("tables") }, tableClock);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(store.Tables);
        builder.Services.AddSingleton(store.ChangeLog);
        builder.Services.AddSingleton(store.SavedSnapshots);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(engineClock ?? TimeProvider.System);
        builder.Services.AddDbContextFactory<CatalogDb>(db => db.UseSqlite(DeliveryConsole.Catalog.CatalogDb.ConnectionString(data.Path)));
        builder.Services.AddSingleton<ITaskCatalog, SqliteTaskCatalog>();
        builder.Services.AddSingleton(_ => new BucketEndpoints(
            new Dictionary<string, EndpointOptions> { [Endpoint] = endpoint }, data.Path));
        builder.Services.AddSingleton<DeliveryEngine>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryEngine>());
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CatalogDb>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        if (createBucket)
            await host.Services.GetRequiredService<BucketEndpoints>().Find(Endpoint)!.CreateBucketAsync(bucket, CancellationToken.None);
        await host.StartAsync();
        return new EngineHost(host, store, endpoint, bucket,
            endpoint.IsLocal ? Path.Combine(endpoint.Folder ?? Path.Combine(data.Path, "buckets", Endpoint), bucket) : null);
    }

    public async Task CreateAsync(CreateDeliveryTaskRequest request)
    {
        var error = await Engine.CreateTaskAsync(request, CancellationToken.None);
        Assert.True(error is null, error?.Message);
    }

    public async Task<DeliveryTaskStatus> DescribeAsync(string table, string task) =>
        await Engine.DescribeTaskAsync(table, task, CancellationToken.None) ?? throw new InvalidOperationException($"no task {task}");

    /// <summary>Waits until the task's status satisfies <paramref name="condition"/>; fails with the last status if it never does.</summary>
    public Task<DeliveryTaskStatus> WaitForAsync(string table, string task, Func<DeliveryTaskStatus, bool> condition) =>
        Eventually.UntilAsync(() => DescribeAsync(table, task), condition, status => $"task {task} did not get there; last status: {status.State}");

    /// <summary>Waits until the task has delivered every change committed so far and buffers nothing.</summary>
    public Task<DeliveryTaskStatus> WaitCaughtUpAsync(string table, string task)
    {
        var last = ChangeLog.LastSequence;
        return WaitForAsync(table, task, s => s.State.Phase == TaskPhase.Incr && s.State.ChangeResumeSequence >= last);
    }

    /// <summary>Every object key in the bucket, as relative paths with '/'.</summary>
    public IReadOnlyList<string> ObjectKeys() => !Directory.Exists(BucketFolder) ? []
        : [.. Directory.EnumerateFiles(BucketFolder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(BucketFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Stops the engine gracefully (it flushes and saves) and closes the table store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Store.Dispose();
    }
}

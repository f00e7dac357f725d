using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Buckets;
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
/// catalog and a local-folder endpoint, all in one data folder. Stopping and starting again on the same folder is
/// a restart.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public const string AccountId = "1234567890123456";
    public const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";
    public const string Bucket = "lake-bucket";
    public const string Role = "acs:ram::" + AccountId + ":role/aliyunserviceroleforotsdatadelivery";

    private readonly IHost _host;

    public static string HoldOf(string task) => DeliveryEngine.HoldPrefix + task;

    private EngineHost(IHost host, TableService tables, string bucketFolder)
    {
        _host = host;
        Tables = tables;
        BucketFolder = bucketFolder;
    }

    public TableService Tables { get; }

    public DeliveryEngine Engine => _host.Services.GetRequiredService<DeliveryEngine>();

    public ITaskCatalog Catalog => _host.Services.GetRequiredService<ITaskCatalog>();

    public IDbContextFactory<CatalogDb> CatalogFactory => _host.Services.GetRequiredService<IDbContextFactory<CatalogDb>>();

    /// <summary>The folder holding the bucket's objects, one file per key.</summary>
    public string BucketFolder { get; }

    public static async Task<EngineHost> StartAsync(TempFolder data, Func<DeliveryOptions, DeliveryOptions>? configure = null,
        bool createBucket = true, TimeProvider? tableClock = null)
    {
        var options = new DeliveryOptions
        {
            AccountId = AccountId,
            DefaultFlushInterval = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        options = configure?.Invoke(options) ?? options;
        var tables = new TableService(new TableStoreOptions { Folder = data.Combine("tables") }, tableClock);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContextFactory<CatalogDb>(db => db.UseSqlite(DeliveryConsole.Catalog.CatalogDb.ConnectionString(data.Path)));
        builder.Services.AddSingleton<ITaskCatalog, SqliteTaskCatalog>();
        builder.Services.AddSingleton(_ => new BucketEndpoints(
            new Dictionary<string, EndpointOptions> { [Endpoint] = new() }, data.Path));
        builder.Services.AddSingleton<DeliveryEngine>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryEngine>());
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CatalogDb>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        if (createBucket)
            await host.Services.GetRequiredService<BucketEndpoints>().Find(Endpoint)!.CreateBucketAsync(Bucket, CancellationToken.None);
        await host.StartAsync();
        return new EngineHost(host, tables, Path.Combine(data.Path, "buckets", Endpoint, Bucket));
    }

    public async Task CreateAsync(CreateDeliveryTaskRequest request)
    {
        var error = await Engine.CreateTaskAsync(request, CancellationToken.None);
        Assert.True(error is null, error?.Message);
    }

    public async Task<DeliveryTaskStatus> DescribeAsync(string table, string task) =>
        await Engine.DescribeTaskAsync(table, task, CancellationToken.None) ?? throw new InvalidOperationException($"no task {task}");

    /// <summary>Waits until the task's status satisfies <paramref name="condition"/>; fails with the last status at the deadline.</summary>
    public async Task<DeliveryTaskStatus> WaitForAsync(string table, string task, Func<DeliveryTaskStatus, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await DescribeAsync(table, task);
            if (condition(status))
                return status;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Task {task} did not get there in {seconds} s; last status: {status.State}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the task has delivered every change committed so far and buffers nothing.</summary>
    public Task<DeliveryTaskStatus> WaitCaughtUpAsync(string table, string task)
    {
        var last = Tables.LastSequence;
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
        Tables.Dispose();
    }
}

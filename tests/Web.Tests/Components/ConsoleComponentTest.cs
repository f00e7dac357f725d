using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeliveryConsole.Web.Tests.Components;

/// <summary>
/// A bUnit context with the console's real parts, as Program registers them: the table store (RocksDB), the
/// migrated SQLite catalog, the local endpoint <see cref="ConsoleOptions.DefaultEndpoint"/> in the data folder
/// and a running delivery engine (1 s flushes). Pages see <see cref="PageClock"/> as their
/// <see cref="TimeProvider"/>: advance it to fire their live refresh. The engine runs on real time.
/// </summary>
public abstract class ConsoleComponentTest : ComponentTest
{
    public const string Endpoint = ConsoleOptions.DefaultEndpoint;
    public const string Role = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";

    protected TempFolder Data { get; }
    protected TableStoreSet Store { get; }
    protected TableDefinitions Tables => Store.Tables;
    protected RowWriter Writer => Store.Writer;
    protected LiveRows LiveRows => Store.LiveRows;
    protected BucketEndpoints Endpoints { get; }
    protected DeliveryEngine Engine { get; }
    protected IDbContextFactory<CatalogDb> CatalogFactory { get; }
    protected FakeTimeProvider PageClock { get; }

    private int _released;

    protected ConsoleComponentTest() : this(ConsoleParts.Create())
    {
    }

    private ConsoleComponentTest(ConsoleParts parts) : base(services: parts.Register, options: parts.Options)
    {
        (Data, Store, Endpoints, Engine, CatalogFactory, PageClock) =
            (parts.Data, parts.Store, parts.Endpoints, parts.Engine, parts.CatalogFactory, parts.PageClock);
        Engine.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The local endpoint, on which tests create buckets and read objects.</summary>
    protected IBucketEndpoint LocalEndpoint => Endpoints.Find(Endpoint)!;

    /// <summary>Moves the pages' clock on by one live-refresh interval and lets the refresh render.</summary>
    protected void Tick(double seconds = 1) => PageClock.Advance(TimeSpan.FromSeconds(seconds));

    // xunit disposes a test class asynchronously when it can: bUnit's DisposeAsync ends with Dispose(false), so the
    // parts are released here, once, on both paths (each ~75 MB of RocksDB files in the temp folder).
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await ReleasePartsAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            ReleasePartsAsync().AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask ReleasePartsAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
            return;
        await Engine.StopAsync(CancellationToken.None);
        Engine.Dispose();
        Store.Dispose();
        Data.Dispose();
    }

    private sealed record ConsoleParts(
        TempFolder Data, ConsoleOptions Options, TableStoreSet Store, BucketEndpoints Endpoints,
        IDbContextFactory<CatalogDb> CatalogFactory, DeliveryOptions Delivery, DeliveryEngine Engine)
    {
        public FakeTimeProvider PageClock { get; } = new(DateTimeOffset.UtcNow);

        public static ConsoleParts Create()
        {
            var data = new TempFolder();
            var options = new ConsoleOptions { InstanceName = "test-instance", DataFolder = data.Path };
            options.ApplyDefaults();
            var store = new TableStoreSet(new TableStoreOptions { Folder = data.Combine("tables") });
            var endpoints = new BucketEndpoints(options.Endpoints, options.DataFolderPath);
            var factory = new PooledDbContextFactory<CatalogDb>(new DbContextOptionsBuilder<CatalogDb>()
                .UseSqlite(CatalogDb.ConnectionString(data.Path)).Options);
            using (var db = factory.CreateDbContext())
                db.Database.Migrate();
            var delivery = options.ToDeliveryOptions() with
            {
                DefaultFlushInterval = TimeSpan.FromSeconds(1),
                PollInterval = TimeSpan.FromMilliseconds(20),
            };
            var engine = new DeliveryEngine(store.Tables, store.ChangeLog, store.SavedSnapshots, new SqliteTaskCatalog(factory), endpoints,
                delivery, TimeProvider.System, NullLogger<DeliveryEngine>.Instance);
            return new ConsoleParts(data, options, store, endpoints, factory, delivery, engine);
        }

        public void Register(IServiceCollection services)
        {
            services.AddLogging();
            services.AddSingleton(Store.Instance);
            services.AddTableStoreParts();
            services.AddSingleton(Endpoints);
            services.AddSingleton(CatalogFactory);
            services.AddSingleton<ITaskCatalog>(new SqliteTaskCatalog(CatalogFactory));
            services.AddSingleton(Delivery);
            services.AddSingleton(Engine);
            services.AddSingleton<HealthReporter>();
            services.AddSingleton<TimeProvider>(PageClock);
        }
    }
}

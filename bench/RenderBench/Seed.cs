using DeliveryConsole.Catalog;
using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.RenderBench;

/// <summary>
/// What the pages are measured on. Tasks are created through the engine, as the API creates them, so the list
/// shows real runners' states: <see cref="Tasks"/> BASE tasks of an empty table (each takes its snapshot, finds
/// nothing, and ends "Completed", so the runners add no load while measuring), one more BASE task on a table of
/// its own (the one-task reference), and one INC task whose catalog gets <see cref="Objects"/> delivered objects,
/// 10,000 dirty records and their counts, written straight into the catalog with EF (delivering 10,000 real
/// objects would take hours at one flush per second, and the pages read only the catalog rows).
/// </summary>
internal sealed class Seed(IServiceProvider services, int tasks, int objects)
{
    public const string Table = "bench";
    public const string SoloTable = "solo";
    public const string SoloTask = "solo-task";
    public const string BigTask = "big-task";
    public const string Bucket = "lake";
    private const string Role = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";

    public int Tasks => tasks;
    public int Objects => objects;

    public async Task RunAsync()
    {
        var tables = services.GetRequiredService<TableDefinitions>();
        var engine = services.GetRequiredService<DeliveryEngine>();
        var endpoint = services.GetRequiredService<BucketEndpoints>().Find(ConsoleOptions.DefaultEndpoint)!;
        tables.CreateTable(Table, [new("id", PrimaryKeyType.Integer)]);
        tables.CreateTable(SoloTable, [new("id", PrimaryKeyType.Integer)]);
        await endpoint.CreateBucketAsync(Bucket, CancellationToken.None);

        for (var i = 0; i < tasks; i++)
            await CreateAsync(engine, Table, $"task-{i:D4}", "BASE", $"bench/{i % 10}/$yyyy/$MM/$dd");
        await CreateAsync(engine, SoloTable, SoloTask, "BASE", "solo/$yyyy");
        await CreateAsync(engine, Table, BigTask, "INC", "big/$yyyy/$MM/$dd/$HH");
        // Every BASE task finished: nothing runs in the background while the pages are measured.
        foreach (var summary in await engine.ListTasksAsync(null, CancellationToken.None))
        {
            while ((await engine.DescribeTaskAsync(summary.TableName, summary.TaskName, CancellationToken.None))!.State is var s
                   && !(s.Finished || (summary.TaskName == BigTask && s.Phase == TaskPhase.Incr)))
                await Task.Delay(10);
        }
        await SeedCatalogAsync();
    }

    private static async Task CreateAsync(DeliveryEngine engine, string table, string task, string type, string prefix)
    {
        var error = await engine.CreateTaskAsync(new CreateDeliveryTaskRequest(table, task,
            new DeliveryTaskConfig(prefix, Bucket, ConsoleOptions.DefaultEndpoint, Role,
                [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "UTF8"), new SchemaColumnConfig("amount", "DOUBLE")]), type),
            CancellationToken.None);
        if (error is not null)
            throw new InvalidOperationException($"creating {task}: {error.Message}");
    }

    private async Task SeedCatalogAsync()
    {
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDb>>();
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = DateTimeOffset.UtcNow.AddDays(-7);
        for (var i = 1; i <= objects; i++)
        {
            var written = start.AddSeconds(60.0 * i);
            var hour = written.AddHours(8);
            var prefix = $"big/{hour:yyyy/MM/dd/HH}";
            db.DeliveredObjects.Add(new DeliveredObjectRow
            {
                TaskName = BigTask, Key = $"{prefix}/{BigTask}_0_{prefix.Replace('/', '_')}__{i}", Prefix = prefix, SequenceId = i,
                Phase = TaskPhase.Incr, FirstPosition = i * 1000L - 999, LastPosition = i * 1000L, Rows = 1000, Bytes = 24_000 + i % 977,
                MinPartitionTime = written.AddSeconds(-62), MaxPartitionTime = written.AddSeconds(-2),
                FirstCommitTime = written.AddSeconds(-62).ToUnixTimeMilliseconds(), LastCommitTime = written.AddSeconds(-2 - i % 5).ToUnixTimeMilliseconds(),
                WrittenAt = written,
            });
        }
        for (var i = 1; i <= SqliteTaskCatalog.DirtyRecordsKept; i++)
        {
            var column = i % 2 == 0 ? "name" : "amount";
            db.DirtyRecords.Add(new DirtyRecordRow
            {
                TaskName = BigTask, PrimaryKey = $"{{\"id\":{i}}}", ColumnName = column, ExpectedType = i % 2 == 0 ? "UTF8" : "DOUBLE",
                ActualType = i % 2 == 0 ? "INTEGER" : "STRING", Value = $"value-{i}", Phase = TaskPhase.Incr, Position = i,
                Time = start.AddSeconds(30.0 * i),
            });
        }
        db.DirtyCounts.Add(new DirtyCountRow { TaskName = BigTask, ColumnName = "name", ActualType = "INTEGER", Count = 25_000 });
        db.DirtyCounts.Add(new DirtyCountRow { TaskName = BigTask, ColumnName = "amount", ActualType = "STRING", Count = 25_000 });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}

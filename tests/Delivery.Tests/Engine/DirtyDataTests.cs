using System.Text.Json;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Cells whose type does not fit their column: null in the file, the row kept, counted, and recorded as JSON Lines.</summary>
public sealed class DirtyDataTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Every_kind_of_mismatch_is_null_in_the_file_counted_and_recorded()
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("dirty", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        var schema = new CreateTaskSchema(
            ["id", "s", "n", "d", "b", "bin", "ok"],
            ["UTF8", "INT64", "UTF8", "BOOL", "DOUBLE", "UTF8", "UTF8"]);
        await host.CreateAsync(EngineRequests.Task("dirty", "dirty-task", "INC", "clean", schema, dirtyPrefix: "dirty-lines/$yyyy"));
        var longText = new string('x', 3000);
        host.Writer.WriteRow("dirty", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String("r1"))],
        [
            new ColumnPut("s", Value.String(longText)), new ColumnPut("n", Value.Integer(42)), new ColumnPut("d", Value.Double(1.5)),
            new ColumnPut("b", Value.Boolean(true)), new ColumnPut("bin", Value.Binary([1, 2, 3])), new ColumnPut("ok", Value.String("fine")),
        ]));
        host.Writer.WriteRow("dirty", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String("r2"))],
            [new ColumnPut("s", Value.Integer(5)), new ColumnPut("ok", Value.Integer(9))]));
        var done = await host.WaitCaughtUpAsync("dirty", "dirty-task");

        DeliveredRows.AssertSame(["clean|r1|null|null|null|null|null|fine", "clean|r2|5|null|null|null|null|null"],
            DeliveredRows.Read(host, "clean/"));
        Assert.Equal(6, done.State.DirtyCells);

        var lineKey = Assert.Single(host.ObjectKeys(), key => key.StartsWith("dirty-lines/", StringComparison.Ordinal));
        Assert.Matches(@"^dirty-lines/\d{4}/dirty-task_0_dirty-lines_\d{4}__1$", lineKey);
        var lines = File.ReadAllLines(Path.Combine(host.BucketFolder, lineKey)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var found = lines.Select(l => (l.GetProperty("column").GetString(), l.GetProperty("expectedType").GetString(),
            l.GetProperty("actualType").GetString(), l.GetProperty("primaryKey").GetProperty("id").GetString())).ToHashSet();
        Assert.Equal(new HashSet<(string?, string?, string?, string?)>
        {
            ("s", "INT64", "STRING", "r1"), ("n", "UTF8", "INTEGER", "r1"), ("d", "BOOL", "DOUBLE", "r1"),
            ("b", "DOUBLE", "BOOLEAN", "r1"), ("bin", "UTF8", "BINARY", "r1"), ("ok", "UTF8", "INTEGER", "r2"),
        }, found);
        var cut = lines.Single(l => l.GetProperty("column").GetString() == "s").GetProperty("value").GetString()!;
        Assert.Equal(1024, cut.Length);
        Assert.Equal("AQID", lines.Single(l => l.GetProperty("column").GetString() == "bin").GetProperty("value").GetString());
        Assert.All(lines, l => Assert.Equal("dirty-task", l.GetProperty("task").GetString()));
    }

    [Fact]
    public async Task Data_objects_and_dirty_data_objects_are_counted_apart_across_flushes_and_a_restart()
    {
        var schema = new CreateTaskSchema(["id", "n"], ["UTF8", "INT64"]);
        await using (var host = await EngineHost.StartAsync(_data))
        {
            host.Tables.CreateTable("counted", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
            Put(host, "r1", Value.String("not a number"));
            Put(host, "r2", Value.Integer(2));
            await host.CreateAsync(EngineRequests.Task("counted", "count-task", "BASE_INC", "clean", schema, dirtyPrefix: "dirty-lines"));
            var snapshot = await host.WaitCaughtUpAsync("counted", "count-task");
            AssertCountsMatchTheBucket(host, snapshot, dataObjects: 1, dirtyObjects: 1);
            // The event is recorded after the state the runner shows: wait for it, on a busy machine it can lag.
            const string delivered = "Snapshot delivered: 2 rows read; 2 rows in 1 object (+1 dirty-data object) so far.";
            await Eventually.UntilAsync(async () =>
            {
                await using var db = await host.CatalogFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
                return db.TaskEvents.Where(e => e.TaskName == "count-task").Select(e => e.Message).ToList();
            }, messages => messages.Contains(delivered), messages => $"events: {string.Join(" | ", messages)}");

            Put(host, "r3", Value.Integer(3));
            AssertCountsMatchTheBucket(host, await host.WaitCaughtUpAsync("counted", "count-task"), dataObjects: 2, dirtyObjects: 1);
        }

        await using (var host = await EngineHost.StartAsync(_data, createBucket: false))
        {
            Put(host, "r4", Value.Boolean(true));
            AssertCountsMatchTheBucket(host, await host.WaitCaughtUpAsync("counted", "count-task"), dataObjects: 3, dirtyObjects: 2);
        }
    }

    private static void Put(EngineHost host, string id, Value n) =>
        host.Writer.WriteRow("counted", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))], [new ColumnPut("n", n)]));

    /// <summary>The task's counters are the bucket's Parquet objects and JSON Lines objects, each with their own bytes.</summary>
    private static void AssertCountsMatchTheBucket(EngineHost host, DeliveryConsole.Delivery.Engine.DeliveryTaskStatus status, int dataObjects, int dirtyObjects)
    {
        long Bytes(IEnumerable<string> keys) => keys.Sum(key => new FileInfo(Path.Combine(host.BucketFolder, key)).Length);
        var data = host.ObjectKeys().Where(key => key.StartsWith("clean/", StringComparison.Ordinal)).ToList();
        var dirty = host.ObjectKeys().Where(key => key.StartsWith("dirty-lines/", StringComparison.Ordinal)).ToList();
        Assert.Equal((dataObjects, dirtyObjects), (data.Count, dirty.Count));
        var state = status.State;
        Assert.Equal((data.Count, Bytes(data), dirty.Count, Bytes(dirty)),
            (state.ObjectsWritten, state.BytesWritten, state.DirtyObjectsWritten, state.DirtyBytesWritten));
    }

    public void Dispose() => _data.Dispose();
}

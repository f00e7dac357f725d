using System.Globalization;
using System.Text.Json.Nodes;
using DeliveryConsole.Delivery.Tests.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Delivery;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>
/// The table the kill harness delivers: key id (STRING), attributes n INTEGER, s STRING, d DOUBLE, b BOOLEAN (the
/// random-writes shape, so the engine tests' oracle applies), and the BASE_INC task that delivers it per minute.
/// </summary>
public static class KillTable
{
    public const string Name = "kill";
    public const string Task = "kill-task";
    public const string Prefix = "kill/$yyyy$MM$dd/$HH$mm";

    /// <summary>Pre-loaded cells carry timestamps this many minutes apart, so FULL fills this many prefixes at once.</summary>
    public const int PreloadMinutes = 10;

    public static string PreloadKey(int i) => "p" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <paramref name="rows"/> rows into a fresh table store in <paramref name="folder"/> (the console's
    /// <c>&lt;data&gt;/tables</c>), 200 per BatchWriteRow, before the console first starts. Keys ascend; the cells'
    /// timestamps cycle over the last <see cref="PreloadMinutes"/> minutes, so neighbouring rows fall in different
    /// partitions; every 997th row has a dirty s (an integer).
    /// </summary>
    public static void Preload(string folder, int rows)
    {
        using var store = new TableStoreSet(new TableStoreOptions { Folder = folder });
        store.Tables.CreateTable(Name, [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var batch = new List<RowWrite>(RowWriter.MaxBatchRows);
        for (var i = 0; i < rows; i++)
        {
            var time = now - (i * 7L % PreloadMinutes) * 60_000 - i % 1000;
            batch.Add(new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(PreloadKey(i)))],
            [
                new ColumnPut("n", Value.Integer(i), time),
                new ColumnPut("s", i % 997 == 0 ? Value.Integer(i) : Value.String($"row-{i}-{(uint)HashCode.Combine(i, 17):x8}"), time),
                new ColumnPut("d", Value.Double(i * 0.25), time),
                new ColumnPut("b", Value.Boolean(i % 3 == 0), time),
            ]));
            if (batch.Count == RowWriter.MaxBatchRows || i == rows - 1)
            {
                var results = store.Writer.BatchWriteRow([(Name, batch)]);
                if (results[0].FirstOrDefault(r => !r.IsOk) is { } failed)
                    Assert.Fail($"pre-load: {failed.Error!.Message}");
                batch = new List<RowWrite>(RowWriter.MaxBatchRows);
            }
        }
    }

    /// <summary>The CreateDeliveryTask body: BASE_INC of every column into <paramref name="bucket"/> on <paramref name="endpoint"/>.</summary>
    public static JsonObject CreateTask(string endpoint, string bucket)
    {
        var schema = new JsonArray();
        for (var i = 0; i < RandomWrites.Schema.Columns.Length; i++)
            schema.Add(new JsonObject { ["columnName"] = RandomWrites.Schema.Columns[i], ["type"] = RandomWrites.Schema.Types[i] });
        return new JsonObject
        {
            ["tableName"] = Name,
            ["taskName"] = Task,
            ["taskType"] = "BASE_INC",
            ["taskConfig"] = new JsonObject
            {
                ["ossPrefix"] = Prefix,
                ["ossBucket"] = bucket,
                ["ossEndpoint"] = endpoint,
                ["ossStsRole"] = DeliveryRequests.Role,
                ["schema"] = schema,
            },
        };
    }

    /// <summary>
    /// The UpdateDeliveryTask body that makes config <paramref name="version"/>: the task as created, with column n
    /// encoded as <see cref="NEncoding"/> says. The encoding changes each object's bytes and not its rows, so an
    /// object redone with another version than it was begun with shows as a rewrite with other content.
    /// </summary>
    public static JsonObject UpdateTask(string endpoint, string bucket, int version)
    {
        var body = CreateTask(endpoint, bucket);
        body["taskConfig"]!["schema"]![1]!["encode"] = NEncoding(version);
        return body;
    }

    /// <summary>Column n's encoding in config <paramref name="version"/>: PLAIN in odd versions (1 is the create), else delta.</summary>
    public static string NEncoding(int version) => version % 2 == 1 ? "PLAIN" : "DELTA_BINARY_PACKED";

    /// <summary>The rows the task must have delivered, from the change log: the snapshot's rows, then every change after it.</summary>
    public static List<string> ExpectedRows(ChangeLog changeLog, long snapshotSequence, long snapshotTime)
    {
        var oracle = new ChangeOracle(changeLog, Name, EngineRequests.Columns(RandomWrites.Schema), EngineRequests.PrefixAt(Prefix));
        return [.. oracle.SnapshotRows(snapshotSequence, snapshotTime), .. oracle.ChangeRows(snapshotSequence)];
    }
}

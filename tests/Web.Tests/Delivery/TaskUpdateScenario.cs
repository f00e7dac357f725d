using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>
/// A delivery before and after an update, whoever makes the update (the JSON API, the wire, the console): an INC
/// task writes row a under <c>before/</c> with columns k, n, c; the update adds column x and moves the prefix to
/// <c>after/</c>; row b is then written there in the new shape. Both objects are read back with DuckDB, and the
/// first must be byte for byte what it was before the update.
/// </summary>
public sealed class TaskUpdateScenario
{
    public const string TaskName = "upd-1";
    private readonly ConsoleFactory _console;
    private byte[]? _beforeHash;

    private TaskUpdateScenario(ConsoleFactory console, ApiClient api) => (_console, Api) = (console, api);

    public ApiClient Api { get; }

    /// <summary>The task as created: INC, prefix before, flushed each second.</summary>
    public static JsonObject Created()
    {
        var body = Valid(TaskName);
        body["taskType"] = "INC";
        body.Config()["ossPrefix"] = "before";
        body["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 1 };
        return body;
    }

    /// <summary>The update: prefix after, and a fourth column x (UTF8).</summary>
    public static JsonObject Updated()
    {
        var body = Created();
        body.Config()["ossPrefix"] = "after";
        body.Config()["schema"]!.AsArray().Add(new JsonObject { ["columnName"] = "x", ["type"] = "UTF8" });
        return body;
    }

    /// <summary>Table t, bucket lake, the task, and row a delivered under before/.</summary>
    public static async Task<TaskUpdateScenario> StartAsync(ConsoleFactory console)
    {
        var api = new ApiClient(console.CreateClient());
        await api.OkAsync("CreateTable", CreateTable);
        await api.OkAsync("CreateBucket", $$"""{"endpoint": "{{Endpoint}}", "bucket": "lake"}""");
        await api.OkAsync("CreateDeliveryTask", Created().ToJsonString());
        await api.OkAsync("PutRow", """{"tableName": "t", "primaryKey": {"k": "a", "n": 1}, "columns": {"c": 1.5, "x": "not-yet"}}""");
        await api.DescribeUntilAsync("t", TaskName, "row a delivered", d => (long)d["emulator"]!["rowsDelivered"]! == 1);
        var scenario = new TaskUpdateScenario(console, api);
        scenario._beforeHash = SHA256.HashData(File.ReadAllBytes(scenario.Objects("before").Single()));
        return scenario;
    }

    /// <summary>After the update: waits for version 2 to be in effect, writes row b and waits for it to be delivered.</summary>
    public async Task<JsonNode> DeliverAfterUpdateAsync()
    {
        await Api.DescribeUntilAsync("t", TaskName, "config version 2", d => (int)d["emulator"]!["configVersion"]! == 2);
        await Api.OkAsync("PutRow", """{"tableName": "t", "primaryKey": {"k": "b", "n": 2}, "columns": {"c": 2.5, "x": "new"}}""");
        return await Api.DescribeUntilAsync("t", TaskName, "row b delivered", d => (long)d["emulator"]!["rowsDelivered"]! == 2);
    }

    /// <summary>Both objects read with DuckDB: the old one unchanged in the old shape, the new one in the new shape.</summary>
    public async Task AssertDeliveredBeforeAndAfterAsync()
    {
        var before = Objects("before").Single();
        Assert.Equal(_beforeHash, SHA256.HashData(File.ReadAllBytes(before)));
        Assert.Equal(["k", "n", "c"], Columns(before));
        Assert.Equal(["a|1|1.5"], Rows(before));
        var after = Objects("after").Single();
        Assert.Equal(["k", "n", "c", "x"], Columns(after));
        Assert.Equal(["b|2|2.5|new"], Rows(after));

        await using var db = await _console.Services.GetRequiredService<IDbContextFactory<CatalogDb>>().CreateDbContextAsync();
        var versions = await db.DeliveredObjects.Where(o => o.TaskName == TaskName).OrderBy(o => o.Id)
            .Select(o => new { o.Key, o.ConfigVersion }).ToListAsync();
        Assert.Equal([("before/", 1), ("after/", 2)], versions.Select(o => (o.Key[..(o.Key.IndexOf('/') + 1)], o.ConfigVersion)));
    }

    /// <summary>The task as DescribeDeliveryTask shows it now.</summary>
    public Task<JsonNode> DescribeAsync() => Api.DescribeAsync("t", TaskName);

    private IReadOnlyList<string> Objects(string prefix)
    {
        var folder = Path.Combine(_console.Data.Path, "buckets", Endpoint, "lake", prefix);
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder)] : [];
    }

    private static List<string> Columns(string file) =>
        [.. DuckDb.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({DuckDb.Literal(file)}))").Select(r => (string)r[0]!)];

    private static List<string> Rows(string file) =>
        [.. DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(file)}) ORDER BY k")
            .Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))];
}

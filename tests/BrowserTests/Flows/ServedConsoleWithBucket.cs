using System.Text.Json.Nodes;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// A console on a real loopback port with one-second flushes (delivered objects show up while a test watches), an
/// empty bucket on its default local endpoint, and the JSON API for setting up data as a user's script would; on
/// <paramref name="clock"/> if given.
/// </summary>
public abstract class ServedConsoleWithBucket(TimeProvider? clock = null)
    : LoopbackConsoleTest(new Dictionary<string, string?> { ["Console:FlushIntervalSeconds"] = "1" }, clock)
{
    protected const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";
    protected const string Bucket = "lake-bucket";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Api.OkAsync("CreateBucket", new { endpoint = Endpoint, bucket = Bucket });
    }

    /// <summary>Creates a table keyed by one INTEGER column <c>id</c>.</summary>
    protected Task CreateTableAsync(string table) =>
        Api.OkAsync("CreateTable", new { tableName = table, primaryKey = new[] { new { name = "id", type = "INTEGER" } } });

    /// <summary>Puts rows 1..<paramref name="count"/> with the columns <paramref name="columns"/> makes for each id.</summary>
    protected Task PutRowsAsync(string table, int count, Func<int, JsonObject> columns) =>
        Api.OkAsync("BatchWriteRow", new JsonObject
        {
            ["tables"] = new JsonArray(new JsonObject
            {
                ["tableName"] = table,
                ["rows"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => new JsonObject
                {
                    ["type"] = "PUT",
                    ["primaryKey"] = new JsonObject { ["id"] = i },
                    ["columns"] = columns(i),
                })]),
            }),
        }.ToJsonString());
}

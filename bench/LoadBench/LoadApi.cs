using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Web.Hosting;

namespace DeliveryConsole.LoadBench;

/// <summary>The JSON API calls the bench makes, as a client script would make them; any failure stops the run with the answer.</summary>
internal sealed class LoadApi(HttpClient http)
{
    public const string Bucket = "lake";
    private static readonly string Role = $"acs:ram::{new ConsoleOptions().AccountId}:role/aliyunserviceroleforotsdatadelivery";

    public async Task<JsonNode> CallAsync(string operation, JsonNode body, CancellationToken token = default)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), token);
        var text = await response.Content.ReadAsStringAsync(token);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{operation}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public Task CreateTableAsync(string table) => CallAsync("CreateTable", new JsonObject
    {
        ["tableName"] = table,
        ["primaryKey"] = new JsonArray(new JsonObject { ["name"] = "id", ["type"] = "INTEGER" }),
    });

    public Task CreateBucketAsync() =>
        CallAsync("CreateBucket", new JsonObject { ["endpoint"] = ConsoleOptions.DefaultEndpoint, ["bucket"] = Bucket });

    public Task CreateTaskAsync(string table, string task, int flushIntervalSeconds) => CallAsync("CreateDeliveryTask", new JsonObject
    {
        ["tableName"] = table,
        ["taskName"] = task,
        ["taskType"] = "BASE_INC",
        ["taskConfig"] = new JsonObject
        {
            ["ossPrefix"] = $"load/{table}/{task}/$yyyy/$MM/$dd/$HH",
            ["ossBucket"] = Bucket,
            ["ossEndpoint"] = ConsoleOptions.DefaultEndpoint,
            ["ossStsRole"] = Role,
            ["schema"] = new JsonArray(
                new JsonObject { ["columnName"] = "id", ["type"] = "INT64" },
                new JsonObject { ["columnName"] = "name", ["type"] = "UTF8" },
                new JsonObject { ["columnName"] = "amount", ["type"] = "DOUBLE" },
                new JsonObject { ["columnName"] = "ts", ["type"] = "INT64" }),
        },
        ["emulator"] = new JsonObject { ["flushIntervalSeconds"] = flushIntervalSeconds },
    });

    public Task DeleteTaskAsync(string table, string task) =>
        CallAsync("DeleteDeliveryTask", new JsonObject { ["tableName"] = table, ["taskName"] = task });

    public async Task<TaskSample> DescribeAsync(string table, string task, CancellationToken token = default)
    {
        var d = await CallAsync("DescribeDeliveryTask", new JsonObject { ["tableName"] = table, ["taskName"] = task }, token);
        var stat = d["taskSyncStat"]!;
        var emulator = d["emulator"]!;
        return new TaskSample(table, task, (string)stat["taskSyncPhase"]!, (string)stat["errorCode"]!, (string?)stat["detail"] ?? "",
            (long)emulator["rowsDelivered"]!, (long)emulator["objectsWritten"]!, (long)emulator["freshnessLagMs"]!,
            (string?)emulator["lastError"]?["message"]);
    }

    /// <summary>PUTs rows <paramref name="first"/>.. of one table in one BatchWriteRow; returns how many the service accepted.</summary>
    public async Task<int> PutRowsAsync(string table, long first, int count, CancellationToken token)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = new JsonArray();
        for (var id = first; id < first + count; id++)
        {
            rows.Add(new JsonObject
            {
                ["type"] = "PUT",
                ["primaryKey"] = new JsonObject { ["id"] = id },
                ["columns"] = new JsonObject { ["name"] = $"order {id} of {table}", ["amount"] = id * 0.25 + 0.5, ["ts"] = now },
            });
        }
        var result = await CallAsync("BatchWriteRow", new JsonObject
        {
            ["tables"] = new JsonArray(new JsonObject { ["tableName"] = table, ["rows"] = rows }),
        }, token);
        return result["tables"]![0]!["rows"]!.AsArray().Count(r => (bool)r!["isOk"]!);
    }
}

/// <summary>One DescribeDeliveryTask answer, reduced to what the bench checks.</summary>
internal sealed record TaskSample(string Table, string Task, string Phase, string ErrorCode, string Detail, long RowsDelivered,
    long ObjectsWritten, long FreshnessLagMs, string? LastError)
{
    public bool InError => ErrorCode != "OK" || LastError is not null;
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

/// <summary>
/// The console as a child process, killed with SIGKILL while writers keep writing, then started again:
/// every write it acknowledged is still there.
/// </summary>
public class CrashSafetyTests
{
    private const int Kills = 3;
    private const int AcknowledgedBeforeKill = 300;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acknowledged_writes_survive_sigkill_and_restart()
    {
        using var data = new TempFolder();
        var acknowledged = new ConcurrentBag<string>();
        for (var cycle = 0; cycle <= Kills; cycle++)
        {
            await using var app = Start(data);
            using var http = AppProcess.KeyedClient(await app.ListeningAsync());
            if (cycle == 0)
                await PostAsync(http, "CreateTable", """{"tableName": "events", "primaryKey": [{"name": "id", "type": "STRING"}]}""");

            var stored = await ReadAllKeysAsync(http);
            Assert.Empty(acknowledged.Except(stored));
            if (cycle == Kills)
                break;

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => WriteUntilStoppedAsync(http, $"c{cycle}-w{w}", acknowledged, stop.Token)).ToList();
            while (acknowledged.Count < (cycle + 1) * AcknowledgedBeforeKill && writers.All(w => !w.IsCompleted))
                await Task.Delay(10, Cancel);
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        Assert.True(acknowledged.Count >= Kills * AcknowledgedBeforeKill);
    }

    private static AppProcess Start(TempFolder data) =>
        AppProcess.Start(data.Path, new Dictionary<string, string> { ["Console__DataFolder"] = data.Path },
            Path.Combine(AppProcess.WebBuildOutput, "DeliveryConsole.Web.dll"), "--urls", "http://127.0.0.1:0");

    /// <summary>Alternates PutRow and 20-row BatchWriteRow calls; a key counts only once its response said OK.</summary>
    private static async Task WriteUntilStoppedAsync(HttpClient http, string prefix, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                if (i % 2 == 0)
                {
                    var key = $"{prefix}-{i}";
                    await PostAsync(http, "PutRow", $$"""{"tableName": "events", "primaryKey": {"id": "{{key}}"}, "columns": {"n": {{i}} } }""");
                    acknowledged.Add(key);
                }
                else
                {
                    var keys = Enumerable.Range(0, 20).Select(j => $"{prefix}-{i}-{j}").ToList();
                    var rows = string.Join(",", keys.Select(k => $$"""{"type": "PUT", "primaryKey": {"id": "{{k}}"}, "columns": {"n": 1} }"""));
                    var result = await PostAsync(http, "BatchWriteRow", $$"""{"tables": [{"tableName": "events", "rows": [{{rows}}]} ]}""");
                    Assert.All(result["tables"]![0]!["rows"]!.AsArray(), row => Assert.True((bool)row!["isOk"]!));
                    foreach (var key in keys)
                        acknowledged.Add(key);
                }
            }
            catch (HttpRequestException)
            {
                return; // the console was killed under this request: it was never acknowledged
            }
        }
    }

    private static async Task<HashSet<string>> ReadAllKeysAsync(HttpClient http)
    {
        var keys = new HashSet<string>();
        var start = """{"id": {"inf": "min"}}""";
        while (true)
        {
            var page = await PostAsync(http, "GetRange", $$"""
                {"tableName": "events", "direction": "FORWARD", "inclusiveStartPrimaryKey": {{start}}, "exclusiveEndPrimaryKey": {"id": {"inf": "max"} } }
                """);
            foreach (var row in page["rows"]!.AsArray())
                keys.Add((string)row!["primaryKey"]!["id"]!);
            if (page["nextStartPrimaryKey"] is not { } next)
                return keys;
            start = next.ToJsonString();
        }
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string operation, string json)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}

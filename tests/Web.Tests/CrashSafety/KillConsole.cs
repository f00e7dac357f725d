using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Hosting;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>The console the kill harness starts, describes and kills, over its JSON API.</summary>
public static class KillConsole
{
    /// <summary>
    /// How long one start may take to listen, or to reach its kill's aim, or the last start to catch up: only a hang
    /// gets there. Each wait is for progress, so a loaded machine makes the run longer, never makes it fail.
    /// </summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static AppProcess Start(string dataFolder, IReadOnlyDictionary<string, string> environment) =>
        AppProcess.Start(dataFolder, environment, Path.Combine(AppProcess.WebBuildOutput, "DeliveryConsole.Web.dll"), "--urls", "http://127.0.0.1:0");

    /// <summary>The task's DescribeDeliveryTask answer; null while the console does not answer (starting, or killed).</summary>
    public static async Task<JsonNode?> TryDescribeAsync(HttpClient http)
    {
        try
        {
            var body = new JsonObject { ["tableName"] = KillTable.Name, ["taskName"] = KillTable.Task };
            using var response = await http.PostAsync("/api/DescribeDeliveryTask", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel)) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task OkAsync(HttpClient http, string operation, JsonObject body)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation}: {(int)response.StatusCode} {text}");
    }

    /// <summary>
    /// Describes the task until it is in INCR, OK, with its sync time well past the last acknowledged write (so
    /// nothing committed before it is buffered), and its delivered count held still while the sync time moved on.
    /// </summary>
    public static async Task<JsonNode> WaitCaughtUpAsync(HttpClient http, DateTimeOffset lastWrite)
    {
        var past = (lastWrite + TimeSpan.FromSeconds(3)).ToUnixTimeMilliseconds() * 1_000_000;
        JsonNode? first = null;
        return (await Eventually.UntilAsync(() => TryDescribeAsync(http), described =>
        {
            if (described is null || (string)described["taskSyncStat"]!["taskSyncPhase"]! != "INCR"
                || (string)described["taskSyncStat"]!["errorCode"]! != "OK" || SyncTime(described) <= past)
                return false;
            if (first is null || Delivered(described) != Delivered(first))
            {
                first = described;
                return false;
            }
            return SyncTime(described) > SyncTime(first);
        }, described => $"the task has not caught up with the last write; last answer: {described?.ToJsonString() ?? "none"}", HangLimit))!;
    }

    private static long SyncTime(JsonNode described) => (long)described["taskSyncStat"]!["currentSyncTimestamp"]!;

    private static long Delivered(JsonNode described) => (long)described["emulator"]!["rowsDelivered"]!;

    /// <summary>The console's warnings and errors, each with the line after it (the message).</summary>
    public static IEnumerable<string> Problems(string output)
    {
        var lines = output.Split('\n');
        var shown = 0;
        for (var i = 0; i < lines.Length && shown < 10; i++)
        {
            if (!lines[i].StartsWith("warn:", StringComparison.Ordinal) && !lines[i].StartsWith("fail:", StringComparison.Ordinal)
                && !lines[i].StartsWith("crit:", StringComparison.Ordinal))
                continue;
            // Start-up notes of every run in a bare data folder: no web root, the catalog's WAL pragma.
            if (lines[i].Contains("StaticFileMiddleware", StringComparison.Ordinal) || lines[i].Contains("EntityFrameworkCore.Migrations", StringComparison.Ordinal))
                continue;
            shown++;
            yield return lines[i].Trim() + (i + 1 < lines.Length ? " " + lines[i + 1].Trim() : "");
        }
    }
}

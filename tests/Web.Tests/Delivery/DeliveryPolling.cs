using System.Text.Json.Nodes;
using DeliveryConsole.Web.Tests.Api;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>Waits for a task to reach a state by describing it until it does (or a deadline passes): no fixed sleeps.</summary>
public static class DeliveryPolling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Task<JsonNode> DescribeAsync(this ApiClient api, string tableName, string taskName) =>
        api.OkAsync("DescribeDeliveryTask", new JsonObject { ["tableName"] = tableName, ["taskName"] = taskName }.ToJsonString());

    /// <summary>Describes the task until <paramref name="reached"/> holds; fails with the last answer after <see cref="Deadline"/>.</summary>
    public static async Task<JsonNode> DescribeUntilAsync(this ApiClient api, string tableName, string taskName, string state, Func<JsonNode, bool> reached)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var described = await api.DescribeAsync(tableName, taskName);
            if (reached(described))
                return described;
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"Task '{taskName}' did not reach {state} within {Deadline.TotalSeconds} s; last: {described.ToJsonString()}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static string Phase(this JsonNode described) => (string)described["taskSyncStat"]!["taskSyncPhase"]!;

    public static Task<JsonNode> OutOfInitAsync(this ApiClient api, string tableName, string taskName) =>
        api.DescribeUntilAsync(tableName, taskName, "a phase after INIT", d => d.Phase() != "INIT");
}

using DeliveryConsole.Testing;
using System.Text.Json.Nodes;
using DeliveryConsole.Web.Tests.Api;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>Waits for a task to reach a state by describing it until it does: no fixed sleeps.</summary>
public static class DeliveryPolling
{
    public static Task<JsonNode> DescribeAsync(this ApiClient api, string tableName, string taskName) =>
        api.OkAsync("DescribeDeliveryTask", new JsonObject { ["tableName"] = tableName, ["taskName"] = taskName }.ToJsonString());

    /// <summary>Describes the task until <paramref name="reached"/> holds; fails with the last answer if it never does.</summary>
    public static Task<JsonNode> DescribeUntilAsync(this ApiClient api, string tableName, string taskName, string state, Func<JsonNode, bool> reached) =>
        Eventually.UntilAsync(() => api.DescribeAsync(tableName, taskName), reached,
            described => $"task '{taskName}' has not reached {state}; last: {described.ToJsonString()}");

    public static string Phase(this JsonNode described) => (string)described["taskSyncStat"]!["taskSyncPhase"]!;

    public static Task<JsonNode> OutOfInitAsync(this ApiClient api, string tableName, string taskName) =>
        api.DescribeUntilAsync(tableName, taskName, "a phase after INIT", d => d.Phase() != "INIT");
}

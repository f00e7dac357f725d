using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>CreateDeliveryTask, ListDeliveryTask, DescribeDeliveryTask and DeleteDeliveryTask, one after the other, as a script would.</summary>
public class DeliveryTaskLifecycleApiTests
{
    [Fact]
    public async Task A_task_is_created_listed_described_with_every_default_filled_in_and_deleted()
    {
        await using var console = new ConsoleFactory();
        var api = new ApiClient(console.CreateClient());
        await api.OkAsync("CreateTable", CreateTable);
        await api.OkAsync("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "STRING"}]}""");
        await api.OkAsync("CreateBucket", $$"""{"endpoint": "{{Endpoint}}", "bucket": "lake"}""");

        var created = await api.OkAsync("CreateDeliveryTask", Valid("lake-1").ToJsonString());
        var full = Valid("lake-0", "u");
        full["taskType"] = "INC";
        full.Config()["ossDirtyPrefix"] = "dirty/$yyyy";
        full.Config()["format"] = "Parquet";
        full.Config()["eventTimeColumn"] = new JsonObject { ["columnName"] = "ts", ["timeFormat"] = "RFC3339" };
        full.Config()["schema"] = new JsonArray(
            new JsonObject { ["columnName"] = "k", ["type"] = "UTF8", ["ossColumnName"] = "key", ["encode"] = "PLAIN_DICTIONARY" },
            new JsonObject { ["columnName"] = "i", ["type"] = "INT32", ["ossColumnName"] = "i", ["encode"] = "DELTA_BINARY_PACKED" },
            new JsonObject { ["columnName"] = "f", ["type"] = "FLOAT", ["ossColumnName"] = "f", ["encode"] = "PLAIN" },
            new JsonObject { ["columnName"] = "d", ["type"] = "DATE", ["ossColumnName"] = "d", ["encode"] = "PLAIN" });
        full["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 5, ["flushSizeMiB"] = 8, ["timeZone"] = "Europe/Berlin" };
        await api.OkAsync("CreateDeliveryTask", full.ToJsonString());

        Assert.Equal("{}", created.ToJsonString());
        Assert.Equal("""{"tasks":[{"tableName":"u","taskName":"lake-0","taskType":"INC"},{"tableName":"t","taskName":"lake-1","taskType":"BASE_INC"}]}""",
            (await api.OkAsync("ListDeliveryTask", "{}")).ToJsonString());
        Assert.Equal("""{"tasks":[{"tableName":"t","taskName":"lake-1","taskType":"BASE_INC"}]}""",
            (await api.OkAsync("ListDeliveryTask", """{"tableName": "t"}""")).ToJsonString());
        Assert.Equal("""{"tasks":[{"tableName":"u","taskName":"lake-0","taskType":"INC"}]}""",
            (await api.OkAsync("ListDeliveryTask", """{"tableName": "u"}""")).ToJsonString());

        // Defaults written out: taskType BASE_INC, format Parquet, ossColumnName = columnName, encode PLAIN, and the
        // instance's flush settings and time zone; what was given explicitly comes back as given.
        var minimal = await api.DescribeAsync("t", "lake-1");
        AssertJson($$"""
            {"ossPrefix": "lake/$yyyy/$MM/$dd", "ossBucket": "lake", "ossEndpoint": "{{Endpoint}}", "ossStsRole": "{{Role}}",
             "schema": [{"columnName": "k", "type": "UTF8", "ossColumnName": "k", "encode": "PLAIN"},
                        {"columnName": "n", "type": "INT64", "ossColumnName": "n", "encode": "PLAIN"},
                        {"columnName": "c", "type": "DOUBLE", "ossColumnName": "c", "encode": "PLAIN"}],
             "format": "Parquet"}
            """, minimal["taskConfig"]);
        Assert.Equal("BASE_INC", (string?)minimal["taskType"]);
        AssertEmulatorSettings(minimal, 120, 64, "Asia/Shanghai");
        var explicitly = await api.DescribeAsync("u", "lake-0");
        AssertJson(full["taskConfig"]!.ToJsonString(), explicitly["taskConfig"]);
        Assert.Equal("INC", (string?)explicitly["taskType"]);
        AssertEmulatorSettings(explicitly, 5, 8, "Europe/Berlin");

        foreach (var (table, task) in new[] { ("t", "lake-1"), ("u", "lake-0") })
            AssertStatusShape(await api.OutOfInitAsync(table, task));

        Assert.Equal("{}", (await api.OkAsync("DeleteDeliveryTask", """{"tableName": "t", "taskName": "lake-1"}""")).ToJsonString());
        var described = await api.CallAsync("DescribeDeliveryTask", """{"tableName": "t", "taskName": "lake-1"}""");
        var again = await api.CallAsync("DeleteDeliveryTask", """{"tableName": "t", "taskName": "lake-1"}""");
        var wrongTable = await api.CallAsync("DeleteDeliveryTask", """{"tableName": "t", "taskName": "lake-0"}""");

        foreach (var missing in new[] { described, again, wrongTable })
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.Status);
            Assert.Equal("OTSObjectNotExist", missing.Code);
            Assert.Contains("'t'", missing.Message);
        }
        Assert.Contains("'lake-1'", described.Message);
        Assert.Contains("'lake-1'", again.Message);
        Assert.Equal("""{"tasks":[{"tableName":"u","taskName":"lake-0","taskType":"INC"}]}""",
            (await api.OkAsync("ListDeliveryTask", "{}")).ToJsonString());
        // A deleted task's name is free again, on any table.
        await api.OkAsync("CreateDeliveryTask", Valid("lake-1", "u").ToJsonString());
        Assert.Equal("""{"tasks":[{"tableName":"u","taskName":"lake-0","taskType":"INC"},{"tableName":"u","taskName":"lake-1","taskType":"BASE_INC"}]}""",
            (await api.OkAsync("ListDeliveryTask", """{"tableName": "u"}""")).ToJsonString());
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private static void AssertEmulatorSettings(JsonNode described, int flushIntervalSeconds, int flushSizeMiB, string timeZone)
    {
        var emulator = described["emulator"]!;
        Assert.Equal(flushIntervalSeconds, (int)emulator["flushIntervalSeconds"]!);
        Assert.Equal(flushSizeMiB, (int)emulator["flushSizeMiB"]!);
        Assert.Equal(timeZone, (string?)emulator["timeZone"]);
    }

    /// <summary>Every field api.md promises, with its JSON type; the sync timestamp in nanoseconds.</summary>
    private static void AssertStatusShape(JsonNode described)
    {
        var stat = described["taskSyncStat"]!.AsObject();
        Assert.Equal(["taskSyncPhase", "currentSyncTimestamp", "errorCode", "detail"], stat.Select(p => p.Key));
        Assert.Contains(described.Phase(), new[] { "FULL", "INCR" });
        Assert.Contains((string?)stat["errorCode"], new[] { "OK", "UNAUTHORIZED", "INVALID_OSS_BUCKET" });
        Assert.Equal(JsonValueKind.String, stat["detail"]!.GetValueKind());
        var nanoseconds = (long)stat["currentSyncTimestamp"]!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        Assert.InRange(nanoseconds, now - 3_600_000_000_000L, now + 60_000_000_000L);

        var emulator = described["emulator"]!.AsObject();
        foreach (var counter in new[] { "rowsDelivered", "objectsWritten", "bytesWritten", "dirtyCells", "snapshotRowsScanned", "snapshotRowsTotal", "freshnessLagMs" })
            Assert.True(emulator[counter]?.GetValueKind() == JsonValueKind.Number && (long)emulator[counter]! >= 0, $"{counter}: {emulator.ToJsonString()}");
        Assert.True(emulator.ContainsKey("lastFlushTime"), emulator.ToJsonString());
        Assert.True(emulator["finished"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, emulator.ToJsonString());
    }
}

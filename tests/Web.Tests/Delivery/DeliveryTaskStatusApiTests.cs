using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>
/// DescribeDeliveryTask reports what the running engine did: a BASE task's delivered snapshot and its counters,
/// and the run-time faults that are not create errors (a foreign role, a missing bucket).
/// </summary>
public class DeliveryTaskStatusApiTests
{
    [Fact]
    public async Task A_finished_base_task_reports_its_delivered_rows_objects_and_times()
    {
        await using var console = new ConsoleFactory();
        var api = await StartAsync(console, "lake");

        await api.OkAsync("CreateDeliveryTask", Base("lake-b").ToJsonString());
        var done = await api.DescribeUntilAsync("t", "lake-b", "finished", d => (bool?)d["emulator"]!["finished"] == true);

        var (stat, emulator) = (done["taskSyncStat"]!, done["emulator"]!);
        Assert.Equal("INCR", (string?)stat["taskSyncPhase"]);
        Assert.Equal("OK", (string?)stat["errorCode"]);
        Assert.True((long)stat["currentSyncTimestamp"]! > 1_000_000_000_000_000_000L, $"not nanoseconds: {stat.ToJsonString()}");
        Assert.Equal(3, (long)emulator["rowsDelivered"]!);
        Assert.Equal(3, (long)emulator["snapshotRowsTotal"]!);
        Assert.Equal(3, (long)emulator["snapshotRowsScanned"]!);
        Assert.Equal(0, (long)emulator["dirtyCells"]!);
        Assert.True((long)emulator["objectsWritten"]! >= 1, emulator.ToJsonString());
        Assert.True((long)emulator["bytesWritten"]! > 0, emulator.ToJsonString());
        var flushed = DateTimeOffset.Parse((string)emulator["lastFlushTime"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, flushed.Offset);
        Assert.InRange(flushed, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(emulator["lastError"]);
        var objects = await api.OkAsync("ListObjects", $$"""{"endpoint": "{{Endpoint}}", "bucket": "lake", "prefix": "lake/"}""");
        Assert.Equal((long)emulator["objectsWritten"]!, objects["objects"]!.AsArray().Count);
        Assert.All(objects["objects"]!.AsArray(), o => Assert.Contains("/lake-b_0_lake_", (string)o!["key"]!));
    }

    [Theory]
    [InlineData("acs:ram::6543210987654321:role/aliyunserviceroleforotsdatadelivery", "lake", "UNAUTHORIZED")]
    [InlineData("acs:ram::1234567890123456:role/someotherrole", "lake", "UNAUTHORIZED")]
    [InlineData(null, "missing", "INVALID_OSS_BUCKET")]
    public async Task A_fault_is_created_fine_then_reported_with_its_error_code_detail_and_last_error(string? role, string bucket, string errorCode)
    {
        await using var console = new ConsoleFactory();
        var api = await StartAsync(console, "lake");
        var body = Base("lake-f");
        body.Config()["ossBucket"] = bucket;
        if (role is not null)
            body.Config()["ossStsRole"] = role;

        await api.OkAsync("CreateDeliveryTask", body.ToJsonString());
        var failing = await api.DescribeUntilAsync("t", "lake-f", errorCode, d => (string?)d["taskSyncStat"]!["errorCode"] == errorCode);

        Assert.False(string.IsNullOrWhiteSpace((string?)failing["taskSyncStat"]!["detail"]), failing.ToJsonString());
        var lastError = failing["emulator"]!["lastError"];
        Assert.True(lastError is JsonObject, failing.ToJsonString());
        Assert.False(string.IsNullOrWhiteSpace((string?)lastError!["message"]));
        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse((string)lastError["time"]!, System.Globalization.CultureInfo.InvariantCulture).Offset);
        Assert.Equal(0, (long)failing["emulator"]!["objectsWritten"]!);
        Assert.False((bool)failing["emulator"]!["finished"]!);
    }

    [Fact]
    public async Task A_failure_the_service_has_no_code_for_shows_EMULATOR_ERROR_in_the_emulator_block_until_delivery_succeeds()
    {
        await using var console = new ConsoleFactory();
        var api = await StartAsync(console, "lake");
        // An object named "lake" where the task's objects need a folder "lake": the local endpoint cannot hold both.
        var blocker = Path.Combine(console.Data.Path, "buckets", Endpoint, "lake", "lake");
        File.WriteAllText(blocker, "someone else's object");
        var body = Base("lake-x");
        body.Config()["ossPrefix"] = "lake";
        body["taskType"] = null;

        await api.OkAsync("CreateDeliveryTask", body.ToJsonString());
        var failing = await api.DescribeUntilAsync("t", "lake-x", "EMULATOR_ERROR", d => (string?)d["emulator"]!["errorCode"] == "EMULATOR_ERROR");

        Assert.Equal("BASE_INC", (string?)failing["taskType"]);
        // The real service's code has no value for it: OK there, with the detail saying what is retried.
        Assert.Equal("OK", (string?)failing["taskSyncStat"]!["errorCode"]);
        Assert.StartsWith("retrying: ", (string?)failing["taskSyncStat"]!["detail"]);
        Assert.Contains("needs 'lake' to be a folder", (string?)failing["emulator"]!["lastError"]!["message"]);
        Assert.NotNull(failing["emulator"]!["retryAt"]);

        File.Delete(blocker);
        var delivered = await api.DescribeUntilAsync("t", "lake-x", "delivered",
            d => (long)d["emulator"]!["rowsDelivered"]! == 3 && (string?)d["emulator"]!["errorCode"] == "OK");
        Assert.Equal("", (string?)delivered["taskSyncStat"]!["detail"]);
        Assert.Null(delivered["emulator"]!["retryAt"]);
    }

    /// <summary>Table t with three rows, and the bucket.</summary>
    private static async Task<ApiClient> StartAsync(ConsoleFactory console, string bucket)
    {
        var api = new ApiClient(console.CreateClient());
        await api.OkAsync("CreateTable", CreateTable);
        foreach (var (k, n, c) in new[] { ("a", 1, "1.5"), ("b", 2, "2.5"), ("c", 3, "3.5") })
            await api.OkAsync("PutRow", $$$"""{"tableName": "t", "primaryKey": {"k": "{{{k}}}", "n": {{{n}}}}, "columns": {"c": {{{c}}}}}""");
        await api.OkAsync("CreateBucket", $$"""{"endpoint": "{{Endpoint}}", "bucket": "{{bucket}}"}""");
        return api;
    }

    private static JsonObject Base(string taskName)
    {
        var body = Valid(taskName);
        body["taskType"] = "BASE";
        return body;
    }
}

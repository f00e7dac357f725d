using System.Net;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>UpdateDeliveryTask through the JSON API: a delivery before and after, and refusals that change nothing.</summary>
public sealed class DeliveryTaskUpdateApiTests
{
    [Fact]
    public async Task An_update_changes_the_objects_written_after_it_and_never_the_ones_before()
    {
        await using var console = new ConsoleFactory();
        var scenario = await TaskUpdateScenario.StartAsync(console);

        Assert.Equal("{}", (await scenario.Api.OkAsync("UpdateDeliveryTask", TaskUpdateScenario.Updated().ToJsonString())).ToJsonString());
        var done = await scenario.DeliverAfterUpdateAsync();

        await scenario.AssertDeliveredBeforeAndAfterAsync();
        Assert.Equal("after", (string?)done["taskConfig"]!["ossPrefix"]);
        Assert.Equal(4, done["taskConfig"]!["schema"]!.AsArray().Count);
        var versions = done["emulator"]!["configVersions"]!.AsArray();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["version"]!));
        Assert.All(versions, v => Assert.NotNull((string?)v!["effectiveAt"]));
        Assert.True(DateTimeOffset.Parse((string)versions[1]!["effectiveAt"]!) >= DateTimeOffset.Parse((string)versions[1]!["savedAt"]!));
    }

    public static TheoryData<string, HttpStatusCode, string, string, string> Refusals => new()
    {
        { "unknown task", HttpStatusCode.NotFound, "OTSObjectNotExist", "'nope-1'", "Table 't' has no delivery task named 'nope-1'." },
        { "other table", HttpStatusCode.BadRequest, "OTSParameterInvalid", "tableName",
            "tableName 'u' cannot change: the task has 't'; create a new task for another." },
        { "other type", HttpStatusCode.BadRequest, "OTSParameterInvalid", "taskType",
            "taskType 'BASE_INC' cannot change: the task has 'INC'; create a new task for another." },
        { "other bucket", HttpStatusCode.BadRequest, "OTSParameterInvalid", "taskConfig.ossBucket",
            "taskConfig.ossBucket 'other' cannot change: the task has 'lake'; create a new task for another." },
        { "invalid schema", HttpStatusCode.BadRequest, "OTSParameterInvalid", "taskConfig.schema[3].type", "taskConfig.schema[3].type" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_update_names_the_field_and_the_rule_and_changes_nothing(
        string change, HttpStatusCode status, string code, string field, string message)
    {
        await using var console = new ConsoleFactory();
        var scenario = await TaskUpdateScenario.StartAsync(console);
        await scenario.Api.OkAsync("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "STRING"}]}""");
        var before = await scenario.DescribeAsync();
        var body = TaskUpdateScenario.Updated();
        switch (change)
        {
            case "unknown task": body["taskName"] = "nope-1"; break;
            case "other table": body["tableName"] = "u"; break;
            case "other type": body["taskType"] = "BASE_INC"; break;
            case "other bucket": body.Config()["ossBucket"] = "other"; break;
            default: body.Column(3)["type"] = "NOPE"; break;
        }

        var refused = await scenario.Api.CallAsync("UpdateDeliveryTask", body.ToJsonString());

        Assert.Equal((status, code), (refused.Status, refused.Code));
        Assert.StartsWith(message, refused.Message);
        Assert.Contains(field, refused.Message);
        var after = await scenario.DescribeAsync();
        Assert.Equal(before["taskConfig"]!.ToJsonString(), after["taskConfig"]!.ToJsonString());
        Assert.Single(after["emulator"]!["configVersions"]!.AsArray());
    }

    [Fact]
    public async Task An_update_left_without_taskType_or_emulator_keeps_the_tasks()
    {
        await using var console = new ConsoleFactory();
        var scenario = await TaskUpdateScenario.StartAsync(console);
        var body = TaskUpdateScenario.Updated();
        body.Remove("taskType");
        body.Remove("emulator");

        await scenario.Api.OkAsync("UpdateDeliveryTask", body.ToJsonString());

        var described = await scenario.DescribeAsync();
        Assert.Equal("INC", (string?)described["taskType"]);
        Assert.Equal(1, (int)described["emulator"]!["flushIntervalSeconds"]!);
    }
}

namespace DeliveryConsole.Web.Tests.Wire.Sdk;

/// <summary>The real npm SDK creates, lists, describes, updates and deletes tables on a running console.</summary>
public class NodeSdkTableTests
{
    [Fact]
    public async Task The_npm_sdk_runs_every_table_action_against_the_console()
    {
        await using var sdk = await NodeSdk.StartAsync();

        var summary = await sdk.RunAsync("tables.js", TestContext.Current.CancellationToken);

        Assert.True((bool)summary["ok"]!);
        Assert.Equal("""["sdk_orders","sdk_plain"]""", summary["tables"]!.ToJsonString());
        Assert.Equal("""["shop","id"]""", summary["primaryKey"]!.ToJsonString());
        Assert.Equal(3, (int)summary["maxVersionsAfterUpdate"]!);
        Assert.Equal("""{"describeMissing":404,"createTwice":409}""", summary["errors"]!.ToJsonString());
    }
}

using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Components.Shared;

public class ConsoleComponentTestTests : ConsoleComponentTest
{
    [Fact]
    public async Task The_harness_runs_the_real_engine_on_the_real_store()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        await LocalEndpoint.CreateBucketAsync("lake", TestContext.Current.CancellationToken);

        var error = await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest("orders", "orders-lake",
            new DeliveryTaskConfig("p/$yyyy", "lake", Endpoint, Role, [new SchemaColumnConfig("id", "INT64")]), "INC"), TestContext.Current.CancellationToken);
        Assert.Null(error);

        await Eventually.UntilAsync(async () => (await Engine.DescribeTaskAsync("orders", "orders-lake", TestContext.Current.CancellationToken))!,
            status => status.State.Phase == TaskPhase.Incr, status => $"the task did not reach INCR; last: {status.State}");
    }
}

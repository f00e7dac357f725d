using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;

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

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Engine.DescribeTaskAsync("orders", "orders-lake", TestContext.Current.CancellationToken))!.State.Phase != TaskPhase.Incr)
        {
            Assert.True(DateTime.UtcNow < deadline, "the task did not reach INCR");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

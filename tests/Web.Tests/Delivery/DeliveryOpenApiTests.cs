using System.Text.Json.Nodes;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Delivery;

public class DeliveryOpenApiTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_delivery_task_operations_and_their_bodies()
    {
        await using var console = new ConsoleFactory();
        var document = JsonNode.Parse(await console.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var bodies = new Dictionary<string, JsonNode>();
        foreach (var operation in new[] { "CreateDeliveryTask", "UpdateDeliveryTask", "ListDeliveryTask", "DescribeDeliveryTask", "DeleteDeliveryTask" })
        {
            var post = document["paths"]![$"/api/{operation}"]?["post"];
            Assert.True(post is not null, $"{operation} is not in the OpenAPI document");
            bodies[operation] = Resolve(document, post!["requestBody"]?["content"]?["application/json"]?["schema"]);
            Assert.NotNull(Resolve(document, post["responses"]?["200"]?["content"]?["application/json"]?["schema"]));
        }

        var create = bodies["CreateDeliveryTask"];
        Assert.Equal(["tableName", "taskName", "taskConfig", "taskType", "emulator"], create["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(create.ToJsonString(), bodies["UpdateDeliveryTask"].ToJsonString());
        var config = Resolve(document, create["properties"]!["taskConfig"]);
        Assert.Equal(["ossPrefix", "ossBucket", "ossEndpoint", "ossStsRole", "schema"], config["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["tableName", "taskName"], bodies["DescribeDeliveryTask"]["properties"]!.AsObject().Select(p => p.Key));
        var describe = Resolve(document, document["paths"]!["/api/DescribeDeliveryTask"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        Assert.Equal(["taskConfig", "taskType", "taskSyncStat", "emulator"], describe["properties"]!.AsObject().Select(p => p.Key));
    }

    private static JsonNode Resolve(JsonNode document, JsonNode? schema)
    {
        Assert.NotNull(schema);
        while (schema?["$ref"] is { } reference)
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        Assert.NotNull(schema);
        return schema!;
    }
}

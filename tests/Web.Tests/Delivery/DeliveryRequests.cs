using System.Text.Json.Nodes;
using DeliveryConsole.Web.Hosting;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>CreateDeliveryTask bodies for the default instance: a valid one, and the same with one change.</summary>
public static class DeliveryRequests
{
    public const string Endpoint = ConsoleOptions.DefaultEndpoint;
    public static readonly string Role = $"acs:ram::{new ConsoleOptions().AccountId}:role/aliyunserviceroleforotsdatadelivery";

    /// <summary>Table <c>t</c>: key k STRING, n INTEGER; the columns the valid task delivers.</summary>
    public const string CreateTable = """
        {"tableName": "t", "primaryKey": [{"name": "k", "type": "STRING"}, {"name": "n", "type": "INTEGER"}]}
        """;

    /// <summary>The smallest valid request: every optional field left out.</summary>
    public static JsonObject Valid(string taskName = "lake-1", string tableName = "t") => new()
    {
        ["tableName"] = tableName,
        ["taskName"] = taskName,
        ["taskConfig"] = new JsonObject
        {
            ["ossPrefix"] = "lake/$yyyy/$MM/$dd",
            ["ossBucket"] = "lake",
            ["ossEndpoint"] = Endpoint,
            ["ossStsRole"] = Role,
            ["schema"] = new JsonArray(
                new JsonObject { ["columnName"] = "k", ["type"] = "UTF8" },
                new JsonObject { ["columnName"] = "n", ["type"] = "INT64" },
                new JsonObject { ["columnName"] = "c", ["type"] = "DOUBLE" }),
        },
    };

    /// <summary>The valid request changed by <paramref name="change"/>, as JSON text.</summary>
    public static string With(Action<JsonObject> change)
    {
        var body = Valid();
        change(body);
        return body.ToJsonString();
    }

    public static JsonObject Config(this JsonObject body) => body["taskConfig"]!.AsObject();

    public static JsonObject Column(this JsonObject body, int index) => body.Config()["schema"]![index]!.AsObject();
}

using System.Text.Json;
using System.Text.Json.Serialization;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Catalog;

/// <summary>
/// How the catalog writes JSON (a task's request): camelCase as on the wire, nulls left out. The one place these
/// options live, so every reader of the column reads what every writer wrote.
/// </summary>
public static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(CreateDeliveryTaskRequest request) => JsonSerializer.Serialize(request, Options);

    public static CreateDeliveryTaskRequest DeserializeRequest(string json) =>
        JsonSerializer.Deserialize<CreateDeliveryTaskRequest>(json, Options)
        ?? throw new InvalidDataException("the catalog holds a null task request");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

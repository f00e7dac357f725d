using System.Text.Json;
using System.Text.Json.Serialization;
using DeliveryConsole.Delivery.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// CreateDeliveryTask's body: the engine's <see cref="CreateDeliveryTaskRequest"/>, read with the API's rules
/// (unknown fields, wrong types and malformed JSON are still 400) except that a required field left out or sent as
/// null arrives as null. The engine's validator then rejects it with the field's path and the rule
/// (<c>taskConfig.ossBucket is required.</c>), in the same words as every other broken rule, where the strict
/// serializer would name .NET types. The OpenAPI document shows the request itself (see <see cref="ApiSchemas"/>).
/// </summary>
[JsonConverter(typeof(CreateDeliveryTaskBodyConverter))]
public sealed record CreateDeliveryTaskBody(CreateDeliveryTaskRequest Request)
{
    /// <summary>The OpenAPI schema of the body: the request's (the generator sees no members behind a converter).</summary>
    public static async Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var request = await context.GetOrCreateSchemaAsync(typeof(CreateDeliveryTaskRequest), null, cancellationToken);
        schema.Type = request.Type;
        schema.Properties = request.Properties;
        schema.Required = request.Required;
        schema.AdditionalPropertiesAllowed = request.AdditionalPropertiesAllowed;
        schema.Description = request.Description;
    }
}

internal sealed class CreateDeliveryTaskBodyConverter : JsonConverter<CreateDeliveryTaskBody>
{
    private static readonly JsonSerializerOptions RequiredAsNull = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ServiceJson.Options)
        {
            RespectNullableAnnotations = false,
            RespectRequiredConstructorParameters = false,
        };
        options.MakeReadOnly();
        return options;
    }

    public override CreateDeliveryTaskBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<CreateDeliveryTaskRequest>(ref reader, RequiredAsNull) is { } request ? new(request) : null;

    public override void Write(Utf8JsonWriter writer, CreateDeliveryTaskBody value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Request, ServiceJson.Options);
}

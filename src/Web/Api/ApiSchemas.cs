using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeliveryConsole.Web.Api;

/// <summary>Tells OpenAPI readers how values, keys and cells look in JSON, since custom converters write them.</summary>
public static class ApiSchemas
{
    public static async Task DescribeValuesAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(CreateDeliveryTaskBody))
            await CreateDeliveryTaskBody.DescribeAsync(schema, context, cancellationToken);
        else if (type == typeof(Value))
            Replace(schema, "A STRING (string), BOOLEAN (true/false), INTEGER (integer literal), DOUBLE (any other number) or " +
                "an object: {\"binary\": base64}, {\"double\": n}, {\"integer\": \"digits\"}, {\"inf\": \"min\"|\"max\"}, {\"autoIncrement\": true}.");
        else if (type == typeof(IReadOnlyList<KeyColumn>))
            Replace(schema, "A primary key: an object of column name to value, in the table's key order.", JsonSchemaType.Object);
        else if (type == typeof(IReadOnlyList<ColumnPut>))
            Replace(schema, "Cells: an object of column name to value, or to {\"value\": v, \"timestamp\": ms}.", JsonSchemaType.Object);
    }

    private static void Replace(OpenApiSchema schema, string description, JsonSchemaType? type = null)
    {
        schema.Type = type;
        schema.Properties?.Clear();
        schema.Items = null;
        schema.Required?.Clear();
        schema.Description = description;
    }
}

using System.Text;
using System.Text.Json;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>A primary key as the JSON object the API uses: <c>{"pk1": "a", "pk2": 7, "pk3": {"binary": "AAE="}}</c>.</summary>
internal static class KeyText
{
    public static string Json(IReadOnlyList<KeyColumn> key)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var column in key)
            {
                writer.WritePropertyName(column.Name);
                WriteValue(writer, column.Value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void WriteValue(Utf8JsonWriter writer, Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Integer:
                writer.WriteNumberValue(value.AsInteger);
                break;
            case ValueKind.String:
                writer.WriteStringValue(value.AsString);
                break;
            case ValueKind.Binary:
                writer.WriteStartObject();
                writer.WriteBase64String("binary", value.AsBinary);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}

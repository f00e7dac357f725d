using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Values;

/// <summary>
/// A cell or key value in JSON: a string is STRING, true/false BOOLEAN, an integer literal INTEGER (64-bit), any
/// other number DOUBLE, <c>{"binary": "&lt;base64&gt;"}</c> BINARY. Escapes: <c>{"double": 1}</c>,
/// <c>{"integer": "9007199254740993"}</c>, <c>{"inf": "min"|"max"}</c>, <c>{"autoIncrement": true}</c>.
/// Doubles are written so they read back as doubles (<c>1.0</c>, or <c>{"double": "NaN"}</c>).
/// </summary>
public sealed class ValueJsonConverter : JsonConverter<Value>
{
    public override Value Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Value.String(reader.GetString()!),
            JsonTokenType.True => Value.Boolean(true),
            JsonTokenType.False => Value.Boolean(false),
            JsonTokenType.Number => ReadNumber(ref reader),
            JsonTokenType.StartObject => ReadEscape(ref reader),
            _ => throw new JsonException($"expected a value (string, number, true/false or an object such as {{\"binary\": \"...\"}}), not {Describe(reader.TokenType)}"),
        };

    public override void Write(Utf8JsonWriter writer, Value value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case ValueKind.Integer: writer.WriteNumberValue(value.AsInteger); break;
            case ValueKind.String: writer.WriteStringValue(value.AsString); break;
            case ValueKind.Boolean: writer.WriteBooleanValue(value.AsBoolean); break;
            case ValueKind.Binary:
                writer.WriteStartObject();
                writer.WriteBase64String("binary", value.AsBinary);
                writer.WriteEndObject();
                break;
            case ValueKind.Double when double.IsFinite(value.AsDouble):
                var text = value.AsDouble.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteRawValue(text.Contains('.') || text.Contains('E') ? text : text + ".0");
                break;
            case ValueKind.Double:
                writer.WriteStartObject();
                writer.WriteString("double", value.AsDouble.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject();
                if (value.Kind == ValueKind.AutoIncrement)
                    writer.WriteBoolean("autoIncrement", true);
                else
                    writer.WriteString("inf", value.Kind == ValueKind.InfMin ? "min" : "max");
                writer.WriteEndObject();
                break;
        }
    }

    private static Value ReadNumber(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        if (raw.AsSpan().IndexOfAny(".eE"u8) < 0)
            return reader.TryGetInt64(out var integer)
                ? Value.Integer(integer)
                : throw new JsonException($"the integer {System.Text.Encoding.ASCII.GetString(raw)} does not fit in 64 bits; write {{\"double\": ...}} for a DOUBLE");
        return reader.TryGetDouble(out var number) && double.IsFinite(number)
            ? Value.Double(number)
            : throw new JsonException($"the number {System.Text.Encoding.ASCII.GetString(raw)} is out of DOUBLE range");
    }

    private static Value ReadEscape(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
            throw new JsonException("an object value needs one property: binary, double, integer, inf or autoIncrement");
        var name = reader.GetString();
        reader.Read();
        var value = name switch
        {
            // Escapes written as strings go through ValueText, the parser the console's typed fields use too.
            "binary" when reader.TokenType == JsonTokenType.String => ValueText.TryParse(ValueKind.Binary, reader.GetString(), out var bytes) is null
                ? bytes : throw new JsonException("binary must be base64"),
            "double" when reader.TokenType == JsonTokenType.Number => Value.Double(reader.GetDouble()),
            "double" when reader.TokenType == JsonTokenType.String && ValueText.TryParse(ValueKind.Double, reader.GetString(), out var d) is null => d,
            "integer" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) => Value.Integer(i),
            "integer" when reader.TokenType == JsonTokenType.String && ValueText.TryParse(ValueKind.Integer, reader.GetString(), out var i) is null => i,
            "inf" when reader.TokenType == JsonTokenType.String && reader.GetString() == "min" => Value.InfMin,
            "inf" when reader.TokenType == JsonTokenType.String && reader.GetString() == "max" => Value.InfMax,
            "autoIncrement" when reader.TokenType == JsonTokenType.True => Value.AutoIncrement,
            "binary" or "double" or "integer" or "inf" or "autoIncrement" => throw new JsonException(name switch
            {
                "binary" => "binary must be a base64 string",
                "double" => "double must be a number or \"NaN\", \"Infinity\", \"-Infinity\"",
                "integer" => "integer must be a 64-bit integer, as a number or a string of digits",
                "inf" => "inf must be \"min\" or \"max\"",
                _ => "autoIncrement must be true",
            }),
            _ => throw new JsonException($"unknown value object '{name}': use binary, double, integer, inf or autoIncrement"),
        };
        reader.Read();
        return reader.TokenType == JsonTokenType.EndObject
            ? value
            : throw new JsonException("a value object has exactly one property");
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };
}

/// <summary>A primary key as a JSON object whose properties are the key columns in key order.</summary>
public sealed class PrimaryKeyJsonConverter : JsonConverter<IReadOnlyList<KeyColumn>>
{
    private static readonly ValueJsonConverter Values = new();

    public override IReadOnlyList<KeyColumn> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"a primary key is an object of column: value in key order, not {ValueJsonConverter.Describe(reader.TokenType)}");
        var key = new List<KeyColumn>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            key.Add(new KeyColumn(name, Values.Read(ref reader, typeof(Value), options)));
        }
        return key;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyColumn> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var column in value)
        {
            writer.WritePropertyName(column.Name);
            Values.Write(writer, column.Value, options);
        }
        writer.WriteEndObject();
    }
}

/// <summary>Cells to write: <c>{"name": value}</c> or, with a timestamp, <c>{"name": {"value": v, "timestamp": ms}}</c>.</summary>
public sealed class ColumnPutsJsonConverter : JsonConverter<IReadOnlyList<ColumnPut>>
{
    private static readonly ValueJsonConverter Values = new();

    public override IReadOnlyList<ColumnPut> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"columns are an object of name: value, not {ValueJsonConverter.Describe(reader.TokenType)}");
        var puts = new List<ColumnPut>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            puts.Add(IsVersioned(reader) ? ReadVersioned(ref reader, name, options) : new ColumnPut(name, Values.Read(ref reader, typeof(Value), options)));
        }
        return puts;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ColumnPut> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("column puts are only read");

    private static bool IsVersioned(Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
        && (reader.ValueTextEquals("value"u8) || reader.ValueTextEquals("timestamp"u8));

    private static ColumnPut ReadVersioned(ref Utf8JsonReader reader, string name, JsonSerializerOptions options)
    {
        Value? value = null;
        long? timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "value": value = Values.Read(ref reader, typeof(Value), options); break;
                case "timestamp" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms): timestamp = ms; break;
                case "timestamp": throw new JsonException($"the timestamp of column '{name}' must be an integer of milliseconds");
                default: throw new JsonException($"column '{name}': a versioned cell has only value and timestamp, not '{property}'");
            }
        }
        return value is { } v ? new ColumnPut(name, v, timestamp) : throw new JsonException($"column '{name}' has a timestamp but no value");
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeliveryConsole.Web.Values;

/// <summary>
/// The service's one set of JSON rules, for everything written or read as the JSON API does (its bodies, a JSON Lines
/// import, the wizard's request preview, the sign-in challenge's error): camelCase, strict (unknown or missing fields are errors, a value of
/// the wrong JSON type is an error; null in an optional field is the same as leaving it out).
/// </summary>
public static class ServiceJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Web defaults read "5" as the number 5; the real service's API is strict JSON: a string where a
            // number belongs is refused naming the field, and so are "NaN" and "Infinity" (JSON has no such numbers).
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
            // Readable quotes and non-ASCII text in a JSON API; the bodies are never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new ValueJsonConverter());
        options.Converters.Add(new PrimaryKeyJsonConverter());
        options.Converters.Add(new ColumnPutsJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

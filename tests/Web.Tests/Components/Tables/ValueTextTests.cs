using System.Text.Json;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Tests.Components.Tables;

/// <summary>The console's typed fields and the JSON API's escapes accept and refuse the same texts.</summary>
public class ValueTextTests
{
    [Theory]
    [InlineData("integer", ValueKind.Integer, "-9007199254740993")]
    [InlineData("integer", ValueKind.Integer, "12x")]
    [InlineData("integer", ValueKind.Integer, "99999999999999999999")]
    [InlineData("double", ValueKind.Double, "1.5e3")]
    [InlineData("double", ValueKind.Double, "NaN")]
    [InlineData("double", ValueKind.Double, "one")]
    [InlineData("binary", ValueKind.Binary, "AQID")]
    [InlineData("binary", ValueKind.Binary, "not base64!")]
    public void The_typed_parser_agrees_with_the_api(string escape, ValueKind kind, string text)
    {
        var typed = ValueText.TryParse(kind, text, out var value);
        Value? json;
        try
        {
            json = JsonSerializer.Deserialize<Value>(JsonSerializer.Serialize(new Dictionary<string, string> { [escape] = text }), ServiceJson.Options);
        }
        catch (JsonException)
        {
            json = null;
        }

        Assert.Equal(typed is null, json is not null);
        if (json is { } accepted)
            Assert.Equal(accepted, value);
    }

    [Fact]
    public void Booleans_and_strings_are_typed_too()
    {
        Assert.Null(ValueText.TryParse(ValueKind.Boolean, "true", out var yes));
        Assert.Equal(Value.Boolean(true), yes);
        Assert.Equal("must be true or false", ValueText.TryParse(ValueKind.Boolean, "yes", out _));
        Assert.Null(ValueText.TryParse(ValueKind.String, "", out var empty));
        Assert.Equal(Value.String(""), empty);
    }
}

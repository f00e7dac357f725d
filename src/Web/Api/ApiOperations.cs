using System.Text.Json;
using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Http.Features;
using DeliveryConsole.Web.Values;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// The plumbing every <c>POST /api/&lt;Operation&gt;</c> shares: the strict JSON body, the size limit, the error
/// body for a bad request, <c>x-ots-requestid</c> on every response, and the OpenAPI description.
/// </summary>
public static partial class ApiOperations
{

    /// <summary>The <c>/api</c> group with the request-id header and the answer for an unknown operation.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string tag)
    {
        var api = app.MapGroup("/api").WithTags(tag).AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers[ServiceErrors.RequestIdHeader] = ServiceErrors.RequestId(context.HttpContext);
            return await next(context);
        });
        return api;
    }

    /// <summary>Maps the fallback for names that are no operation (once, after every group).</summary>
    public static void MapUnknownOperations(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("Unknown").MapPost("/{operation}", (HttpContext context, string operation) =>
            ServiceErrors.Result(context, ServiceErrors.UnsupportedOperation,
                $"'{operation}' is not an operation of this API; the OpenAPI document at /openapi/v1.json lists them."))
            .ExcludeFromDescription();

    /// <summary>Maps one operation: reads and checks the body, then <paramref name="handle"/> answers.</summary>
    public static void MapOperation<TBody, TResult>(this RouteGroupBuilder api, string operation, Func<HttpContext, TBody, Task<IResult>> handle)
        where TBody : notnull where TResult : notnull =>
        api.MapPost("/" + operation, async (HttpContext context) =>
            {
                var body = await ReadBodyAsync<TBody>(context);
                return body.Error ?? await handle(context, body.Value!);
            })
            .WithName(operation)
            .Accepts<TBody>("application/json")
            .Produces<TResult>()
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest);

    private static async Task<(TBody? Value, IResult? Error)> ReadBodyAsync<TBody>(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = ServiceErrors.MaxRequestBodyBytes;
        if (context.Request.ContentLength > ServiceErrors.MaxRequestBodyBytes)
            return (default, TooLarge(context));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<TBody>(context.Request.Body, ServiceJson.Options, context.RequestAborted);
            if (body is null)
                return (default, ServiceErrors.Result(context, TableStoreError.ParameterInvalid, "The request body must be a JSON object, not null."));
            return NullElement(body, "$") is { } at
                ? (default, ServiceErrors.Result(context, TableStoreError.ParameterInvalid, $"The request body is not valid: a list holds null (at {at})"))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (default, ServiceErrors.Result(context, TableStoreError.ParameterInvalid, $"The request body is not valid: {Describe(e)}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(context));
        }
    }

    // The serializer lets null into a list of non-nullable elements ("rows": [null]); the handlers would trip on it.
    private static string? NullElement(object value, string path)
    {
        if (value is System.Collections.IEnumerable list and not string)
        {
            var index = 0;
            foreach (var item in list)
            {
                if ((item is null ? $"{path}[{index}]" : NullElement(item, $"{path}[{index}]")) is { } at)
                    return at;
                index++;
            }
        }
        else if (value.GetType().Namespace == typeof(ApiOperations).Namespace)
        {
            foreach (var property in value.GetType().GetProperties())
                if (property.GetIndexParameters().Length == 0 && property.GetValue(value) is { } child
                    && NullElement(child, $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}") is { } at)
                    return at;
        }
        return null;
    }

    private static IResult TooLarge(HttpContext context) =>
        ServiceErrors.Result(context, ServiceErrors.RequestBodyTooLarge, $"The request body is larger than {ServiceErrors.MaxRequestBodyBytes} bytes.");

    // The serializer's messages name .NET types; say it in the API's terms: the field and the rule.
    private static string Describe(JsonException e)
    {
        var at = e.Path is { Length: > 0 } path ? $" (at {path})" : "";
        if (e.Message.Contains("could not be mapped to any .NET member"))
            return $"unknown field '{e.Path?.Split('.').Last()}'{at}";
        if (MissingFields().Match(e.Message) is { Success: true } missing)
            return $"missing required field(s) {missing.Groups[1].Value}{at}";
        // A string where a number belongs (or the reverse) fails in the reader, an unknown enum name in the converter.
        var wrongType = e.InnerException is InvalidOperationException { Message: var reader } && reader.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal)
            || e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        if (wrongType)
            return e.Path is { Length: > 1 } field
                ? $"{field.TrimStart('$', '.')} has the wrong JSON type (a string where a number belongs, or the reverse) or is not one of the allowed names{at}"
                : $"a value has the wrong type or is not one of the allowed names{at}";
        if (e.InnerException is { } inner and not JsonException)
            return $"{inner.Message}{at}";
        var message = e.Message.Split(" Path: ")[0].Split(" LineNumber: ")[0];
        return message.Contains(" (at ") || at.Length == 0 || message.Contains(e.Path!) ? message : message + at;
    }

    [GeneratedRegex("missing required properties including: (.+?)\\.")]
    private static partial Regex MissingFields();
}

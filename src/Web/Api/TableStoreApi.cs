using System.Text.Json;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Http.Features;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// <c>POST /api/&lt;Operation&gt;</c> for every table and row operation: a strict JSON body in, the result or
/// <c>{code, message, requestId}</c> with the real service's status out, and <c>x-ots-requestid</c> always.
/// </summary>
public static partial class TableStoreApi
{
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    public static void MapTableStoreApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Tables and rows").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers[ApiErrors.RequestIdHeader] = ApiErrors.RequestId(context.HttpContext);
            return await next(context);
        });

        Map<CreateTableBody, EmptyBody>(api, "CreateTable", (store, body) =>
        {
            store.CreateTable(body.TableName,
                [.. body.PrimaryKey.Select(k => new PrimaryKeyColumn(k.Name, k.Type, k.AutoIncrement))],
                [.. (body.DefinedColumns ?? []).Select(c => new DefinedColumn(c.Name, c.Type))],
                body.TableOptions?.ApplyTo(new TableOptions()), body.StreamSpecification?.ToModel());
            return new EmptyBody();
        });
        Map<EmptyBody, ListTableResult>(api, "ListTable", (store, _) => new ListTableResult(store.ListTable()));
        Map<TableNameBody, DescribeTableResult>(api, "DescribeTable",
            (store, body) => DescribeTableResult.From(store.DescribeTable(body.TableName)));
        Map<UpdateTableBody, EmptyBody>(api, "UpdateTable", (store, body) =>
        {
            var table = store.Table(body.TableName);
            store.UpdateTable(body.TableName, body.TableOptions?.ApplyTo(table.Options), body.StreamSpecification?.ToModel());
            return new EmptyBody();
        });
        Map<TableNameBody, EmptyBody>(api, "DeleteTable", (store, body) =>
        {
            store.DeleteTable(body.TableName);
            return new EmptyBody();
        });
        Map<PutRowBody, WriteRowResult>(api, "PutRow", (store, body) =>
            Written(store.WriteRow(body.TableName, RowWrites.Put(body.PrimaryKey, body.Columns, body.Condition)), body.ReturnPrimaryKey));
        Map<UpdateRowBody, WriteRowResult>(api, "UpdateRow", (store, body) =>
            Written(store.WriteRow(body.TableName, RowWrites.Update(body.PrimaryKey, body.Put, body.Delete, body.DeleteAll, body.Condition)),
                body.ReturnPrimaryKey));
        Map<DeleteRowBody, EmptyBody>(api, "DeleteRow", (store, body) =>
        {
            store.WriteRow(body.TableName, new RowWrite(WriteType.Delete, body.PrimaryKey, Condition: body.Condition));
            return new EmptyBody();
        });
        Map<GetRowBody, GetRowResult>(api, "GetRow", (store, body) =>
            new GetRowResult(store.GetRow(body.TableName, body.PrimaryKey, body.ColumnsToGet, body.MaxVersions) is { } row
                ? RowJson.From(row, body.WithTimestamps) : null));
        Map<GetRangeBody, GetRangeResultJson>(api, "GetRange", (store, body) =>
        {
            var page = store.GetRange(new GetRangeRequest(body.TableName, body.Direction, body.InclusiveStartPrimaryKey,
                body.ExclusiveEndPrimaryKey, body.Limit, body.ColumnsToGet, body.MaxVersions));
            return new GetRangeResultJson([.. page.Rows.Select(r => RowJson.From(r, body.WithTimestamps))], page.NextStartPrimaryKey);
        });
        Map<BatchWriteRowBody, BatchWriteRowResult>(api, "BatchWriteRow", RowWrites.Batch);

        api.MapPost("/{operation}", (HttpContext context, string operation) =>
            ApiErrors.Result(context, ApiErrors.UnsupportedOperation, $"'{operation}' is not an operation of this API; the OpenAPI document at /openapi/v1.json lists them."))
            .ExcludeFromDescription();
    }

    private static WriteRowResult Written(IReadOnlyList<KeyColumn> key, bool returnPrimaryKey) => new(returnPrimaryKey ? key : null);

    private static void Map<TBody, TResult>(RouteGroupBuilder api, string operation, Func<TableService, TBody, TResult> handle)
        where TBody : notnull where TResult : notnull =>
        api.MapPost("/" + operation, async (HttpContext context, TableService store) =>
            {
                var body = await ReadBodyAsync<TBody>(context);
                if (body.Error is { } error)
                    return error;
                try
                {
                    return Results.Json(handle(store, body.Value!), ApiJson.Options);
                }
                catch (TableStoreException e)
                {
                    return ApiErrors.Result(context, e.Code, e.Message);
                }
            })
            .WithName(operation)
            .Accepts<TBody>("application/json")
            .Produces<TResult>()
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest);

    private static async Task<(TBody? Value, IResult? Error)> ReadBodyAsync<TBody>(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes)
            return (default, TooLarge(context));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<TBody>(context.Request.Body, ApiJson.Options, context.RequestAborted);
            return body is null
                ? (default, ApiErrors.Result(context, TableStoreError.ParameterInvalid, "The request body must be a JSON object, not null."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (default, ApiErrors.Result(context, TableStoreError.ParameterInvalid, $"The request body is not valid: {Describe(e)}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(context));
        }
    }

    private static IResult TooLarge(HttpContext context) =>
        ApiErrors.Result(context, ApiErrors.RequestBodyTooLarge, $"The request body is larger than {MaxBodyBytes} bytes.");

    // The serializer's messages name .NET types; say it in the API's terms: the field and the rule.
    private static string Describe(JsonException e)
    {
        var at = e.Path is { Length: > 0 } path ? $" (at {path})" : "";
        if (e.Message.Contains("could not be mapped to any .NET member"))
            return $"unknown field '{e.Path?.Split('.').Last()}'{at}";
        if (MissingFields().Match(e.Message) is { Success: true } missing)
            return $"missing required field(s) {missing.Groups[1].Value}{at}";
        if (e.InnerException is { } inner and not JsonException)
            return $"{inner.Message}{at}";
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return $"a value has the wrong type or is not one of the allowed names{at}";
        var message = e.Message.Split(" Path: ")[0].Split(" LineNumber: ")[0];
        return message.Contains(" (at ") || at.Length == 0 || message.Contains(e.Path!) ? message : message + at;
    }

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (.+?)\\.")]
    private static partial System.Text.RegularExpressions.Regex MissingFields();
}

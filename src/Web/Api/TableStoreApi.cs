using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// <c>POST /api/&lt;Operation&gt;</c> for every table and row operation: a strict JSON body in, the result or
/// <c>{code, message, requestId}</c> with the real service's status out, and <c>x-ots-requestid</c> always.
/// </summary>
public static class TableStoreApi
{
    public static void MapTableStoreApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Tables and rows");

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
    }

    private static void Map<TBody, TResult>(RouteGroupBuilder api, string operation, Func<TableService, TBody, TResult> handle)
        where TBody : notnull where TResult : notnull =>
        api.MapOperation<TBody, TResult>(operation, (context, body) =>
        {
            try
            {
                return Task.FromResult<IResult>(Results.Json(handle(context.RequestServices.GetRequiredService<TableService>(), body), ServiceJson.Options));
            }
            catch (TableStoreException e)
            {
                return Task.FromResult(ServiceErrors.Result(context, e.Code, e.Message));
            }
        });

    private static WriteRowResult Written(IReadOnlyList<KeyColumn> key, bool returnPrimaryKey) => new(returnPrimaryKey ? key : null);
}

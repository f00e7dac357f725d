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

        Map<TableDefinitions, CreateTableBody, EmptyBody>(api, "CreateTable", (tables, body) =>
        {
            tables.CreateTable(body.TableName,
                [.. body.PrimaryKey.Select(k => new PrimaryKeyColumn(k.Name, k.Type, k.AutoIncrement))],
                [.. (body.DefinedColumns ?? []).Select(c => new DefinedColumn(c.Name, c.Type))],
                body.TableOptions?.ApplyTo(new TableOptions()), body.StreamSpecification?.ToModel());
            return new EmptyBody();
        });
        Map<TableDefinitions, EmptyBody, ListTableResult>(api, "ListTable", (tables, _) => new ListTableResult(tables.ListTable()));
        Map<TableDefinitions, TableNameBody, DescribeTableResult>(api, "DescribeTable",
            (tables, body) => DescribeTableResult.From(tables.DescribeTable(body.TableName)));
        Map<TableDefinitions, UpdateTableBody, EmptyBody>(api, "UpdateTable", (tables, body) =>
        {
            var table = tables.Table(body.TableName);
            tables.UpdateTable(body.TableName, body.TableOptions?.ApplyTo(table.Options), body.StreamSpecification?.ToModel());
            return new EmptyBody();
        });
        Map<TableDefinitions, TableNameBody, EmptyBody>(api, "DeleteTable", (tables, body) =>
        {
            tables.DeleteTable(body.TableName);
            return new EmptyBody();
        });
        Map<RowWriter, PutRowBody, WriteRowResult>(api, "PutRow", (writer, body) =>
            Written(writer.WriteRow(body.TableName, RowWrites.Put(body.PrimaryKey, body.Columns, body.Condition)), body.ReturnPrimaryKey));
        Map<RowWriter, UpdateRowBody, WriteRowResult>(api, "UpdateRow", (writer, body) =>
            Written(writer.WriteRow(body.TableName, RowWrites.Update(body.PrimaryKey, body.Put, body.Delete, body.DeleteAll, body.Condition)),
                body.ReturnPrimaryKey));
        Map<RowWriter, DeleteRowBody, EmptyBody>(api, "DeleteRow", (writer, body) =>
        {
            writer.WriteRow(body.TableName, new RowWrite(WriteType.Delete, body.PrimaryKey, Condition: body.Condition));
            return new EmptyBody();
        });
        Map<LiveRows, GetRowBody, GetRowResult>(api, "GetRow", (rows, body) =>
            new GetRowResult(rows.GetRow(body.TableName, body.PrimaryKey, body.ColumnsToGet, body.MaxVersions) is { } row
                ? RowJson.From(row, body.WithTimestamps) : null));
        Map<LiveRows, GetRangeBody, GetRangeResultJson>(api, "GetRange", (rows, body) =>
        {
            var page = rows.GetRange(new GetRangeRequest(body.TableName, body.Direction, body.InclusiveStartPrimaryKey,
                body.ExclusiveEndPrimaryKey, body.Limit, body.ColumnsToGet, body.MaxVersions));
            return new GetRangeResultJson([.. page.Rows.Select(r => RowJson.From(r, body.WithTimestamps))], page.NextStartPrimaryKey);
        });
        Map<RowWriter, BatchWriteRowBody, BatchWriteRowResult>(api, "BatchWriteRow", RowWrites.Batch);
    }

    /// <summary>Maps the operation to <paramref name="handle"/>, given the table store part <typeparamref name="TPart"/> it works on.</summary>
    private static void Map<TPart, TBody, TResult>(RouteGroupBuilder api, string operation, Func<TPart, TBody, TResult> handle)
        where TPart : notnull where TBody : notnull where TResult : notnull =>
        api.MapOperation<TBody, TResult>(operation, (context, body) =>
        {
            try
            {
                return Task.FromResult<IResult>(Results.Json(handle(context.RequestServices.GetRequiredService<TPart>(), body), ServiceJson.Options));
            }
            catch (TableStoreException e)
            {
                return Task.FromResult(ServiceErrors.Result(context, e.Code, e.Message));
            }
        });

    private static WriteRowResult Written(IReadOnlyList<KeyColumn> key, bool returnPrimaryKey) => new(returnPrimaryKey ? key : null);
}

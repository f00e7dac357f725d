using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// BatchGetRow and BatchWriteRow: each row succeeds or fails on its own and the answer lists them in request order.
/// A request that is itself wrong (too many rows, a row that does not decode) fails whole, before anything is written.
/// </summary>
public static class BatchOperations
{
    /// <summary>The service reads at most 100 rows in one BatchGetRow.</summary>
    public const int MaxBatchGetRows = 100;

    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("BatchGetRow", Proto.BatchGetRowRequest.Parser, (request, wire) =>
        {
            var rows = request.Tables.Sum(table => table.PrimaryKey.Count);
            if (rows is 0 or > MaxBatchGetRows)
                throw TableStoreException.Invalid($"BatchGetRow takes 1-{MaxBatchGetRows} rows, not {rows}.");
            var liveRows = wire.Service<LiveRows>();
            // Every table's read fields are checked before any row is read.
            var shapes = request.Tables.Select((table, t) => RowReadShape.From(table.ColumnsToGet, table.HasMaxVersions, table.MaxVersions,
                table.TimeRange, table.HasFilter, table.Filter, table.HasStartColumn, table.HasEndColumn, $"BatchGetRow tables[{t}]")).ToList();
            var response = new Proto.BatchGetRowResponse();
            for (var t = 0; t < request.Tables.Count; t++)
            {
                var table = request.Tables[t];
                var answer = new Proto.TableInBatchGetRowResponse { TableName = table.TableName };
                foreach (var key in table.PrimaryKey)
                    answer.Rows.Add(ReadOne(liveRows, table.TableName, key, shapes[t]));
                response.Tables.Add(answer);
            }
            return response;
        }),
        WireOperation.Of("BatchWriteRow", Proto.BatchWriteRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            if (request.IsAtomic)
                throw TableStoreException.Invalid("is_atomic: atomic batches are not supported by the console; each row succeeds or fails on its own.");
            var writes = request.Tables.Select((table, t) => (table.TableName,
                (IReadOnlyList<RowWrite>)[.. table.Rows.Select((row, r) => ToWrite(row, $"tables[{t}].rows[{r}]"))])).ToList();
            var results = wire.Service<RowWriter>().BatchWriteRow(writes);
            var response = new Proto.BatchWriteRowResponse();
            for (var t = 0; t < request.Tables.Count; t++)
            {
                var table = request.Tables[t];
                var answer = new Proto.TableInBatchWriteRowResponse { TableName = table.TableName };
                for (var r = 0; r < table.Rows.Count; r++)
                    answer.Rows.Add(Written(table.Rows[r], results[t][r]));
                response.Tables.Add(answer);
            }
            return response;
        }),
    ];

    private static Proto.RowInBatchGetRowResponse ReadOne(LiveRows rows, string tableName, ByteString key, RowReadShape shape)
    {
        try
        {
            var row = RowOperations.Read(rows, tableName, PlainBufferReader.ReadPrimaryKey(key.Span), shape);
            return new Proto.RowInBatchGetRowResponse { IsOk = true, Consumed = RowMessages.Consumed(RowMessages.Units(row.Length), 0), Row = row };
        }
        catch (TableStoreException e)
        {
            return Failed(e.Code, e.Message);
        }
        catch (PlainBufferFormatException e)
        {
            return Failed(TableStoreError.ParameterInvalid, e.Message);
        }

        static Proto.RowInBatchGetRowResponse Failed(string code, string message) =>
            new() { IsOk = false, Error = WireErrors.Message(code, message) };
    }

    private static RowWrite ToWrite(Proto.RowInBatchWriteRowRequest row, string field)
    {
        RowMessages.CheckReturnContent(row.ReturnContent, field);
        try
        {
            return row.Type switch
            {
                Proto.OperationType.Put => RowMessages.Put(row.RowChange, row.Condition, $"{field}.row_change"),
                Proto.OperationType.Update => RowMessages.Update(row.RowChange, row.Condition, $"{field}.row_change"),
                Proto.OperationType.Delete => RowMessages.Delete(row.RowChange, row.Condition, $"{field}.row_change"),
                var other => throw TableStoreException.Invalid($"{field}.type {(int)other} is not PUT (1), UPDATE (2) or DELETE (3)."),
            };
        }
        catch (PlainBufferFormatException e)
        {
            throw TableStoreException.Invalid($"{field}.row_change: {e.Message}");
        }
    }

    private static Proto.RowInBatchWriteRowResponse Written(Proto.RowInBatchWriteRowRequest request, RowWriteResult result)
    {
        if (result.Error is { } error)
            return new Proto.RowInBatchWriteRowResponse { IsOk = false, Error = WireErrors.Message(error.Code, error.Message) };
        var response = new Proto.RowInBatchWriteRowResponse { IsOk = true, Consumed = RowMessages.Consumed(0, RowMessages.Units(request.RowChange.Length)) };
        if (RowMessages.ReturnedRow(request.ReturnContent, result) is { } row)
            response.Row = row;
        return response;
    }
}

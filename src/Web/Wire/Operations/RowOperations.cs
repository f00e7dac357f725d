using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>PutRow, UpdateRow, DeleteRow and GetRow over the table store.</summary>
public static class RowOperations
{
    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("PutRow", Proto.PutRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            RowMessages.CheckReturnContent(request.ReturnContent, "PutRow");
            var (consumed, row) = Write(wire, request.TableName, RowMessages.Put(request.Row, request.Condition, "row"), request.Row, request.ReturnContent);
            var response = new Proto.PutRowResponse { Consumed = consumed };
            if (row is not null)
                response.Row = row;
            return response;
        }),
        WireOperation.Of("UpdateRow", Proto.UpdateRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            RowMessages.CheckReturnContent(request.ReturnContent, "UpdateRow");
            var (consumed, row) = Write(wire, request.TableName, RowMessages.Update(request.RowChange, request.Condition, "row_change"),
                request.RowChange, request.ReturnContent);
            var response = new Proto.UpdateRowResponse { Consumed = consumed };
            if (row is not null)
                response.Row = row;
            return response;
        }),
        WireOperation.Of("DeleteRow", Proto.DeleteRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            RowMessages.CheckReturnContent(request.ReturnContent, "DeleteRow");
            var (consumed, row) = Write(wire, request.TableName, RowMessages.Delete(request.PrimaryKey, request.Condition, "primary_key"),
                request.PrimaryKey, request.ReturnContent);
            var response = new Proto.DeleteRowResponse { Consumed = consumed };
            if (row is not null)
                response.Row = row;
            return response;
        }),
        WireOperation.Of("GetRow", Proto.GetRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            var shape = RowReadShape.From(request.ColumnsToGet, request.HasMaxVersions, request.MaxVersions, request.TimeRange,
                request.HasFilter, request.Filter, request.HasStartColumn, request.HasEndColumn, "GetRow");
            var row = Read(wire.Service<TableService>(), request.TableName, PlainBufferReader.ReadPrimaryKey(request.PrimaryKey.Span), shape);
            // row is required: empty bytes say the row does not exist (or the filter dropped it).
            return new Proto.GetRowResponse { Consumed = RowMessages.Consumed(RowMessages.Units(row.Length), 0), Row = row };
        }),
    ];

    /// <summary>One row read and shaped, as PlainBuffer bytes; empty when there is no such row or the filter drops it.</summary>
    public static ByteString Read(TableService store, string tableName, IReadOnlyList<KeyColumn> key, RowReadShape shape) =>
        store.GetRow(tableName, key, shape.StoreColumns, shape.StoreMaxVersions) is { } stored && shape.Apply(stored) is { } row
            ? ByteString.CopyFrom(PlainBufferWriter.WriteReadRow(row))
            : ByteString.Empty;

    private static (Proto.ConsumedCapacity, ByteString?) Write(WireRequest wire, string tableName, RowWrite write, ByteString sent,
        Proto.ReturnContent? returnContent)
    {
        var result = wire.Service<TableService>().WriteRowWithResult(tableName, write);
        return (RowMessages.Consumed(0, RowMessages.Units(sent.Length)), RowMessages.ReturnedRow(returnContent, result));
    }
}

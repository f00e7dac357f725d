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
        WriteAction<Proto.PutRowRequest, Proto.PutRowResponse>("PutRow", Proto.PutRowRequest.Parser,
            r => (r.TableName, r.Row, r.Condition, r.ReturnContent, r.HasTransactionId), RowMessages.Put, "row"),
        WriteAction<Proto.UpdateRowRequest, Proto.UpdateRowResponse>("UpdateRow", Proto.UpdateRowRequest.Parser,
            r => (r.TableName, r.RowChange, r.Condition, r.ReturnContent, r.HasTransactionId), RowMessages.Update, "row_change"),
        WriteAction<Proto.DeleteRowRequest, Proto.DeleteRowResponse>("DeleteRow", Proto.DeleteRowRequest.Parser,
            r => (r.TableName, r.PrimaryKey, r.Condition, r.ReturnContent, r.HasTransactionId), RowMessages.Delete, "primary_key"),
        WireOperation.Of("GetRow", Proto.GetRowRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            var shape = RowReadShape.From(request.ColumnsToGet, request.HasMaxVersions, request.MaxVersions, request.TimeRange,
                request.HasFilter, request.Filter, request.HasStartColumn, request.HasEndColumn, "GetRow");
            var row = Read(wire.Service<LiveRows>(), request.TableName, PlainBufferReader.ReadPrimaryKey(request.PrimaryKey.Span), shape);
            // row is required: empty bytes say the row does not exist (or the filter dropped it).
            return new Proto.GetRowResponse { Consumed = RowMessages.Consumed(RowMessages.Units(row.Length), 0), Row = row };
        }),
    ];

    /// <summary>One row read and shaped, as PlainBuffer bytes; empty when there is no such row or the filter drops it.</summary>
    public static ByteString Read(LiveRows rows, string tableName, IReadOnlyList<KeyColumn> key, RowReadShape shape) =>
        rows.GetRow(tableName, key, shape.StoreColumns, shape.StoreMaxVersions) is { } stored && shape.Apply(stored) is { } row
            ? ByteString.CopyFrom(PlainBufferWriter.WriteReadRow(row))
            : ByteString.Empty;

    /// <summary>
    /// PutRow, UpdateRow or DeleteRow: the request's row bytes decoded by <paramref name="decode"/> into one store write.
    /// Their responses share their fields (1 consumed, 2 the optional returned row), so one body answers all three.
    /// </summary>
    private static WireOperation WriteAction<TRequest, TResponse>(string action, MessageParser<TRequest> parser,
        Func<TRequest, (string TableName, ByteString Sent, Proto.Condition Condition, Proto.ReturnContent? ReturnContent, bool HasTransactionId)> parts,
        Func<ByteString, Proto.Condition, string, RowWrite> decode, string rowField)
        where TRequest : IMessage<TRequest> where TResponse : IMessage, new() =>
        WireOperation.Of(action, parser, (request, wire) =>
        {
            var (tableName, sent, condition, returnContent, hasTransactionId) = parts(request);
            RowMessages.RejectTransaction(hasTransactionId);
            RowMessages.CheckReturnContent(returnContent, action);
            var result = wire.Service<RowWriter>().WriteRowWithResult(tableName, decode(sent, condition, rowField));
            IMessage response = new TResponse();
            response.Descriptor.Fields[ConsumedField].Accessor.SetValue(response, RowMessages.Consumed(0, RowMessages.Units(sent.Length)));
            if (RowMessages.ReturnedRow(returnContent, result) is { } row)
                response.Descriptor.Fields[RowField].Accessor.SetValue(response, row);
            return response;
        });

    private const int ConsumedField = 1;
    private const int RowField = 2;
}

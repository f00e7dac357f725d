using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// GetRange: one page of rows between two keys (INF_MIN / INF_MAX allowed), forward or backward. Rows are always
/// PlainBuffer, uncompressed, whatever the hints ask; a filter drops rows from a page without ending the scan, so a
/// page may hold fewer rows than the limit while <c>next_start_primary_key</c> still says where to go on.
/// </summary>
public static class RangeOperations
{
    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("GetRange", Proto.GetRangeRequest.Parser, (request, wire) =>
        {
            RowMessages.RejectTransaction(request.HasTransactionId);
            var shape = RowReadShape.From(request.ColumnsToGet, request.HasMaxVersions, request.MaxVersions, request.TimeRange,
                request.HasFilter, request.Filter, request.HasStartColumn, request.HasEndColumn, "GetRange");
            var direction = request.Direction switch
            {
                Proto.Direction.Forward => Direction.Forward,
                Proto.Direction.Backward => Direction.Backward,
                var other => throw TableStoreException.Invalid($"GetRange: direction {(int)other} is not FORWARD (0) or BACKWARD (1)."),
            };
            var page = wire.Service<LiveRows>().GetRange(new GetRangeRequest(request.TableName, direction,
                Bound(request.InclusiveStartPrimaryKey, "inclusive_start_primary_key"),
                Bound(request.ExclusiveEndPrimaryKey, "exclusive_end_primary_key"),
                request.HasLimit ? request.Limit : null, shape.StoreColumns, shape.StoreMaxVersions));
            var rows = PlainBufferWriter.WriteReadRows(page.Rows.Select(shape.Apply).OfType<Row>());
            var response = new Proto.GetRangeResponse
            {
                Consumed = RowMessages.Consumed(RowMessages.Units(rows.Length), 0),
                // Required even when empty: the SDKs' decoders reject a response without it.
                Rows = ByteString.CopyFrom(rows),
                DataBlockType = Proto.DataBlockType.DbtPlainBuffer,
                CompressType = Proto.CompressType.CptNone,
            };
            // Left out at the end of the range: Java reads the field whenever it is present.
            if (page.NextStartPrimaryKey is { } next)
                response.NextStartPrimaryKey = ByteString.CopyFrom(PlainBufferWriter.WritePrimaryKey(next));
            return response;
        }),
    ];

    private static IReadOnlyList<KeyColumn> Bound(ByteString bytes, string field)
    {
        try
        {
            return PlainBufferReader.ReadPrimaryKey(bytes.Span);
        }
        catch (PlainBufferFormatException e)
        {
            throw TableStoreException.Invalid($"GetRange {field}: {e.Message}");
        }
    }
}

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>CreateTable, ListTable, DescribeTable, UpdateTable and DeleteTable over the table store.</summary>
public static class TableOperations
{
    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("CreateTable", Proto.CreateTableRequest.Parser, (request, wire) =>
        {
            RejectUnsupported(request);
            var meta = request.TableMeta;
            wire.Service<TableDefinitions>().CreateTable(meta.TableName,
                [.. meta.PrimaryKey.Select(TableMessages.ToModel)],
                [.. meta.DefinedColumn.Select(TableMessages.ToModel)],
                request.TableOptions is { } options ? TableMessages.Apply(options, new()) : null,
                request.StreamSpec is { } stream ? TableMessages.ToModel(stream) : null);
            return new Proto.CreateTableResponse();
        }),
        WireOperation.Of("ListTable", Proto.ListTableRequest.Parser, (_, wire) =>
            new Proto.ListTableResponse { TableNames = { wire.Service<TableDefinitions>().ListTable() } }),
        WireOperation.Of("DescribeTable", Proto.DescribeTableRequest.Parser, (request, wire) =>
        {
            var table = wire.Service<TableDefinitions>().Table(request.TableName);
            var response = new Proto.DescribeTableResponse
            {
                TableMeta = TableMessages.ToMessage(table),
                ReservedThroughputDetails = TableMessages.ReservedThroughput(table),
                TableOptions = TableMessages.ToMessage(table.Options),
                TableStatus = Proto.TableStatus.Active,
                CreationTime = TableMessages.CreationTimeMicros(table),
            };
            if (TableMessages.StreamDetails(table) is { } stream)
                response.StreamDetails = stream;
            return response;
        }),
        WireOperation.Of("UpdateTable", Proto.UpdateTableRequest.Parser, (request, wire) =>
        {
            var tables = wire.Service<TableDefinitions>();
            var current = tables.Table(request.TableName);
            // reserved_throughput is accepted and ignored: the console has no capacity units to reserve.
            var table = tables.UpdateTable(request.TableName,
                request.TableOptions is { } options ? TableMessages.Apply(options, current.Options) : null,
                request.StreamSpec is { } stream ? TableMessages.ToModel(stream) : null);
            var response = new Proto.UpdateTableResponse
            {
                ReservedThroughputDetails = TableMessages.ReservedThroughput(table),
                TableOptions = TableMessages.ToMessage(table.Options),
            };
            if (TableMessages.StreamDetails(table) is { } details)
                response.StreamDetails = details;
            return response;
        }),
        WireOperation.Of("DeleteTable", Proto.DeleteTableRequest.Parser, (request, wire) =>
        {
            wire.Service<TableDefinitions>().DeleteTable(request.TableName);
            return new Proto.DeleteTableResponse();
        }),
    ];

    // Fields that would change what the table is; the harmless ones (reserved throughput values, partitions, bloom
    // filter, block size) are ignored.
    private static void RejectUnsupported(Proto.CreateTableRequest request)
    {
        if (request.SseSpec is { Enable: true })
            throw TableStoreException.Invalid("sse_spec is not supported: the console does not encrypt tables.");
        if (request.IndexMetas.Count > 0)
            throw TableStoreException.Invalid("index_metas is not supported: the console has no secondary indexes.");
        if (request.EnableLocalTxn)
            throw TableStoreException.Invalid("enable_local_txn is not supported: the console has no local transactions.");
    }
}

using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// ListStream, DescribeStream, GetShardIterator and GetStreamRecord over the table store's change log. Each table
/// with its stream enabled has one stream (<see cref="TableMessages.StreamId"/>) of one open shard
/// (<see cref="StreamIterators.ShardId"/>).
/// </summary>
public static class StreamOperations
{
    public const int DefaultRecordLimit = 100;
    public const int MaxRecordLimit = 1000;

    /// <summary>
    /// The log is instance-wide: one call looks at no more than this many changes per record asked for, so a stream
    /// of a quiet table behind a busy one still answers promptly (with an iterator that moves past what it skipped).
    /// </summary>
    public const int ScannedChangesPerRecord = 10;

    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("ListStream", Proto.ListStreamRequest.Parser, (request, wire) =>
        {
            var definitions = wire.Service<TableDefinitions>();
            IEnumerable<TableMeta> tables = request.HasTableName
                ? [definitions.Table(request.TableName)]
                : definitions.DescribeTables().Select(description => description.Table);
            return new Proto.ListStreamResponse
            {
                Streams =
                {
                    tables.Where(table => table.Stream.EnableStream).Select(table => new Proto.Stream
                    {
                        StreamId = TableMessages.StreamId(table),
                        TableName = table.Name,
                        CreationTime = TableMessages.CreationTimeMicros(table),
                    }),
                },
            };
        }),
        WireOperation.Of("DescribeStream", Proto.DescribeStreamRequest.Parser, (request, wire) =>
        {
            var table = StreamIterators.StreamTable(wire.Service<TableDefinitions>(), request.StreamId);
            var response = new Proto.DescribeStreamResponse
            {
                StreamId = request.StreamId,
                ExpirationTime = table.Stream.ExpirationTime,
                TableName = table.Name,
                CreationTime = TableMessages.CreationTimeMicros(table),
                StreamStatus = Proto.StreamStatus.StreamActive,
            };
            // Shards are listed from inclusive_start_shard_id on; the one shard is before any later id.
            if (!request.HasInclusiveStartShardId || string.CompareOrdinal(StreamIterators.ShardId, request.InclusiveStartShardId) >= 0)
                response.Shards.Add(new Proto.StreamShard { ShardId = StreamIterators.ShardId });
            return response;
        }),
        WireOperation.Of("GetShardIterator", Proto.GetShardIteratorRequest.Parser, (request, wire) =>
        {
            StreamIterators.StreamTable(wire.Service<TableDefinitions>(), request.StreamId);
            if (request.ShardId != StreamIterators.ShardId)
                throw WireErrors.Error(TableStoreError.ObjectNotExist, $"The shard '{request.ShardId}' does not exist in stream '{request.StreamId}'; its one shard is '{StreamIterators.ShardId}'.");
            // timestamp is in microseconds, as the SDKs document it; the log keeps milliseconds.
            var after = StreamIterators.StartAfter(wire.Service<ChangeLog>(), request.HasTimestamp ? request.Timestamp / 1000 : null);
            return new Proto.GetShardIteratorResponse { ShardIterator = StreamIterators.Encode(new(request.StreamId, after)) };
        }),
        WireOperation.Of("GetStreamRecord", Proto.GetStreamRecordRequest.Parser, (request, wire) =>
        {
            if (request.HasLimit && request.Limit is < 1 or > MaxRecordLimit)
                throw TableStoreException.Invalid($"GetStreamRecord: limit must be 1-{MaxRecordLimit}, not {request.Limit}.");
            var position = StreamIterators.Decode(request.ShardIterator);
            var table = StreamIterators.StreamTable(wire.Service<TableDefinitions>(), position.StreamId);
            var (records, next, more) = ReadRecords(wire.Service<ChangeLog>(), table, position.AfterSequence, request.HasLimit ? request.Limit : DefaultRecordLimit);
            var response = new Proto.GetStreamRecordResponse
            {
                // The shard never closes, so there is always a next iterator, even when nothing new came.
                NextShardIterator = StreamIterators.Encode(position with { AfterSequence = next }),
                Consumed = RowMessages.Consumed(RowMessages.Units(records.Sum(record => (long)record.Record.Length)), 0),
                MayMoreRecord = more,
            };
            response.StreamRecords.Add(records);
            return response;
        }),
    ];

    /// <summary>
    /// Up to <paramref name="limit"/> records of <paramref name="table"/> after the sequence, the last sequence looked
    /// at (where the next call resumes) and whether the log may hold more after it.
    /// </summary>
    private static (List<Proto.StreamRecord> Records, long Next, bool More) ReadRecords(ChangeLog changeLog, TableMeta table, long after, int limit)
    {
        var records = new List<Proto.StreamRecord>();
        var budget = limit * ScannedChangesPerRecord;
        while (budget > 0)
        {
            var asked = Math.Min(budget, MaxRecordLimit);
            var changes = changeLog.ReadChanges(after, asked);
            foreach (var change in changes)
            {
                after = change.Sequence;
                budget--;
                if (IsOf(table, change))
                    records.Add(ToRecord(change));
                if (records.Count == limit)
                    return (records, after, true);
            }
            if (changes.Count < asked)
                return (records, after, false);
        }
        return (records, after, true);
    }

    // The log names tables, not their internal ids: a change committed before the table was created belongs to an
    // earlier table of the same name.
    private static bool IsOf(TableMeta table, ChangeRecord change) =>
        change.TableName == table.Name && change.CommitTime >= table.CreationTime;

    /// <summary>
    /// Sequence info: epoch 0 (the log never restarts its numbering) and the row index = the sequence's low 32 bits,
    /// which orders records that share a commit time (a batch's rows do), as the sequence is strictly increasing.
    /// </summary>
    private static Proto.StreamRecord ToRecord(ChangeRecord change) => new()
    {
        ActionType = (Proto.ActionType)(int)change.Action,
        Record = ByteString.CopyFrom(PlainBufferWriter.WriteStreamRecord(change, epoch: 0, rowIndex: unchecked((uint)change.Sequence))),
    };
}

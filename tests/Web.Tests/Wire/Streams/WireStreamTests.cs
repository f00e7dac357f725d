using System.Buffers.Binary;
using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using static DeliveryConsole.Web.Tests.Wire.Rows.RowWire;

namespace DeliveryConsole.Web.Tests.Wire.Streams;

/// <summary>The stream actions over the wire: a table's writes read back as stream records, in order, page by page.</summary>
public sealed class WireStreamTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly long T0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;

    public WireStreamTests() => _wire = WireClient.For(_console);

    public async ValueTask InitializeAsync()
    {
        await CreateTableAsync(_wire, "s", maxVersions: 3, stream: true);
        await CreateTableAsync(_wire, "other", stream: true);
        await CreateTableAsync(_wire, "plain");
    }

    private async Task<string> StreamIdAsync(string table) =>
        (await _wire.OkAsync("DescribeTable", new DescribeTableRequest { TableName = table }, DescribeTableResponse.Parser, Cancel)).StreamDetails.StreamId;

    private async Task<string> IteratorAsync(string streamId, long? timestampMicroseconds = null)
    {
        var request = new GetShardIteratorRequest { StreamId = streamId, ShardId = "0" };
        if (timestampMicroseconds is { } time)
            request.Timestamp = time;
        return (await _wire.OkAsync("GetShardIterator", request, GetShardIteratorResponse.Parser, Cancel)).ShardIterator;
    }

    private async Task<GetStreamRecordResponse> RecordsAsync(string iterator, int? limit = null)
    {
        var request = new GetStreamRecordRequest { ShardIterator = iterator };
        if (limit is { } l)
            request.Limit = l;
        var response = await _wire.OkAsync("GetStreamRecord", request, GetStreamRecordResponse.Parser, Cancel);
        Assert.True(response.HasNextShardIterator);
        return response;
    }

    /// <summary>The sequence info every record must carry (Go and Java require it): epoch, time (µs), row index.</summary>
    private static (uint Epoch, long Time, uint RowIndex) SequenceInfo(byte[] record)
    {
        // extension (0x0B, u32 24, 0x0C u32 19, 0x0D epoch, 0x0E time, 0x0F row index) then 0x09 and the row checksum.
        var extension = record.AsSpan(record.Length - 2 - 29, 29);
        Assert.Equal([0x0B, 24, 0, 0, 0, 0x0C, 19, 0, 0, 0, 0x0D], extension[..11].ToArray());
        Assert.Equal(0x09, record[^2]);
        return (BinaryPrimitives.ReadUInt32LittleEndian(extension[11..]), BinaryPrimitives.ReadInt64LittleEndian(extension[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(extension[25..]));
    }

    [Fact]
    public async Task Every_kind_of_write_reads_back_as_its_stream_record_in_order()
    {
        var streamId = await StreamIdAsync("s");
        var iterator = await IteratorAsync(streamId);
        await _wire.OkAsync("PutRow", PutRow("s", Key("a"), Put("v", Value.Integer(1), T0), Put("w", Value.String("x"), T0)), PutRowResponse.Parser, Cancel);
        await _wire.OkAsync("PutRow", PutRow("other", Key("z"), Put("v", Value.Integer(9))), PutRowResponse.Parser, Cancel);
        await _wire.OkAsync("UpdateRow", new UpdateRowRequest
        {
            TableName = "s",
            RowChange = Row(Key("a"), new PlainBufferCell("v", null, CellOperation.DeleteOneVersion, T0),
                new PlainBufferCell("w", null, CellOperation.DeleteAllVersions, null), Put("n", Value.Boolean(true), T0 + 1)),
            Condition = Ignore,
        }, UpdateRowResponse.Parser, Cancel);
        await _wire.OkAsync("DeleteRow", new DeleteRowRequest { TableName = "s", PrimaryKey = PrimaryKey(Key("a"), deleteMarker: true), Condition = Ignore },
            DeleteRowResponse.Parser, Cancel);

        var response = await RecordsAsync(iterator);

        Assert.Equal([ActionType.PutRow, ActionType.UpdateRow, ActionType.DeleteRow], response.StreamRecords.Select(r => r.ActionType));
        var rows = response.StreamRecords.Select(r => PlainBufferReader.ReadRow(r.Record.Span)).ToList();
        Assert.All(rows, row => Assert.Equal(Key("a"), row.PrimaryKey));
        Assert.Equal([("v", Value.Integer(1), CellOperation.Put, T0), ("w", Value.String("x"), CellOperation.Put, T0)],
            rows[0].Cells.Select(c => (c.Name, c.Value!.Value, c.Operation, c.Timestamp!.Value)).Order());
        Assert.Equal([("n", (Value?)Value.Boolean(true), CellOperation.Put, (long?)(T0 + 1)), ("v", null, CellOperation.DeleteOneVersion, T0),
            ("w", null, CellOperation.DeleteAllVersions, null)],
            rows[1].Cells.Select(c => (c.Name, c.Value, c.Operation, c.Timestamp)).OrderBy(c => c.Name));
        Assert.True(rows[2].DeleteMarker);
        Assert.Empty(rows[2].Cells);
        Assert.False(rows[0].DeleteMarker || rows[1].DeleteMarker);

        var sequences = response.StreamRecords.Select(r => SequenceInfo(r.Record.ToByteArray())).ToList();
        Assert.All(sequences, s => Assert.Equal(0u, s.Epoch));
        Assert.Equal(sequences.OrderBy(s => s.Time).ThenBy(s => s.RowIndex), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        Assert.All(sequences, s => Assert.InRange(s.Time, now - 600_000_000, now));

        // Nothing new yet: no records, and the next iterator waits at the same place for the next write.
        var idle = await RecordsAsync(response.NextShardIterator);
        Assert.Empty(idle.StreamRecords);
        await _wire.OkAsync("PutRow", PutRow("s", Key("b")), PutRowResponse.Parser, Cancel);
        var later = await RecordsAsync(idle.NextShardIterator);
        Assert.Equal(Key("b"), PlainBufferReader.ReadRow(later.StreamRecords.Single().Record.Span).PrimaryKey);
    }

    [Fact]
    public async Task Records_page_through_next_shard_iterator_without_other_tables_writes()
    {
        var iterator = await IteratorAsync(await StreamIdAsync("s"));
        for (var i = 0; i < 5; i++)
        {
            await _wire.OkAsync("PutRow", PutRow("s", Key($"r{i}"), Put("i", Value.Integer(i))), PutRowResponse.Parser, Cancel);
            await _wire.OkAsync("PutRow", PutRow("other", Key($"o{i}")), PutRowResponse.Parser, Cancel);
            await _wire.OkAsync("PutRow", PutRow("plain", Key($"p{i}")), PutRowResponse.Parser, Cancel);
        }

        var keys = new List<string>();
        for (var page = 0; page < 20 && keys.Count < 5; page++)
        {
            var response = await RecordsAsync(iterator, limit: 2);
            Assert.True(response.StreamRecords.Count <= 2);
            keys.AddRange(response.StreamRecords.Select(r => PlainBufferReader.ReadRow(r.Record.Span).PrimaryKey[0].Value.AsString));
            iterator = response.NextShardIterator;
        }

        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], keys);
        Assert.Empty((await RecordsAsync(iterator)).StreamRecords);
    }

    [Fact]
    public async Task An_iterator_from_a_timestamp_starts_at_the_first_change_at_or_after_it()
    {
        var streamId = await StreamIdAsync("s");
        await _wire.OkAsync("PutRow", PutRow("s", Key("old")), PutRowResponse.Parser, Cancel);
        var future = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3_600_000) * 1000;

        var fromFuture = await IteratorAsync(streamId, future);
        var fromPast = await IteratorAsync(streamId, (T0 - 60_000) * 1000);

        Assert.Empty((await RecordsAsync(fromFuture)).StreamRecords);
        Assert.Equal(Key("old"), PlainBufferReader.ReadRow((await RecordsAsync(fromPast)).StreamRecords.Single().Record.Span).PrimaryKey);
    }

    [Fact]
    public async Task Streams_are_listed_and_described_only_for_tables_that_have_them()
    {
        var listed = await _wire.OkAsync("ListStream", new ListStreamRequest(), ListStreamResponse.Parser, Cancel);
        Assert.Equal(["other", "s"], listed.Streams.Select(s => s.TableName));
        var one = await _wire.OkAsync("ListStream", new ListStreamRequest { TableName = "s" }, ListStreamResponse.Parser, Cancel);
        Assert.Equal(await StreamIdAsync("s"), one.Streams.Single().StreamId);
        Assert.Empty((await _wire.OkAsync("ListStream", new ListStreamRequest { TableName = "plain" }, ListStreamResponse.Parser, Cancel)).Streams);
        await _wire.FailsAsync("ListStream", new ListStreamRequest { TableName = "nope" }, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);

        var described = await _wire.OkAsync("DescribeStream", new DescribeStreamRequest { StreamId = one.Streams[0].StreamId }, DescribeStreamResponse.Parser, Cancel);
        Assert.Equal(("s", StreamStatus.StreamActive, 168, one.Streams[0].CreationTime), (described.TableName, described.StreamStatus, described.ExpirationTime, described.CreationTime));
        Assert.Equal(["0"], described.Shards.Select(s => s.ShardId));
        Assert.False(described.HasNextShardId);
    }

    [Fact]
    public async Task Unknown_streams_shards_and_iterators_are_refused()
    {
        await _wire.FailsAsync("DescribeStream", new DescribeStreamRequest { StreamId = "nope_1" }, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("GetShardIterator", new GetShardIteratorRequest { StreamId = await StreamIdAsync("s"), ShardId = "9" },
            HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("GetStreamRecord", new GetStreamRecordRequest { ShardIterator = "not an iterator" }, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        await _wire.FailsAsync("GetStreamRecord", new GetStreamRecordRequest { ShardIterator = Convert.ToBase64String("x:s_1"u8) },
            HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var iterator = await IteratorAsync(await StreamIdAsync("s"));
        await _wire.FailsAsync("GetStreamRecord", new GetStreamRecordRequest { ShardIterator = iterator, Limit = 0 }, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        // A table created again under the same name has a new stream: the old iterator no longer reads.
        await _wire.OkAsync("DeleteTable", new DeleteTableRequest { TableName = "s" }, DeleteTableResponse.Parser, Cancel);
        await CreateTableAsync(_wire, "s", stream: true);
        await _wire.FailsAsync("GetStreamRecord", new GetStreamRecordRequest { ShardIterator = iterator }, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

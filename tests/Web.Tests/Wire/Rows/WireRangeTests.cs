using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using static DeliveryConsole.Web.Tests.Wire.Rows.RowWire;
using Direction = DeliveryConsole.Web.Wire.Protocol.Direction;
using GetRangeRequest = DeliveryConsole.Web.Wire.Protocol.GetRangeRequest;

namespace DeliveryConsole.Web.Tests.Wire.Rows;

/// <summary>GetRange over the wire: both directions, paged to the end with next_start_primary_key, filtered.</summary>
public sealed class WireRangeTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly string[] Ids = [.. Enumerable.Range(0, 10).Select(i => $"r{i}")];

    public WireRangeTests() => _wire = WireClient.For(_console);

    public async ValueTask InitializeAsync()
    {
        await CreateTableAsync(_wire, "t");
        for (var i = 0; i < Ids.Length; i++)
            await _wire.OkAsync("PutRow", PutRow("t", Key(Ids[i]), Put("n", Value.Integer(i)), Put("s", Value.String("x"))), PutRowResponse.Parser, Cancel);
    }

    private static GetRangeRequest Range(Direction direction, Value start, Value end, int? limit = null)
    {
        var request = new GetRangeRequest
        {
            TableName = "t", Direction = direction, MaxVersions = 1,
            InclusiveStartPrimaryKey = PrimaryKey([new("id", start)]), ExclusiveEndPrimaryKey = PrimaryKey([new("id", end)]),
        };
        if (limit is { } l)
            request.Limit = l;
        return request;
    }

    /// <summary>Every page until next_start_primary_key is left out; each page's rows checked as the SDKs read them.</summary>
    private async Task<List<PlainBufferRow>> AllPagesAsync(GetRangeRequest request)
    {
        var rows = new List<PlainBufferRow>();
        for (var page = 0; page < 20; page++)
        {
            var response = await _wire.OkAsync("GetRange", request, GetRangeResponse.Parser, Cancel);
            Assert.True(response.HasRows);
            Assert.Equal(DataBlockType.DbtPlainBuffer, response.DataBlockType);
            rows.AddRange(ReadRows(response.Rows));
            if (!response.HasNextStartPrimaryKey)
                return rows;
            request.InclusiveStartPrimaryKey = response.NextStartPrimaryKey;
        }
        throw new Xunit.Sdk.XunitException("the range never ended");
    }

    [Fact]
    public async Task Forward_pages_join_up_to_every_row_in_key_order()
    {
        var rows = await AllPagesAsync(Range(Direction.Forward, Value.InfMin, Value.InfMax, limit: 3));

        Assert.Equal(Ids, rows.Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.All(rows, r => Assert.Equal(["n", "s"], r.Cells.Select(c => c.Name)));
    }

    [Fact]
    public async Task Backward_pages_join_up_to_every_row_in_reverse_order_between_the_bounds()
    {
        var rows = await AllPagesAsync(Range(Direction.Backward, Value.String("r7"), Value.String("r1"), limit: 4));

        Assert.Equal(["r7", "r6", "r5", "r4", "r3", "r2"], rows.Select(r => r.PrimaryKey[0].Value.AsString));
        var all = await AllPagesAsync(Range(Direction.Backward, Value.InfMax, Value.InfMin, limit: 3));
        Assert.Equal(Ids.Reverse(), all.Select(r => r.PrimaryKey[0].Value.AsString));
    }

    [Fact]
    public async Task An_empty_range_has_empty_rows_and_no_next_key()
    {
        var response = await _wire.OkAsync("GetRange", Range(Direction.Forward, Value.String("zz"), Value.InfMax), GetRangeResponse.Parser, Cancel);

        Assert.True(response.HasRows);
        Assert.Empty(ReadRows(response.Rows));
        Assert.False(response.HasNextStartPrimaryKey);
        Assert.Equal(1, response.Consumed.CapacityUnit.Read);
    }

    [Fact]
    public async Task A_filter_drops_rows_and_columns_to_get_shapes_the_rest()
    {
        var request = Range(Direction.Forward, Value.InfMin, Value.InfMax, limit: 4);
        request.Filter = SingleFilter("n", ComparatorType.CtGreaterEqual, Value.Integer(6));
        request.ColumnsToGet.Add("s");

        var rows = await AllPagesAsync(request);

        Assert.Equal(["r6", "r7", "r8", "r9"], rows.Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.All(rows, r => Assert.Equal(["s"], r.Cells.Select(c => c.Name)));
    }

    [Fact]
    public async Task Bad_ranges_are_400_and_a_missing_table_404()
    {
        var missing = Range(Direction.Forward, Value.InfMin, Value.InfMax);
        missing.TableName = "nope";
        await _wire.FailsAsync("GetRange", missing, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("GetRange", Range(Direction.Forward, Value.InfMax, Value.InfMin), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        await _wire.FailsAsync("GetRange", Range(Direction.Forward, Value.InfMin, Value.InfMax, limit: 0), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var corrupt = Range(Direction.Forward, Value.InfMin, Value.InfMax);
        corrupt.InclusiveStartPrimaryKey = ByteString.CopyFrom(0x75, 0, 0, 0, 0x01, 0x09, 0x33);
        await _wire.FailsAsync("GetRange", corrupt, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var noVersions = Range(Direction.Forward, Value.InfMin, Value.InfMax);
        noVersions.ClearMaxVersions();
        await _wire.FailsAsync("GetRange", noVersions, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

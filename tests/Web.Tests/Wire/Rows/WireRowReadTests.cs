using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.Protocol;
using LogicalOperator = DeliveryConsole.Web.Wire.Protocol.LogicalOperator;
using static DeliveryConsole.Web.Tests.Wire.Rows.RowWire;

namespace DeliveryConsole.Web.Tests.Wire.Rows;

/// <summary>GetRow's versions, time ranges, columns and filters over the wire.</summary>
public sealed class WireRowReadTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly long T0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;

    public WireRowReadTests() => _wire = WireClient.For(_console);

    public async ValueTask InitializeAsync()
    {
        await CreateTableAsync(_wire, "t", maxVersions: 5);
        await _wire.OkAsync("PutRow", PutRow("t", Key("a"),
            Put("v", Value.Integer(1), T0), Put("v", Value.Integer(2), T0 + 10), Put("v", Value.Integer(3), T0 + 20),
            Put("state", Value.String("open"), T0)), PutRowResponse.Parser, Cancel);
    }

    private async Task<PlainBufferRowView?> GetAsync(GetRowRequest request)
    {
        var row = ReadRow((await _wire.OkAsync("GetRow", request, GetRowResponse.Parser, Cancel)).Row);
        return row is null ? null : new PlainBufferRowView(Cells(row));
    }

    private sealed record PlainBufferRowView((string Name, Value Value, long Timestamp)[] Cells)
    {
        public long[] Versions(string name) => [.. Cells.Where(c => c.Name == name).Select(c => c.Value.AsInteger)];
    }

    [Fact]
    public async Task Max_versions_returns_the_newest_versions_first()
    {
        var row = await GetAsync(GetRow("t", Key("a"), maxVersions: 2));

        Assert.Equal([3, 2], row!.Versions("v"));
        Assert.Equal(["state", "v", "v"], row.Cells.Select(c => c.Name));
    }

    [Fact]
    public async Task A_time_range_picks_versions_in_start_inclusive_end_exclusive_and_specific_time_one()
    {
        var range = GetRow("t", Key("a"));
        range.ClearMaxVersions();
        range.TimeRange = new TimeRange { StartTime = T0, EndTime = T0 + 20 };
        Assert.Equal(new long[] { 2, 1 }, (await GetAsync(range))!.Versions("v"));

        range.MaxVersions = 1;
        Assert.Equal(new long[] { 2 }, (await GetAsync(range))!.Versions("v"));

        var specific = GetRow("t", Key("a"));
        specific.TimeRange = new TimeRange { SpecificTime = T0 + 10 };
        Assert.Equal([("v", Value.Integer(2), T0 + 10)], (await GetAsync(specific))!.Cells);

        var halfOpen = GetRow("t", Key("a"));
        halfOpen.TimeRange = new TimeRange { StartTime = T0 };
        await _wire.FailsAsync("GetRow", halfOpen, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var backwards = GetRow("t", Key("a"));
        backwards.TimeRange = new TimeRange { StartTime = T0 + 5, EndTime = T0 };
        await _wire.FailsAsync("GetRow", backwards, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    [Fact]
    public async Task Columns_to_get_limit_the_cells()
    {
        var request = GetRow("t", Key("a"));
        request.ColumnsToGet.Add("state");

        Assert.Equal([("state", Value.String("open"), T0)], (await GetAsync(request))!.Cells);
    }

    [Fact]
    public async Task A_filter_that_fails_reads_as_no_row_and_its_columns_need_not_be_fetched()
    {
        var passing = GetRow("t", Key("a"));
        passing.Filter = SingleFilter("v", ComparatorType.CtGreaterEqual, Value.Integer(3));
        passing.ColumnsToGet.Add("state");
        Assert.Equal([("state", Value.String("open"), T0)], (await GetAsync(passing))!.Cells);

        var failing = GetRow("t", Key("a"));
        failing.Filter = CompositeFilter(LogicalOperator.LoAnd,
            SingleFilter("v", ComparatorType.CtEqual, Value.Integer(3)), SingleFilter("state", ComparatorType.CtEqual, Value.String("closed")));
        Assert.Null(await GetAsync(failing));

        var paging = GetRow("t", Key("a"));
        paging.Filter = FilterOf(FilterType.FtColumnPagination, new ColumnPaginationFilter { Offset = 0, Limit = 1 });
        await _wire.FailsAsync("GetRow", paging, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

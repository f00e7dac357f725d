using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Tests.Api;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using LogicalOperator = DeliveryConsole.Web.Wire.Protocol.LogicalOperator;
using static DeliveryConsole.Web.Tests.Wire.Rows.RowWire;
using PrimaryKeyType = DeliveryConsole.Web.Wire.Protocol.PrimaryKeyType;

namespace DeliveryConsole.Web.Tests.Wire.Rows;

/// <summary>PutRow, UpdateRow and DeleteRow over the wire against the real store, every answer strictly checked.</summary>
public sealed class WireRowWriteTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Client timestamps within the table's allowed deviation from the server's clock.
    private static readonly long T0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;

    public WireRowWriteTests() => _wire = WireClient.For(_console);

    public async ValueTask InitializeAsync() => await CreateTableAsync(_wire, "t", maxVersions: 3);

    [Fact]
    public async Task A_put_row_reads_back_over_the_wire_and_through_the_json_api()
    {
        var put = await _wire.OkAsync("PutRow", PutRow("t", Key("a"),
            Put("name", Value.String("héllo")), Put("n", Value.Integer(7), T0), Put("ok", Value.Boolean(true))),
            PutRowResponse.Parser, Cancel);
        Assert.Equal((0, 1), (put.Consumed.CapacityUnit.Read, put.Consumed.CapacityUnit.Write));
        Assert.False(put.HasRow);

        var got = await _wire.OkAsync("GetRow", GetRow("t", Key("a")), GetRowResponse.Parser, Cancel);
        var row = ReadRow(got.Row)!;
        Assert.Equal(Key("a"), row.PrimaryKey);
        Assert.Equal(["n", "name", "ok"], row.Cells.Select(c => c.Name));
        Assert.Equal(T0, row.Cells[0].Timestamp);
        Assert.Equal(Value.String("héllo"), row.Cells[1].Value);
        Assert.Equal(1, got.Consumed.CapacityUnit.Read);

        var json = await new ApiClient(_console.CreateClient()).OkAsync("GetRow", """{"tableName": "t", "primaryKey": {"id": "a"}}""");
        Assert.Equal("héllo", (string?)json["row"]!["columns"]!["name"]);
        Assert.Equal(7, (long)json["row"]!["columns"]!["n"]!);
    }

    [Fact]
    public async Task A_missing_row_is_an_empty_row_field_not_an_absent_one()
    {
        var answer = await _wire.SendAsync("GetRow", GetRow("t", Key("none")).ToByteArray(), Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var got = StrictResponseCheck.ParseComplete(GetRowResponse.Parser, answer.Body);
        Assert.True(got.HasRow);
        Assert.Null(ReadRow(got.Row));
    }

    [Fact]
    public async Task Row_existence_conditions_fail_with_403_and_write_nothing()
    {
        await _wire.OkAsync("PutRow", PutRow("t", Key("a"), Put("v", Value.Integer(1))), PutRowResponse.Parser, Cancel);

        var again = PutRow("t", Key("a"), Put("v", Value.Integer(2)));
        again.Condition.RowExistence = RowExistenceExpectation.ExpectNotExist;
        await _wire.FailsAsync("PutRow", again, HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);
        var update = new UpdateRowRequest
        {
            TableName = "t", RowChange = Row(Key("b"), Put("v", Value.Integer(3))),
            Condition = new Condition { RowExistence = RowExistenceExpectation.ExpectExist },
        };
        await _wire.FailsAsync("UpdateRow", update, HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);
        var delete = new DeleteRowRequest
        {
            TableName = "t", PrimaryKey = PrimaryKey(Key("b"), deleteMarker: true),
            Condition = new Condition { RowExistence = RowExistenceExpectation.ExpectExist },
        };
        await _wire.FailsAsync("DeleteRow", delete, HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);

        var row = ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("a")), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal(Value.Integer(1), row.Cells.Single().Value);
        Assert.Null(ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("b")), GetRowResponse.Parser, Cancel)).Row));
    }

    [Fact]
    public async Task Bad_requests_are_answered_with_the_real_codes()
    {
        await _wire.FailsAsync("PutRow", PutRow("nope", Key("a")), HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("PutRow", PutRow("t", [new("id", Value.Integer(1))]), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        await _wire.FailsAsync("GetRow", GetRow("t", [new("other", Value.String("a"))]), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        var corrupt = PutRow("t", Key("a"), Put("v", Value.Integer(1)));
        var bytes = corrupt.Row.ToByteArray();
        bytes[^1] ^= 0xFF;
        corrupt.Row = ByteString.CopyFrom(bytes);
        var error = await _wire.FailsAsync("PutRow", corrupt, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        Assert.Contains("checksum", error.Message);

        var withOperation = PutRow("t", Key("a"), new PlainBufferCell("v", Value.Integer(1), CellOperation.Increment, null));
        error = await _wire.FailsAsync("PutRow", withOperation, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        Assert.Contains("INCREMENT", error.Message);
        var deleteInPut = PutRow("t", Key("a"), new PlainBufferCell("v", null, CellOperation.DeleteAllVersions, null));
        await _wire.FailsAsync("PutRow", deleteInPut, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        var inTransaction = PutRow("t", Key("a"));
        inTransaction.TransactionId = "tx";
        error = await _wire.FailsAsync("PutRow", inTransaction, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        Assert.Contains("transaction_id", error.Message);

        var noVersions = GetRow("t", Key("a"));
        noVersions.ClearMaxVersions();
        await _wire.FailsAsync("GetRow", noVersions, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var wideRow = GetRow("t", Key("a"));
        wideRow.StartColumn = "a";
        await _wire.FailsAsync("GetRow", wideRow, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        Assert.Null(ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("a")), GetRowResponse.Parser, Cancel)).Row));
    }

    [Fact]
    public async Task Increments_count_and_RT_AFTER_MODIFY_returns_the_new_values()
    {
        UpdateRowRequest Increment(long a, long b, params string[] returned)
        {
            var request = new UpdateRowRequest
            {
                TableName = "t",
                RowChange = Row(Key("c"), new PlainBufferCell("a", Value.Integer(a), CellOperation.Increment, null),
                    new PlainBufferCell("b", Value.Integer(b), CellOperation.Increment, null)),
                Condition = Ignore,
                ReturnContent = new ReturnContent { ReturnType = ReturnType.RtAfterModify },
            };
            request.ReturnContent.ReturnColumnNames.Add(returned);
            return request;
        }

        var first = await _wire.OkAsync("UpdateRow", Increment(5, 1), UpdateRowResponse.Parser, Cancel);
        var second = await _wire.OkAsync("UpdateRow", Increment(3, 1, "a"), UpdateRowResponse.Parser, Cancel);

        var all = ReadRow(first.Row)!;
        Assert.Equal(Key("c"), all.PrimaryKey);
        Assert.Equal([("a", Value.Integer(5)), ("b", Value.Integer(1))], all.Cells.Select(c => (c.Name, c.Value!.Value)));
        Assert.Equal([("a", Value.Integer(8))], ReadRow(second.Row)!.Cells.Select(c => (c.Name, c.Value!.Value)));

        var notInteger = new UpdateRowRequest
        {
            TableName = "t", RowChange = Row(Key("c"), new PlainBufferCell("a", Value.Double(1), CellOperation.Increment, null)), Condition = Ignore,
        };
        await _wire.FailsAsync("UpdateRow", notInteger, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var stamped = new UpdateRowRequest
        {
            TableName = "t", RowChange = Row(Key("c"), new PlainBufferCell("a", Value.Integer(1), CellOperation.Increment, 5)), Condition = Ignore,
        };
        await _wire.FailsAsync("UpdateRow", stamped, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    [Fact]
    public async Task An_auto_increment_key_comes_back_filled_with_RT_PK()
    {
        await CreateTableAsync(_wire, "auto", key: [("shop", PrimaryKeyType.String, false), ("n", PrimaryKeyType.Integer, true)]);
        KeyColumn[] placeholder = [new("shop", Value.String("s")), new("n", Value.AutoIncrement)];
        var request = PutRow("auto", placeholder, Put("v", Value.Integer(1)));
        request.ReturnContent = new ReturnContent { ReturnType = ReturnType.RtPk };

        var first = PlainBufferReader.ReadPrimaryKey((await _wire.OkAsync("PutRow", request, PutRowResponse.Parser, Cancel)).Row.Span);
        var second = PlainBufferReader.ReadPrimaryKey((await _wire.OkAsync("PutRow", request, PutRowResponse.Parser, Cancel)).Row.Span);

        Assert.Equal(Value.String("s"), first[0].Value);
        Assert.Equal(ValueKind.Integer, first[1].Value.Kind);
        Assert.True(second[1].Value.AsInteger > first[1].Value.AsInteger);
        var got = ReadRow((await _wire.OkAsync("GetRow", GetRow("auto", first), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal(first, got.PrimaryKey);
    }

    [Fact]
    public async Task Column_conditions_single_and_composite_decide_the_write()
    {
        await _wire.OkAsync("PutRow", PutRow("t", Key("a"), Put("price", Value.Integer(10)), Put("state", Value.String("open"))), PutRowResponse.Parser, Cancel);
        UpdateRowRequest SetNote(string note, ByteString condition) => new()
        {
            TableName = "t", RowChange = Row(Key("a"), Put("note", Value.String(note))),
            Condition = new Condition { RowExistence = RowExistenceExpectation.ExpectExist, ColumnCondition = condition },
        };

        await _wire.OkAsync("UpdateRow", SetNote("eq", SingleFilter("price", ComparatorType.CtEqual, Value.Integer(10))), UpdateRowResponse.Parser, Cancel);
        await _wire.FailsAsync("UpdateRow", SetNote("gt", SingleFilter("price", ComparatorType.CtGreaterThan, Value.Integer(10))),
            HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);
        var bothHold = CompositeFilter(LogicalOperator.LoAnd,
            SingleFilter("price", ComparatorType.CtLessEqual, Value.Integer(10)), SingleFilter("state", ComparatorType.CtEqual, Value.String("open")));
        await _wire.OkAsync("UpdateRow", SetNote("and", bothHold), UpdateRowResponse.Parser, Cancel);
        var notBoth = CompositeFilter(LogicalOperator.LoNot, bothHold);
        await _wire.FailsAsync("UpdateRow", SetNote("not", notBoth), HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);
        var missingColumn = SingleFilter("absent", ComparatorType.CtEqual, Value.Integer(1), filterIfMissing: true);
        await _wire.FailsAsync("UpdateRow", SetNote("missing", missingColumn), HttpStatusCode.Forbidden, "OTSConditionCheckFail", Cancel);
        var either = CompositeFilter(LogicalOperator.LoOr, missingColumn, SingleFilter("state", ComparatorType.CtNotEqual, Value.String("closed")));
        await _wire.OkAsync("UpdateRow", SetNote("or", either), UpdateRowResponse.Parser, Cancel);

        var paging = FilterOf(FilterType.FtColumnPagination, new ColumnPaginationFilter { Offset = 0, Limit = 1 });
        var error = await _wire.FailsAsync("UpdateRow", SetNote("page", paging), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        Assert.Contains("ColumnPaginationFilter", error.Message);
        await _wire.FailsAsync("UpdateRow", SetNote("junk", ByteString.CopyFrom(1, 2, 3)), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        var row = ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("a")), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal(Value.String("or"), row.Cells.Single(c => c.Name == "note").Value);
    }

    [Fact]
    public async Task Updates_delete_one_or_all_versions_and_delete_row_removes_the_row()
    {
        await _wire.OkAsync("PutRow", PutRow("t", Key("a"), Put("v", Value.Integer(1), T0), Put("w", Value.Integer(9))), PutRowResponse.Parser, Cancel);
        await _wire.OkAsync("UpdateRow", new UpdateRowRequest
        {
            TableName = "t", RowChange = Row(Key("a"), Put("v", Value.Integer(2), T0 + 1)), Condition = Ignore,
        }, UpdateRowResponse.Parser, Cancel);

        await _wire.OkAsync("UpdateRow", new UpdateRowRequest
        {
            TableName = "t",
            RowChange = Row(Key("a"), new PlainBufferCell("v", null, CellOperation.DeleteOneVersion, T0 + 1),
                new PlainBufferCell("w", null, CellOperation.DeleteAllVersions, null)),
            Condition = Ignore,
        }, UpdateRowResponse.Parser, Cancel);

        var row = ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("a"), maxVersions: 3), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal([("v", Value.Integer(1), T0)], Cells(row));

        var deleted = await _wire.OkAsync("DeleteRow", new DeleteRowRequest
        {
            TableName = "t", PrimaryKey = PrimaryKey(Key("a"), deleteMarker: true),
            Condition = new Condition { RowExistence = RowExistenceExpectation.ExpectExist },
            ReturnContent = new ReturnContent { ReturnType = ReturnType.RtPk },
        }, DeleteRowResponse.Parser, Cancel);
        Assert.Equal(Key("a"), PlainBufferReader.ReadPrimaryKey(deleted.Row.Span));
        Assert.Equal((0, 1), (deleted.Consumed.CapacityUnit.Read, deleted.Consumed.CapacityUnit.Write));
        Assert.Null(ReadRow((await _wire.OkAsync("GetRow", GetRow("t", Key("a")), GetRowResponse.Parser, Cancel)).Row));
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

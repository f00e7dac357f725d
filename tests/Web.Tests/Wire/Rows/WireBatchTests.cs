using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using static DeliveryConsole.Web.Tests.Wire.Rows.RowWire;
using PrimaryKeyType = DeliveryConsole.Web.Wire.Protocol.PrimaryKeyType;

namespace DeliveryConsole.Web.Tests.Wire.Rows;

/// <summary>BatchWriteRow and BatchGetRow: rows succeed or fail one by one, answered in request order.</summary>
public sealed class WireBatchTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public WireBatchTests() => _wire = WireClient.For(_console);

    public async ValueTask InitializeAsync()
    {
        await CreateTableAsync(_wire, "a");
        await CreateTableAsync(_wire, "b", key: [("shop", PrimaryKeyType.String, false), ("n", PrimaryKeyType.Integer, true)]);
        await _wire.OkAsync("PutRow", PutRow("a", Key("exists"), Put("v", Value.Integer(1))), PutRowResponse.Parser, Cancel);
        await _wire.OkAsync("PutRow", PutRow("a", Key("other"), Put("v", Value.Integer(5))), PutRowResponse.Parser, Cancel);
    }

    private static RowInBatchWriteRowRequest BatchRow(OperationType type, ByteString change, RowExistenceExpectation existence = RowExistenceExpectation.Ignore,
        ReturnType returnType = ReturnType.RtNone) => new()
    {
        Type = type, RowChange = change, Condition = new Condition { RowExistence = existence },
        ReturnContent = new ReturnContent { ReturnType = returnType },
    };

    [Fact]
    public async Task A_batch_write_answers_each_row_in_order_and_applies_only_the_good_ones()
    {
        var request = new BatchWriteRowRequest
        {
            Tables =
            {
                new TableInBatchWriteRowRequest
                {
                    TableName = "a",
                    Rows =
                    {
                        BatchRow(OperationType.Put, Row(Key("new"), Put("v", Value.Integer(2))), returnType: ReturnType.RtPk),
                        BatchRow(OperationType.Put, Row(Key("exists"), Put("v", Value.Integer(3))), RowExistenceExpectation.ExpectNotExist),
                        BatchRow(OperationType.Update, Row(Key("other"), new PlainBufferCell("c", Value.Integer(4), CellOperation.Increment, null)),
                            returnType: ReturnType.RtAfterModify),
                        BatchRow(OperationType.Delete, PrimaryKey(Key("absent"), deleteMarker: true), RowExistenceExpectation.ExpectExist),
                    },
                },
                new TableInBatchWriteRowRequest { TableName = "missing", Rows = { BatchRow(OperationType.Put, Row(Key("x"))) } },
                new TableInBatchWriteRowRequest
                {
                    TableName = "b",
                    Rows = { BatchRow(OperationType.Put, Row([new("shop", Value.String("s")), new("n", Value.AutoIncrement)]), returnType: ReturnType.RtPk) },
                },
            },
        };

        var response = await _wire.OkAsync("BatchWriteRow", request, BatchWriteRowResponse.Parser, Cancel);

        Assert.Equal(["a", "missing", "b"], response.Tables.Select(t => t.TableName));
        var rows = response.Tables[0].Rows;
        Assert.Equal([true, false, true, false], rows.Select(r => r.IsOk));
        Assert.Equal(Key("new"), PlainBufferReader.ReadPrimaryKey(rows[0].Row.Span));
        Assert.Equal(1, rows[0].Consumed.CapacityUnit.Write);
        Assert.Equal("OTSConditionCheckFail", rows[1].Error.Code);
        Assert.Equal([("c", Value.Integer(4))], ReadRow(rows[2].Row)!.Cells.Select(c => (c.Name, c.Value!.Value)));
        Assert.Equal("OTSConditionCheckFail", rows[3].Error.Code);
        Assert.Equal("OTSObjectNotExist", response.Tables[1].Rows.Single().Error.Code);
        var generated = PlainBufferReader.ReadPrimaryKey(response.Tables[2].Rows.Single().Row.Span);
        Assert.Equal(ValueKind.Integer, generated[1].Value.Kind);

        var exists = ReadRow((await _wire.OkAsync("GetRow", GetRow("a", Key("exists")), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal([("v", Value.Integer(1))], exists.Cells.Select(c => (c.Name, c.Value!.Value)));
        var other = ReadRow((await _wire.OkAsync("GetRow", GetRow("a", Key("other")), GetRowResponse.Parser, Cancel)).Row)!;
        Assert.Equal([("c", Value.Integer(4)), ("v", Value.Integer(5))], other.Cells.Select(c => (c.Name, c.Value!.Value)));
        Assert.NotNull(ReadRow((await _wire.OkAsync("GetRow", GetRow("a", Key("new")), GetRowResponse.Parser, Cancel)).Row));
    }

    [Fact]
    public async Task A_wrong_batch_fails_whole_and_writes_nothing()
    {
        BatchWriteRowRequest Batch(params RowInBatchWriteRowRequest[] rows) =>
            new() { Tables = { new TableInBatchWriteRowRequest { TableName = "a", Rows = { rows } } } };
        var good = BatchRow(OperationType.Put, Row(Key("good"), Put("v", Value.Integer(1))));

        var atomic = Batch(good);
        atomic.IsAtomic = true;
        await _wire.FailsAsync("BatchWriteRow", atomic, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var corrupt = BatchRow(OperationType.Put, ByteString.CopyFrom(0x75, 0, 0, 0, 0x01));
        var error = await _wire.FailsAsync("BatchWriteRow", Batch(good, corrupt), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        Assert.Contains("rows[1]", error.Message);
        var increments = BatchRow(OperationType.Put, Row(Key("p"), new PlainBufferCell("v", Value.Integer(1), CellOperation.Increment, null)));
        await _wire.FailsAsync("BatchWriteRow", Batch(good, increments), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        await _wire.FailsAsync("BatchWriteRow", new BatchWriteRowRequest(), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var tooMany = Batch([.. Enumerable.Range(0, 201).Select(i => BatchRow(OperationType.Put, Row(Key($"r{i}"))))]);
        await _wire.FailsAsync("BatchWriteRow", tooMany, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);

        Assert.Null(ReadRow((await _wire.OkAsync("GetRow", GetRow("a", Key("good")), GetRowResponse.Parser, Cancel)).Row));
    }

    [Fact]
    public async Task A_batch_get_reads_two_tables_with_a_missing_row_and_a_missing_table()
    {
        await _wire.OkAsync("PutRow", PutRow("b", [new("shop", Value.String("s")), new("n", Value.Integer(7))], Put("w", Value.String("x"))),
            PutRowResponse.Parser, Cancel);
        var request = new BatchGetRowRequest
        {
            Tables =
            {
                new TableInBatchGetRowRequest { TableName = "a", MaxVersions = 1, PrimaryKey = { PrimaryKey(Key("exists")), PrimaryKey(Key("none")) } },
                new TableInBatchGetRowRequest { TableName = "missing", MaxVersions = 1, PrimaryKey = { PrimaryKey(Key("x")) } },
                new TableInBatchGetRowRequest
                {
                    TableName = "b", MaxVersions = 1,
                    PrimaryKey = { PrimaryKey([new("shop", Value.String("s")), new("n", Value.Integer(7))]), PrimaryKey(Key("wrong key")) },
                },
            },
        };

        var response = await _wire.OkAsync("BatchGetRow", request, BatchGetRowResponse.Parser, Cancel);

        Assert.Equal(["a", "missing", "b"], response.Tables.Select(t => t.TableName));
        var a = response.Tables[0].Rows;
        Assert.True(a[0].IsOk && a[1].IsOk);
        Assert.Equal(Value.Integer(1), ReadRow(a[0].Row)!.Cells.Single().Value);
        Assert.Null(ReadRow(a[1].Row));
        Assert.Equal((false, "OTSObjectNotExist"), (response.Tables[1].Rows[0].IsOk, response.Tables[1].Rows[0].Error.Code));
        var b = response.Tables[2].Rows;
        Assert.Equal(Value.String("x"), ReadRow(b[0].Row)!.Cells.Single().Value);
        Assert.Equal((false, "OTSParameterInvalid"), (b[1].IsOk, b[1].Error.Code));

        var tooMany = new BatchGetRowRequest { Tables = { new TableInBatchGetRowRequest { TableName = "a", MaxVersions = 1 } } };
        tooMany.Tables[0].PrimaryKey.Add(Enumerable.Range(0, 101).Select(i => PrimaryKey(Key($"r{i}"))));
        await _wire.FailsAsync("BatchGetRow", tooMany, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
        var noVersions = new BatchGetRowRequest { Tables = { new TableInBatchGetRowRequest { TableName = "a", PrimaryKey = { PrimaryKey(Key("exists")) } } } };
        await _wire.FailsAsync("BatchGetRow", noVersions, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

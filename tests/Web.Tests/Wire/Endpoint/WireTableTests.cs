using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>The table actions over the wire, every answer held to the strict SDK checks.</summary>
public sealed class WireTableTests : IAsyncDisposable
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public WireTableTests() => _wire = WireClient.For(_console);

    private static CreateTableRequest Orders() => new()
    {
        TableMeta = new TableMeta
        {
            TableName = "orders",
            PrimaryKey =
            {
                new PrimaryKeySchema { Name = "shop", Type = PrimaryKeyType.String },
                new PrimaryKeySchema { Name = "id", Type = PrimaryKeyType.Integer, Option = PrimaryKeyOption.AutoIncrement },
            },
            DefinedColumn =
            {
                new DefinedColumnSchema { Name = "price", Type = DefinedColumnType.DctDouble },
                new DefinedColumnSchema { Name = "photo", Type = DefinedColumnType.DctBlob },
            },
        },
        ReservedThroughput = new ReservedThroughput { CapacityUnit = new CapacityUnit { Read = 0, Write = 0 } },
        TableOptions = new TableOptions { TimeToLive = -1, MaxVersions = 3, DeviationCellVersionInSec = 3600, BloomFilterType = BloomFilterType.Row },
        StreamSpec = new StreamSpecification { EnableStream = true, ExpirationTime = 24 },
    };

    [Fact]
    public async Task A_table_is_created_listed_described_updated_and_deleted()
    {
        await _wire.OkAsync("CreateTable", Orders(), CreateTableResponse.Parser, Cancel);
        var plain = new CreateTableRequest
        {
            TableMeta = new TableMeta { TableName = "plain", PrimaryKey = { new PrimaryKeySchema { Name = "k", Type = PrimaryKeyType.Binary } } },
            ReservedThroughput = new ReservedThroughput { CapacityUnit = new CapacityUnit() },
        };
        await _wire.OkAsync("CreateTable", plain, CreateTableResponse.Parser, Cancel);

        var listed = await _wire.OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel);
        Assert.Equal(["orders", "plain"], listed.TableNames);

        var described = await _wire.OkAsync("DescribeTable", new DescribeTableRequest { TableName = "orders" }, DescribeTableResponse.Parser, Cancel);
        Assert.Equal(Orders().TableMeta, described.TableMeta);
        Assert.Equal(TableStatus.Active, described.TableStatus);
        Assert.Equal((-1, 3, 3600L), (described.TableOptions.TimeToLive, described.TableOptions.MaxVersions, described.TableOptions.DeviationCellVersionInSec));
        Assert.Equal((0, 0), (described.ReservedThroughputDetails.CapacityUnit.Read, described.ReservedThroughputDetails.CapacityUnit.Write));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(described.ReservedThroughputDetails.LastIncreaseTime, now - 600, now + 1);
        Assert.InRange(described.CreationTime / 1_000_000, now - 600, now + 1);
        Assert.True(described.StreamDetails.EnableStream);
        Assert.Equal(24, described.StreamDetails.ExpirationTime);
        Assert.False(string.IsNullOrEmpty(described.StreamDetails.StreamId));
        var plainDescribed = await _wire.OkAsync("DescribeTable", new DescribeTableRequest { TableName = "plain" }, DescribeTableResponse.Parser, Cancel);
        Assert.Null(plainDescribed.StreamDetails);
        Assert.Equal((-1, 1, 86_400L), (plainDescribed.TableOptions.TimeToLive, plainDescribed.TableOptions.MaxVersions, plainDescribed.TableOptions.DeviationCellVersionInSec));

        var updated = await _wire.OkAsync("UpdateTable", new UpdateTableRequest
        {
            TableName = "orders",
            ReservedThroughput = new ReservedThroughput { CapacityUnit = new CapacityUnit { Read = 5 } },
            TableOptions = new TableOptions { MaxVersions = 2 },
            StreamSpec = new StreamSpecification { EnableStream = false },
        }, UpdateTableResponse.Parser, Cancel);
        Assert.Equal((-1, 2, 3600L), (updated.TableOptions.TimeToLive, updated.TableOptions.MaxVersions, updated.TableOptions.DeviationCellVersionInSec));
        Assert.Null(updated.StreamDetails);

        await _wire.OkAsync("DeleteTable", new DeleteTableRequest { TableName = "orders" }, DeleteTableResponse.Parser, Cancel);
        Assert.Equal(["plain"], (await _wire.OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel)).TableNames);
    }

    [Fact]
    public async Task Missing_tables_are_404_and_a_taken_name_409()
    {
        await _wire.OkAsync("CreateTable", Orders(), CreateTableResponse.Parser, Cancel);

        await _wire.FailsAsync("CreateTable", Orders(), HttpStatusCode.Conflict, "OTSObjectAlreadyExist", Cancel);
        foreach (var (action, request) in new (string, Google.Protobuf.IMessage)[]
        {
            ("DescribeTable", new DescribeTableRequest { TableName = "nope" }),
            ("UpdateTable", new UpdateTableRequest { TableName = "nope", TableOptions = new TableOptions { MaxVersions = 2 } }),
            ("DeleteTable", new DeleteTableRequest { TableName = "nope" }),
        })
            await _wire.FailsAsync(action, request, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
    }

    [Fact]
    public async Task Invalid_tables_are_400_naming_the_field_and_create_nothing()
    {
        var cases = new List<(CreateTableRequest Request, string Message)>();
        void Case(Action<CreateTableRequest> change, string message)
        {
            var request = Orders();
            change(request);
            cases.Add((request, message));
        }
        Case(r => r.TableMeta.TableName = "9bad", "Table name '9bad' is invalid");
        Case(r => r.TableMeta.PrimaryKey[0].Type = (PrimaryKeyType)9, "table_meta.primary_key[0].type 9");
        Case(r => r.TableMeta.PrimaryKey[1].Option = (PrimaryKeyOption)4, "table_meta.primary_key[1].option 4");
        Case(r => r.TableMeta.DefinedColumn[0].Type = (DefinedColumnType)5, "table_meta.defined_column[0].type 5");
        Case(r => r.TableMeta.PrimaryKey[1].ClearType(), "missing the required field table_meta.primary_key[1].type");
        Case(r => r.ReservedThroughput = null, "missing the required field reserved_throughput");
        Case(r => r.SseSpec = new SSESpecification { Enable = true }, "sse_spec is not supported");
        Case(r => r.IndexMetas.Add(new IndexMeta { Name = "i", IndexType = IndexType.ItGlobalIndex, IndexUpdateMode = IndexUpdateMode.IumAsyncIndex }),
            "index_metas is not supported");
        Case(r => r.EnableLocalTxn = true, "enable_local_txn is not supported");
        Case(r => r.StreamSpec.ColumnsToGet.Add("price"), "stream_spec.columns_to_get is not supported");
        Case(r => r.TableOptions.TimeToLive = 5, "");

        foreach (var (request, message) in cases)
        {
            var error = await _wire.FailsAsync("CreateTable", request, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
            Assert.Contains(message, error.Message);
        }
        Assert.Empty((await _wire.OkAsync("ListTable", new ListTableRequest(), ListTableResponse.Parser, Cancel)).TableNames);
        await _wire.FailsAsync("DescribeTable", new DescribeTableRequest(), HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

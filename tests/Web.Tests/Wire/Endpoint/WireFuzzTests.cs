using System.Net;
using DeliveryConsole.Testing;
using Value = DeliveryConsole.TableStore.Model.Value;
using DeliveryConsole.Web.Wire;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using Direction = DeliveryConsole.Web.Wire.Protocol.Direction;
using GetRangeRequest = DeliveryConsole.Web.Wire.Protocol.GetRangeRequest;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>Malformed bodies, correctly signed, on every action: a clear 4xx in protobuf, never a 500.</summary>
public sealed class WireFuzzTests : IAsyncDisposable
{
    private readonly ConsoleFactory _console = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Valid bodies to mutate, so the fuzz also reaches past the protobuf parser into the mappings.
    private static readonly byte[][] Seeds =
    [
        new CreateTableRequest
        {
            TableMeta = new TableMeta { TableName = "f", PrimaryKey = { new PrimaryKeySchema { Name = "k", Type = PrimaryKeyType.String } } },
            ReservedThroughput = new ReservedThroughput { CapacityUnit = new CapacityUnit() },
            TableOptions = new TableOptions { TimeToLive = -1, MaxVersions = 1 },
            StreamSpec = new StreamSpecification { EnableStream = true },
        }.ToByteArray(),
        new UpdateTableRequest { TableName = "f", TableOptions = new TableOptions { MaxVersions = 2 } }.ToByteArray(),
        new DescribeTableRequest { TableName = "f" }.ToByteArray(),
        new CreateDeliveryTaskRequest
        {
            TableName = "f",
            TaskName = "x",
            TaskType = DeliveryTaskType.Inc,
            TaskConfig = new OSSTaskConfig
            {
                OssBucket = "b", OssPrefix = "p", OssEndpoint = "e", OssStsRole = "r",
                EventTimeColumn = new EventColumn { ColumnName = "c", TimeFormat = EventTimeFormat.Unix },
                Schema = { new ParquetSchema { ColumnName = "k", Type = DataType.Utf8 } },
            },
        }.ToByteArray(),
        new DescribeDeliveryTaskRequest { TableName = "f", TaskName = "x" }.ToByteArray(),
        new PutRowRequest { TableName = "f", Row = RowSeed, Condition = new Condition { RowExistence = RowExistenceExpectation.Ignore, ColumnCondition = FilterSeed } }.ToByteArray(),
        new GetRowRequest { TableName = "f", PrimaryKey = KeySeed, MaxVersions = 1, Filter = FilterSeed }.ToByteArray(),
        new GetRangeRequest { TableName = "f", Direction = Direction.Forward, MaxVersions = 1, InclusiveStartPrimaryKey = KeySeed, ExclusiveEndPrimaryKey = KeySeed }.ToByteArray(),
        new BatchWriteRowRequest { Tables = { new TableInBatchWriteRowRequest { TableName = "f", Rows = { new RowInBatchWriteRowRequest { Type = OperationType.Update, RowChange = RowSeed, Condition = new Condition() } } } } }.ToByteArray(),
        new GetShardIteratorRequest { StreamId = "f_1", ShardId = "0", Timestamp = 1 }.ToByteArray(),
    ];

    private static ByteString KeySeed => ByteString.CopyFrom(PlainBufferWriter.WritePrimaryKey([new("k", Value.String("a"))]));

    private static ByteString RowSeed => ByteString.CopyFrom(PlainBufferWriter.WriteRow(new PlainBufferRow([new("k", Value.String("a"))],
        [new PlainBufferCell("c", Value.Integer(1), CellOperation.Increment, null)], false)));

    private static ByteString FilterSeed => new Filter
    {
        Type = FilterType.FtSingleColumnValue,
        Filter_ = new SingleColumnValueFilter
        {
            Comparator = ComparatorType.CtEqual, ColumnName = "c", ColumnValue = ByteString.CopyFrom(PlainBufferWriter.WriteVariant(Value.Integer(1))),
            FilterIfMissing = false, LatestVersionOnly = true,
        }.ToByteString(),
    }.ToByteString();

    [Fact]
    public async Task Thousands_of_random_and_mutated_bodies_never_get_a_500()
    {
        var wire = WireClient.For(_console);
        var random = new Random(20261124);
        var actions = WireOperations.ByAction.Keys.Order(StringComparer.Ordinal).ToArray();
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < 3000; i++)
        {
            var action = actions[i % actions.Length];
            var body = i % 2 == 0 ? RandomBytes(random) : Mutate(random, Seeds[random.Next(Seeds.Length)]);

            var answer = await wire.SendAsync(action, body, Cancel);

            Assert.True((int)answer.Status < 500, $"{action} {Convert.ToHexString(body)}: {(int)answer.Status} {answer.DescribeError()}");
            statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
        }
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 1000, string.Join(", ", statuses));
    }

    private static byte[] RandomBytes(Random random)
    {
        var body = new byte[random.Next(0, 48)];
        random.NextBytes(body);
        return body;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var body = seed.ToArray();
        switch (random.Next(3))
        {
            case 0:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                    body[random.Next(body.Length)] ^= (byte)(1 << random.Next(8));
                return body;
            case 1:
                return body[..random.Next(body.Length)];
            default:
                body[random.Next(body.Length)] = (byte)random.Next(256);
                return body;
        }
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

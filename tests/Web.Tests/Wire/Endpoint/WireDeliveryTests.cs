using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using DeliveryConsole.Web.Wire.Protocol;
using DeliveryConsole.Web.Tests.Delivery;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Wire.Endpoint;

/// <summary>The delivery task actions over the wire, answered by the same engine as the JSON API.</summary>
public sealed class WireDeliveryTests : IAsyncDisposable
{
    private readonly ConsoleFactory _console = new();
    private readonly WireClient _wire;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public WireDeliveryTests() => _wire = WireClient.For(_console);

    private static CreateDeliveryTaskRequest Task(string taskName, DeliveryTaskType? type = null)
    {
        var request = new CreateDeliveryTaskRequest
        {
            TableName = "t",
            TaskName = taskName,
            TaskConfig = new OSSTaskConfig
            {
                OssPrefix = "lake/$yyyy/$MM/$dd",
                OssBucket = "lake",
                OssEndpoint = DeliveryRequests.Endpoint,
                OssStsRole = Role,
                Schema =
                {
                    new ParquetSchema { ColumnName = "k", Type = DataType.Utf8 },
                    new ParquetSchema { ColumnName = "n", Type = DataType.Int64, OssColumnName = "number", Encode = Encoding.DeltaBinaryPacked },
                },
            },
        };
        if (type is { } taskType)
            request.TaskType = taskType;
        return request;
    }

    private async Task CreateTableAndBucketAsync()
    {
        var api = new ApiClient(_console.CreateClient());
        await api.OkAsync("CreateTable", CreateTable);
        await api.OkAsync("CreateBucket", $$"""{"endpoint": "{{DeliveryRequests.Endpoint}}", "bucket": "lake"}""");
    }

    [Fact]
    public async Task A_task_is_created_listed_described_and_deleted()
    {
        await CreateTableAndBucketAsync();
        var withEventTime = Task("lake-2", DeliveryTaskType.Inc);
        withEventTime.TaskConfig.EventTimeColumn = new EventColumn { ColumnName = "ts", TimeFormat = EventTimeFormat.Rfc3339 };
        withEventTime.TaskConfig.OssDirtyPrefix = "dirty";
        withEventTime.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "i", Type = DataType.Int32, OssColumnName = "i", Encode = Encoding.DeltaBinaryPacked });
        withEventTime.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "f", Type = DataType.Float, OssColumnName = "f", Encode = Encoding.Plain });
        withEventTime.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "d", Type = DataType.Date, OssColumnName = "d", Encode = Encoding.Plain });

        await _wire.OkAsync("CreateDeliveryTask", Task("lake-1"), CreateDeliveryTaskResponse.Parser, Cancel);
        await _wire.OkAsync("CreateDeliveryTask", withEventTime, CreateDeliveryTaskResponse.Parser, Cancel);

        var listed = await _wire.OkAsync("ListDeliveryTask", new ListDeliveryTaskRequest { TableName = "t" }, ListDeliveryTaskResponse.Parser, Cancel);
        Assert.Equal([("t", "lake-1", DeliveryTaskType.BaseInc), ("t", "lake-2", DeliveryTaskType.Inc)],
            listed.Tasks.Select(task => (task.TableName, task.TaskName, task.TaskType)));
        Assert.Equal(2, (await _wire.OkAsync("ListDeliveryTask", new ListDeliveryTaskRequest(), ListDeliveryTaskResponse.Parser, Cancel)).Tasks.Count);

        var described = await _wire.OkAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t", TaskName = "lake-2" },
            DescribeDeliveryTaskResponse.Parser, Cancel);
        var expected = withEventTime.TaskConfig.Clone();
        expected.Schema[0].OssColumnName = "k";
        expected.Schema[0].Encode = Encoding.Plain;
        expected.Format = Format.Parquet;
        expected.Formatter = TimeFormatter.Ydmformatter;
        Assert.Equal(expected, described.TaskConfig);
        Assert.Equal(DeliveryTaskType.Inc, described.TaskType);
        Assert.True(described.TaskSyncStat.HasTaskSyncPhase && described.TaskSyncStat.HasCurrentSyncTimestamp && described.TaskSyncStat.HasErrorCode);
        Assert.Equal(ErrorType.Ok, described.TaskSyncStat.ErrorCode);

        // A task cannot be deleted while it initializes (as the real service); wait until it is past INIT.
        await Eventually.UntilAsync(() => _wire.OkAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t", TaskName = "lake-1" },
            DescribeDeliveryTaskResponse.Parser, Cancel), described => described.TaskSyncStat.TaskSyncPhase != TaskSyncPhase.Init, _ => "lake-1 stayed in INIT");
        await _wire.OkAsync("DeleteDeliveryTask", new DeleteDeliveryTaskRequest { TableName = "t", TaskName = "lake-1" },
            DeleteDeliveryTaskResponse.Parser, Cancel);
        Assert.Equal(["lake-2"], (await _wire.OkAsync("ListDeliveryTask", new ListDeliveryTaskRequest(), ListDeliveryTaskResponse.Parser, Cancel))
            .Tasks.Select(task => task.TaskName));
    }

    [Fact]
    public async Task Task_errors_have_the_real_codes_and_name_the_field()
    {
        await CreateTableAndBucketAsync();
        await _wire.OkAsync("CreateDeliveryTask", Task("lake-1"), CreateDeliveryTaskResponse.Parser, Cancel);

        await _wire.FailsAsync("CreateDeliveryTask", Task("lake-1"), HttpStatusCode.Conflict, "OTSObjectAlreadyExist", Cancel);
        await _wire.FailsAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t", TaskName = "nope" },
            HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("DeleteDeliveryTask", new DeleteDeliveryTaskRequest { TableName = "t", TaskName = "nope" },
            HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        await _wire.FailsAsync("ListDeliveryTask", new ListDeliveryTaskRequest { TableName = "nope" }, HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);

        var noBucket = Task("lake-3");
        noBucket.TaskConfig.ClearOssBucket();
        Assert.Contains("taskConfig.ossBucket is required",
            (await _wire.FailsAsync("CreateDeliveryTask", noBucket, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
        var listType = Task("lake-3");
        listType.TaskConfig.Schema[0].Type = DataType.List;
        Assert.Contains("taskConfig.schema[0].type 'LIST' cannot be delivered",
            (await _wire.FailsAsync("CreateDeliveryTask", listType, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
        var badExtend = Task("lake-3");
        badExtend.TaskConfig.Schema[0].Type = DataType.Decimal;
        badExtend.TaskConfig.Schema[0].TypeExtend = "decimal(0,0)";
        Assert.Contains("taskConfig.schema[0].typeExtend 'decimal(0,0)'",
            (await _wire.FailsAsync("CreateDeliveryTask", badExtend, HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
        Assert.Contains("taskName is required",
            (await _wire.FailsAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t" },
                HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
    }

    [Fact]
    public async Task Every_type_and_its_type_extend_go_in_and_come_back_on_the_wire()
    {
        await CreateTableAndBucketAsync();
        var request = Task("typed");
        request.TaskConfig.Schema.Clear();
        DataType[] types =
        [
            DataType.Bool, DataType.Int64, DataType.Utf8, DataType.Double, DataType.Date, DataType.Decimal, DataType.TimeMillis,
            DataType.TimeMicros, DataType.TimestampMillis, DataType.TimestampMicros, DataType.Float, DataType.Int32, DataType.Int96,
        ];
        foreach (var type in types)
        {
            var column = new ParquetSchema { ColumnName = "n", OssColumnName = $"c_{(int)type}", Type = type };
            if (type == DataType.Decimal)
                column.TypeExtend = "decimal(10,2)";
            if (type == DataType.Utf8)
                column.TypeExtend = "kept as given";
            request.TaskConfig.Schema.Add(column);
        }

        await _wire.OkAsync("CreateDeliveryTask", request, CreateDeliveryTaskResponse.Parser, Cancel);
        var described = await _wire.OkAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t", TaskName = "typed" },
            DescribeDeliveryTaskResponse.Parser, Cancel);

        Assert.Equal(types, described.TaskConfig.Schema.Select(column => column.Type));
        Assert.Equal("decimal(10,2)", described.TaskConfig.Schema.Single(column => column.Type == DataType.Decimal).TypeExtend);
        Assert.Equal("kept as given", described.TaskConfig.Schema.Single(column => column.Type == DataType.Utf8).TypeExtend);
        Assert.All(described.TaskConfig.Schema.Where(column => column.Type is not (DataType.Decimal or DataType.Utf8)),
            column => Assert.False(column.HasTypeExtend));
    }

    [Fact]
    public async Task UpdateDeliveryTask_changes_the_objects_written_after_it_and_never_the_ones_before()
    {
        var scenario = await TaskUpdateScenario.StartAsync(_console);
        var update = new UpdateDeliveryTaskRequest
        {
            Table = "t",
            TaskName = TaskUpdateScenario.TaskName,
            TaskConfig = Task(TaskUpdateScenario.TaskName).TaskConfig,
        };
        update.TaskConfig.OssPrefix = "after";
        update.TaskConfig.Schema.Clear();
        update.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "k", Type = DataType.Utf8 });
        update.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "n", Type = DataType.Int64 });
        update.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "c", Type = DataType.Double });
        update.TaskConfig.Schema.Add(new ParquetSchema { ColumnName = "x", Type = DataType.Utf8 });

        await _wire.OkAsync("UpdateDeliveryTask", update, UpdateDeliveryTaskResponse.Parser, Cancel);
        await scenario.DeliverAfterUpdateAsync();

        await scenario.AssertDeliveredBeforeAndAfterAsync();
        var described = await _wire.OkAsync("DescribeDeliveryTask", new DescribeDeliveryTaskRequest { TableName = "t", TaskName = TaskUpdateScenario.TaskName },
            DescribeDeliveryTaskResponse.Parser, Cancel);
        Assert.Equal("after", described.TaskConfig.OssPrefix);
        // The message has no taskType: the task keeps its own.
        Assert.Equal(DeliveryTaskType.Inc, described.TaskType);
    }

    [Fact]
    public async Task A_refused_UpdateDeliveryTask_has_the_real_codes_names_the_field_and_changes_nothing()
    {
        var scenario = await TaskUpdateScenario.StartAsync(_console);
        UpdateDeliveryTaskRequest Update(Action<UpdateDeliveryTaskRequest> change)
        {
            var update = new UpdateDeliveryTaskRequest { Table = "t", TaskName = TaskUpdateScenario.TaskName, TaskConfig = Task("x").TaskConfig };
            change(update);
            return update;
        }

        await _wire.FailsAsync("UpdateDeliveryTask", Update(u => u.TaskName = "nope-1"), HttpStatusCode.NotFound, "OTSObjectNotExist", Cancel);
        Assert.Equal("table is required.", (await _wire.FailsAsync("UpdateDeliveryTask", Update(u => u.ClearTable()),
            HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
        Assert.Equal("taskConfig.ossBucket 'other' cannot change: the task has 'lake'; create a new task for another.",
            (await _wire.FailsAsync("UpdateDeliveryTask", Update(u => u.TaskConfig.OssBucket = "other"),
                HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);
        Assert.StartsWith("taskConfig.schema[0].type",
            (await _wire.FailsAsync("UpdateDeliveryTask", Update(u => u.TaskConfig.Schema[0].Type = DataType.List),
                HttpStatusCode.BadRequest, "OTSParameterInvalid", Cancel)).Message);

        var described = await scenario.DescribeAsync();
        Assert.Equal("before", (string?)described["taskConfig"]!["ossPrefix"]);
        Assert.Single(described["emulator"]!["configVersions"]!.AsArray());
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

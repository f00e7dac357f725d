using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Tasks;

public class TaskSpecMappingTests
{
    [Fact]
    public void Absent_optional_fields_take_their_defaults()
    {
        var spec = Validate(TaskRequests.Baseline(), TaskRequests.Context());

        Assert.Equal(DeliveryTaskType.BaseInc, spec.TaskType);
        Assert.Null(spec.OssDirtyPrefix);
        Assert.Null(spec.EventTimeColumn);
        Assert.Equal(
            [new("id", "id", ParquetType.Utf8), new("seq", "seq", ParquetType.Int64), new SchemaColumn("amount", "amount", ParquetType.Double)],
            spec.Schema);
        Assert.All(spec.Schema, column => Assert.Equal(ColumnEncoding.Plain, column.Encoding));
        Assert.Equal(TimeSpan.FromSeconds(120), spec.FlushInterval);
        Assert.Equal(64L * 1024 * 1024, spec.FlushSizeBytes);
        Assert.Equal("Asia/Shanghai", spec.TimeZone.Id);
    }

    [Fact]
    public void Absent_emulator_settings_take_the_instances_settings()
    {
        var context = TaskRequests.Context() with
        {
            DefaultFlushInterval = TimeSpan.FromSeconds(30),
            DefaultFlushSizeBytes = 8 * 1024 * 1024,
            DefaultTimeZone = PartitionTimeZone.Resolve("Europe/Berlin"),
        };
        var request = TaskRequests.Baseline() with { Emulator = new EmulatorTaskConfig() };

        var spec = Validate(request, context);

        Assert.Equal(TimeSpan.FromSeconds(30), spec.FlushInterval);
        Assert.Equal(8L * 1024 * 1024, spec.FlushSizeBytes);
        Assert.Equal("Europe/Berlin", spec.TimeZone.Id);
    }

    [Fact]
    public void A_full_request_maps_every_field()
    {
        var request = new CreateDeliveryTaskRequest(
            "orders",
            "orders-2024",
            new DeliveryTaskConfig(
                "lake/year=$yyyy/month=$MM/",
                "lake-bucket",
                "MINIO",
                "acs:ram::9999999999999999:role/SomeOtherRole",
                [
                    new SchemaColumnConfig("id", "UTF8", "order_id", "PLAIN_DICTIONARY"),
                    new SchemaColumnConfig("seq", "INT64", Encode: "DELTA_BINARY_PACKED"),
                    new SchemaColumnConfig("paid", "BOOL", "Paid", "PLAIN"),
                    new SchemaColumnConfig("amount", "DOUBLE"),
                ],
                OssDirtyPrefix: "dirty/$yyyy",
                Format: "Parquet",
                EventTimeColumn: new EventTimeColumnConfig("created", "Unix")),
            "INC",
            new EmulatorTaskConfig(FlushIntervalSeconds: 5, FlushSizeMiB: 2, TimeZone: "UTC"));

        var spec = Validate(request, TaskRequests.Context());

        Assert.Equal("orders", spec.TableName);
        Assert.Equal("orders-2024", spec.TaskName);
        Assert.Equal(DeliveryTaskType.Inc, spec.TaskType);
        Assert.Equal("lake/year=$yyyy/month=$MM", spec.OssPrefix.Text);
        Assert.Equal("lake-bucket", spec.OssBucket);
        Assert.Equal("minio", spec.OssEndpoint);
        Assert.Equal("acs:ram::9999999999999999:role/SomeOtherRole", spec.OssStsRole);
        Assert.Equal("dirty/$yyyy", spec.OssDirtyPrefix?.Text);
        Assert.Equal(new EventTimeColumn("created", EventTimeFormat.Unix), spec.EventTimeColumn);
        Assert.Equal(
            [
                new SchemaColumn("id", "order_id", ParquetType.Utf8, ColumnEncoding.PlainDictionary),
                new SchemaColumn("seq", "seq", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked),
                new SchemaColumn("paid", "Paid", ParquetType.Bool),
                new SchemaColumn("amount", "amount", ParquetType.Double),
            ],
            spec.Schema);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.FlushInterval);
        Assert.Equal(2L * 1024 * 1024, spec.FlushSizeBytes);
        Assert.Equal("UTC", spec.TimeZone.Id);
    }

    [Theory]
    [InlineData("BASE", DeliveryTaskType.Base, 0)]
    [InlineData("INC", DeliveryTaskType.Inc, 1)]
    [InlineData("BASE_INC", DeliveryTaskType.BaseInc, 2)]
    public void Task_types_have_the_services_wire_names_and_values(string name, DeliveryTaskType type, int wireValue)
    {
        Assert.Equal(type, Validate(TaskRequests.With("taskType", name), TaskRequests.Context()).TaskType);
        Assert.Equal(name, type.WireName());
        Assert.Equal(wireValue, (int)type);
    }

    [Theory]
    [InlineData("RFC822", EventTimeFormat.RFC822)]
    [InlineData("RFC850", EventTimeFormat.RFC850)]
    [InlineData("RFC1123", EventTimeFormat.RFC1123)]
    [InlineData("RFC3339", EventTimeFormat.RFC3339)]
    [InlineData("Unix", EventTimeFormat.Unix)]
    public void Event_time_formats_parse_by_their_wire_names(string name, EventTimeFormat format)
    {
        var spec = Validate(TaskRequests.With("taskConfig.eventTimeColumn.timeFormat", name), TaskRequests.Context());

        Assert.Equal(new EventTimeColumn("ts", format), spec.EventTimeColumn);
    }

    internal static DeliveryTaskSpec Validate(CreateDeliveryTaskRequest request, TaskValidationContext context)
    {
        var result = DeliveryTaskValidator.Validate(request, context);
        Assert.True(result.IsValid, result.Error?.Message);
        return result.Value;
    }
}

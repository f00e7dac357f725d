using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Tasks;

public class TaskAcceptedValueTests
{
    [Theory]
    [InlineData("taskName", "abc")]
    [InlineData("taskName", "a-b")]
    [InlineData("taskName", "0123456789abcdef")]
    [InlineData("taskName", "a--b")]
    [InlineData("taskType", null)]
    [InlineData("taskConfig.ossPrefix", "lake")]
    [InlineData("taskConfig.ossPrefix", "lake/")]
    [InlineData("taskConfig.ossBucket", "abc")]
    [InlineData("taskConfig.ossBucket", "0-0")]
    [InlineData("taskConfig.ossBucket", "bucket-with-63-characters-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("taskConfig.ossEndpoint", "OSS-CN-HANGZHOU.ALIYUNCS.COM")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::0000000000000000:role/AliyunServiceRoleForOTSDataDelivery")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::1234567890123456:role/my.role_name-1")]
    [InlineData("taskConfig.ossDirtyPrefix", null)]
    [InlineData("taskConfig.ossDirtyPrefix", "lake/dirty")]
    [InlineData("taskConfig.format", null)]
    [InlineData("taskConfig.format", "Parquet")]
    [InlineData("taskConfig.eventTimeColumn.columnName", "_event_time")]
    [InlineData("taskConfig.schema[3].columnName", "undeclared_attribute")]
    [InlineData("taskConfig.schema[0].ossColumnName", "_Order_ID_1")]
    [InlineData("taskConfig.schema[0].ossColumnName", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("taskConfig.schema[0].ossColumnName", "seq_text")]
    [InlineData("taskConfig.schema[0].encode", "PLAIN")]
    [InlineData("taskConfig.schema[0].encode", "PLAIN_DICTIONARY")]
    [InlineData("taskConfig.schema[1].encode", "DELTA_BINARY_PACKED")]
    [InlineData("taskConfig.schema[3].type", "BOOL")]
    [InlineData("emulator.flushIntervalSeconds", "1")]
    [InlineData("emulator.flushIntervalSeconds", "3600")]
    [InlineData("emulator.flushSizeMiB", "1")]
    [InlineData("emulator.flushSizeMiB", "1024")]
    [InlineData("emulator.timeZone", "Europe/Berlin")]
    [InlineData("emulator.timeZone", null)]
    public void Values_inside_the_rules_are_accepted(string path, string? value)
    {
        var result = DeliveryTaskValidator.Validate(TaskRequests.With(path, value), TaskRequests.Context());

        Assert.True(result.IsValid, result.Error?.Message);
    }

    [Fact]
    public void A_column_may_be_delivered_twice_under_different_names()
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[3].columnName", "amount"), "taskConfig.schema[3].ossColumnName", "amount_text");
        request = TaskRequests.With(request, "taskConfig.schema[3].type", "UTF8");

        var spec = TaskSpecMappingTests.Validate(request, TaskRequests.Context());

        Assert.Equal(["amount", "amount_text"], spec.Schema.Where(c => c.ColumnName == "amount").Select(c => c.OssColumnName));
    }
}

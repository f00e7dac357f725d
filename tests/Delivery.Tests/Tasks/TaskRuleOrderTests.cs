using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Tasks;

public class TaskRuleOrderTests
{
    [Theory]
    [InlineData("taskName", "X", "taskConfig.ossBucket", "X", "taskName")]
    [InlineData("taskConfig.ossBucket", "X", "taskConfig.ossEndpoint", "nowhere", "taskConfig.ossBucket")]
    [InlineData("taskConfig.ossPrefix", "/x", "taskConfig.ossBucket", "X", "taskConfig.ossPrefix")]
    [InlineData("taskConfig.schema[2].type", "LIST", "taskConfig.schema[0].columnName", "a-b", "taskConfig.schema[0].columnName")]
    [InlineData("taskConfig.schema[0].type", "MAP", "emulator.timeZone", "Mars/Base", "taskConfig.schema[0].type")]
    [InlineData("tableName", "customers", "emulator.flushSizeMiB", "0", "emulator.flushSizeMiB")]
    [InlineData("tableName", "customers", "taskType", "FULL", "taskType")]
    public void The_first_broken_rule_in_wire_order_is_reported(string path1, string value1, string path2, string value2, string field)
    {
        var request = TaskRequests.With(TaskRequests.With(path1, value1), path2, value2);

        Assert.Equal(field, DeliveryTaskValidator.Validate(request, TaskRequests.Context()).Error?.Field);
    }

    [Fact]
    public void A_missing_table_is_reported_before_a_used_task_name()
    {
        var result = DeliveryTaskValidator.Validate(TaskRequests.With("tableName", "customers"), TaskRequests.Context("lake-orders"));

        Assert.Equal("OTSObjectNotExist", result.Error?.Code);
    }

    [Theory]
    [InlineData(489, null, true)]
    [InlineData(490, null, false)]
    [InlineData(485, ".parquet", true)]
    [InlineData(486, ".parquet", false)]
    public void The_longest_object_key_under_the_prefix_must_fit_1023_bytes(int prefixBytes, string? extension, bool valid)
    {
        // Folders of 99 bytes: a longer one is refused by its own rule (at most 255 bytes, as a file name).
        var prefix = "lake/$yyyy/" + string.Concat(Enumerable.Range(0, prefixBytes - 10).Select(i => i % 100 == 99 ? '/' : 'a'));
        var context = TaskRequests.Context() with { ObjectExtension = extension };

        foreach (var field in new[] { "taskConfig.ossPrefix", "taskConfig.ossDirtyPrefix" })
        {
            var result = DeliveryTaskValidator.Validate(TaskRequests.With(field, prefix), context);

            Assert.Equal(valid, result.IsValid);
            if (!valid)
                Assert.Equal(new DeliveryTaskError("OTSParameterInvalid", field,
                    $"{field} is too long: it appears twice in every object key, making keys of up to 1025 " +
                    "bytes (UTF-8) where OSS allows 1023."), result.Error);
        }
    }
}

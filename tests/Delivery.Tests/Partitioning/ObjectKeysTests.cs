using System.Text;
using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

public class ObjectKeysTests
{
    private static readonly DateTimeOffset DocumentedWriteTime = new(2020, 8, 31, 16, 3, 0, TimeSpan.FromHours(8));

    // The documented examples (research §4.2) for data written at 2020-08-31 16:03. Left out as they stand: the
    // Hive-style one, which the docs print truncated (checked as a beginning below), and `ds=$yyyy$MM$dd`, which
    // ends in `__0` although sequence ids start at 1 (checked with `__1` below).
    [Theory]
    [InlineData("t1", "lake/$yyyy/$MM/$dd", "lake/2020/08/31/t1_0_lake_2020_08_31__1")]
    [InlineData("testTask", "myPrefix", "myPrefix/testTask_0_myPrefix__1")]
    [InlineData("testTaskTimeParitioned", "myPrefix/$yyyy/$MM/$dd/$HH/$mm",
        "myPrefix/2020/08/31/16/03/testTaskTimeParitioned_0_myPrefix_2020_08_31_16_03__1")]
    [InlineData("testTaskDs", "ds=$yyyy$MM$dd", "ds=20200831/testTaskDs_0_ds=20200831__1")]
    public void The_first_object_is_named_as_documented(string task, string prefix, string expected) =>
        Assert.Equal(expected, FirstKey(task, prefix));

    [Fact]
    public void The_truncated_hive_style_example_is_the_beginning_of_our_key() =>
        Assert.StartsWith(
            "myPrefix/year=2020/month=08/day=31/testTaskTimeParitionedHiveNamingStyle_0_myPrefix_year=2020_month=08",
            FirstKey("testTaskTimeParitionedHiveNamingStyle", "myPrefix/year=$yyyy/month=$MM/day=$dd"));

    [Theory]
    [InlineData("a/b", "t", 3, 42L, null, "a/b/t_3_a_b__42")]
    [InlineData("/a/b/", "t", 0, 1L, null, "a/b/t_0_a_b__1")]
    [InlineData("lake", "t1", 0, 7L, ".parquet", "lake/t1_0_lake__7.parquet")]
    [InlineData("dirty/2020", "t1", 1, 1L, ".jsonl", "dirty/2020/t1_1_dirty_2020__1.jsonl")]
    [InlineData("lake", "t1", 0, 9223372036854775807L, "", "lake/t1_0_lake__9223372036854775807")]
    public void Keys_join_prefix_task_writer_tag_and_sequence(
        string prefix, string task, int concurrentId, long sequenceId, string? extension, string expected) =>
        Assert.Equal(expected, ObjectKeys.For(prefix, task, concurrentId, sequenceId, extension));

    [Theory]
    [InlineData("", "t1", 0, 1L, null, "resolvedPrefix")]
    [InlineData("/", "t1", 0, 1L, null, "resolvedPrefix")]
    [InlineData("lake", "", 0, 1L, null, "taskName")]
    [InlineData("lake", "a/b", 0, 1L, null, "taskName")]
    [InlineData("lake", "t1", -1, 1L, null, "concurrentId")]
    [InlineData("lake", "t1", 0, 0L, null, "sequenceId")]
    [InlineData("lake", "t1", 0, 1L, "parquet", "extension")]
    [InlineData("lake", "t1", 0, 1L, ".a/b", "extension")]
    public void Impossible_parts_are_programming_errors(
        string prefix, string task, int concurrentId, long sequenceId, string? extension, string parameter) =>
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(
            () => ObjectKeys.For(prefix, task, concurrentId, sequenceId, extension)).ParamName);

    [Theory]
    [InlineData("lake/$yyyy/$MM/$dd", "t1", null, 66)]
    [InlineData("데이터/$yyyy", "long-task-name01", ".parquet", 86)]
    public void The_longest_key_is_known_before_any_object_is_written(string prefix, string task, string? extension, int bytes)
    {
        var template = Prefixes.Template(prefix);
        var longest = ObjectKeys.For(template.Expand(DocumentedWriteTime, TimeZoneInfo.Utc), task, int.MaxValue, long.MaxValue, extension);

        Assert.Equal(bytes, ObjectKeys.LongestKeyByteCount(template, task, extension));
        Assert.Equal(Encoding.UTF8.GetByteCount(longest), ObjectKeys.LongestKeyByteCount(template, task, extension));
    }

    private static string FirstKey(string task, string prefix) =>
        ObjectKeys.For(Prefixes.Template(prefix).Expand(DocumentedWriteTime, PartitionTimeZone.Resolve("Asia/Shanghai")), task, 0, 1);
}

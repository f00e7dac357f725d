using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Tasks;

public class TaskIdentityRuleTests
{
    private const string Invalid = "OTSParameterInvalid";
    private const string TaskNameRule = "taskName must be 3-16 lowercase letters, digits and hyphens, starting and ending with a letter or digit, not ";
    private const string BucketRule = "taskConfig.ossBucket must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, not ";
    private const string RoleRule = "taskConfig.ossStsRole must have the form acs:ram::<accountId>:role/<roleName> (a 16-digit account id and a role name of " +
        "1-64 letters, digits, '.', '-' or '_'), such as acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery, not ";
    private const string UseVariables = "(use $yyyy, $MM, $dd, $HH or $mm).";

    [Theory]
    [InlineData("tableName", null, Invalid, "tableName is required.")]
    [InlineData("tableName", "", Invalid, "tableName is required.")]
    [InlineData("tableName", "1orders", Invalid, "tableName '1orders' is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore.")]
    [InlineData("tableName", "customers", "OTSObjectNotExist", "tableName 'customers' does not exist on this instance.")]
    [InlineData("taskName", null, Invalid, "taskName is required.")]
    [InlineData("taskName", "t1", Invalid, TaskNameRule + "'t1'.")]
    [InlineData("taskName", "abcdefghijklmnopq", Invalid, TaskNameRule + "'abcdefghijklmnopq'.")]
    [InlineData("taskName", "Lake", Invalid, TaskNameRule + "'Lake'.")]
    [InlineData("taskName", "-lake", Invalid, TaskNameRule + "'-lake'.")]
    [InlineData("taskName", "lake-", Invalid, TaskNameRule + "'lake-'.")]
    [InlineData("taskName", "lake_1", Invalid, TaskNameRule + "'lake_1'.")]
    [InlineData("taskName", "lake\n", Invalid, TaskNameRule + "'lake\n'.")]
    [InlineData("taskType", "FULL", Invalid, "taskType must be BASE, INC or BASE_INC, not 'FULL'.")]
    [InlineData("taskType", "base", Invalid, "taskType must be BASE, INC or BASE_INC, not 'base'.")]
    [InlineData("taskType", "", Invalid, "taskType must be BASE, INC or BASE_INC, not ''.")]
    [InlineData("taskConfig", null, Invalid, "taskConfig is required.")]
    [InlineData("taskConfig.ossPrefix", null, Invalid, "taskConfig.ossPrefix is required.")]
    [InlineData("taskConfig.ossPrefix", "", Invalid, "taskConfig.ossPrefix is required.")]
    [InlineData("taskConfig.ossPrefix", "/lake", Invalid, @"taskConfig.ossPrefix must not start with '/' or '\'.")]
    [InlineData("taskConfig.ossPrefix", "lake//x", Invalid, "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it has an empty segment (a trailing or double '/').")]
    [InlineData("taskConfig.ossPrefix", "lake/../x", Invalid, "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it has a '.' or '..' segment.")]
    [InlineData("taskConfig.ossPrefix", @"a\..\b", Invalid, "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it contains a backslash.")]
    [InlineData("taskConfig.ossPrefix", "a/.~put-x.tmp/b", Invalid, "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress ('.~put-….tmp').")]
    [InlineData("taskConfig.ossPrefix", "lake\tx", Invalid, "taskConfig.ossPrefix must not contain control characters (found U+0009).")]
    [InlineData("taskConfig.ossPrefix", "lake/$ss", Invalid, "taskConfig.ossPrefix '$ss' is not a time variable " + UseVariables)]
    [InlineData("taskConfig.ossBucket", null, Invalid, "taskConfig.ossBucket is required.")]
    [InlineData("taskConfig.ossBucket", "ab", Invalid, BucketRule + "'ab'.")]
    [InlineData("taskConfig.ossBucket", "My-Bucket", Invalid, BucketRule + "'My-Bucket'.")]
    [InlineData("taskConfig.ossBucket", "-bucket", Invalid, BucketRule + "'-bucket'.")]
    [InlineData("taskConfig.ossBucket", "bucket-", Invalid, BucketRule + "'bucket-'.")]
    [InlineData("taskConfig.ossBucket", "my_bucket", Invalid, BucketRule + "'my_bucket'.")]
    [InlineData("taskConfig.ossBucket", "my.bucket", Invalid, BucketRule + "'my.bucket'.")]
    [InlineData("taskConfig.ossBucket", "bucket\n", Invalid, BucketRule + "'bucket\n'.")]
    [InlineData("taskConfig.ossEndpoint", null, Invalid, "taskConfig.ossEndpoint is required.")]
    [InlineData("taskConfig.ossEndpoint", "oss-cn-shanghai.aliyuncs.com", Invalid,
        "taskConfig.ossEndpoint 'oss-cn-shanghai.aliyuncs.com' is not configured on this instance; configured: minio, oss-cn-hangzhou.aliyuncs.com.")]
    [InlineData("taskConfig.ossStsRole", null, Invalid, "taskConfig.ossStsRole is required.")]
    [InlineData("taskConfig.ossStsRole", "aliyunserviceroleforotsdatadelivery", Invalid, RoleRule + "'aliyunserviceroleforotsdatadelivery'.")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::123:role/r", Invalid, RoleRule + "'acs:ram::123:role/r'.")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::1234567890123456:role/", Invalid, RoleRule + "'acs:ram::1234567890123456:role/'.")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::1234567890123456:user/r", Invalid, RoleRule + "'acs:ram::1234567890123456:user/r'.")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::1234567890123456:role/a b", Invalid, RoleRule + "'acs:ram::1234567890123456:role/a b'.")]
    [InlineData("taskConfig.ossStsRole", "acs:ram::1234567890123456:role/r\n", Invalid, RoleRule + "'acs:ram::1234567890123456:role/r\n'.")]
    [InlineData("taskConfig.ossDirtyPrefix", "", Invalid, "taskConfig.ossDirtyPrefix must not be empty.")]
    [InlineData("taskConfig.ossDirtyPrefix", @"\dirty", Invalid, @"taskConfig.ossDirtyPrefix must not start with '/' or '\'.")]
    [InlineData("taskConfig.ossDirtyPrefix", "dirty/.~put-$HH.tmp", Invalid, "taskConfig.ossDirtyPrefix must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress ('.~put-….tmp').")]
    [InlineData("taskConfig.ossDirtyPrefix", "dirty/a\\b", Invalid, "taskConfig.ossDirtyPrefix must make object keys that every endpoint kind stores, but it contains a backslash.")]
    [InlineData("taskConfig.ossDirtyPrefix", "dirty/$date", Invalid, "taskConfig.ossDirtyPrefix '$date' is not a time variable " + UseVariables)]
    [InlineData("taskConfig.ossDirtyPrefix", "lake/$yyyy/$MM/$dd/", Invalid,
        "taskConfig.ossDirtyPrefix must differ from taskConfig.ossPrefix: dirty-record objects would take the names of delivered objects.")]
    [InlineData("taskConfig.format", "parquet", Invalid, "taskConfig.format must be 'Parquet' (the only format), not 'parquet'.")]
    [InlineData("taskConfig.format", "ORC", Invalid, "taskConfig.format must be 'Parquet' (the only format), not 'ORC'.")]
    [InlineData("taskConfig.format", "", Invalid, "taskConfig.format must be 'Parquet' (the only format), not ''.")]
    public void Each_broken_rule_is_one_error_naming_the_field(string field, string? value, string code, string message)
    {
        var result = DeliveryTaskValidator.Validate(TaskRequests.With(field, value), TaskRequests.Context());

        Assert.False(result.IsValid);
        Assert.Equal(new DeliveryTaskError(code, field, message), result.Error);
    }

    [Fact]
    public void A_task_name_used_anywhere_in_the_instance_already_exists()
    {
        var result = DeliveryTaskValidator.Validate(TaskRequests.Baseline(), TaskRequests.Context("other", "lake-orders"));

        Assert.Equal(new DeliveryTaskError("OTSObjectAlreadyExist", "taskName",
            "taskName 'lake-orders' is already used by a task on this instance; task names are unique per instance."), result.Error);
    }

    [Fact]
    public void A_bucket_name_of_64_characters_is_too_long()
    {
        var bucket = new string('b', 64);

        var result = DeliveryTaskValidator.Validate(TaskRequests.With("taskConfig.ossBucket", bucket), TaskRequests.Context());

        Assert.Equal(BucketRule + $"'{bucket}'.", result.Error?.Message);
    }

    [Fact]
    public void Without_configured_endpoints_the_message_says_none()
    {
        var context = TaskRequests.Context() with { EndpointNames = [] };

        var result = DeliveryTaskValidator.Validate(TaskRequests.Baseline(), context);

        Assert.Equal("taskConfig.ossEndpoint 'oss-cn-hangzhou.aliyuncs.com' is not configured on this instance; configured: (none).",
            result.Error?.Message);
    }
}

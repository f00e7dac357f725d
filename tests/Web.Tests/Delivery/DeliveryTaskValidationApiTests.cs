using System.Net;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using static DeliveryConsole.Web.Tests.Delivery.DeliveryRequests;

namespace DeliveryConsole.Web.Tests.Delivery;

/// <summary>A console with tables t and u, and one task ("taken", on u) that every duplicate name collides with.</summary>
public sealed class DeliveryValidationConsole : IAsyncLifetime
{
    public ConsoleFactory Console { get; } = new();

    public ApiClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api = new ApiClient(Console.CreateClient());
        await Api.OkAsync("CreateTable", CreateTable);
        await Api.OkAsync("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "STRING"}]}""");
        await Api.OkAsync("CreateDeliveryTask", Valid("taken", "u").ToJsonString());
    }

    public async ValueTask DisposeAsync() => await Console.DisposeAsync();
}

/// <summary>
/// Every CreateDeliveryTask rule of delivery.md ("Task identity and validation"), through the JSON API: one request
/// that breaks it gets the rule's code and a message naming the field, and nothing is created.
/// </summary>
public class DeliveryTaskValidationApiTests(DeliveryValidationConsole fixture) : IClassFixture<DeliveryValidationConsole>
{
    private ApiClient Api => fixture.Api;

    public static TheoryData<string, string> BrokenRules => new()
    {
        // Identity
        { With(b => b.Remove("tableName")), "tableName is required" },
        { With(b => b["tableName"] = null), "tableName is required" },
        { With(b => b["tableName"] = "9t"), "tableName '9t' is invalid" },
        { With(b => b.Remove("taskName")), "taskName is required" },
        { With(b => b["taskName"] = "ab"), "taskName must be 3-16 lowercase letters" },
        { With(b => b["taskName"] = "abcdefghijklmnopq"), "taskName must be 3-16" },
        { With(b => b["taskName"] = "Lake1"), "taskName must be 3-16" },
        { With(b => b["taskName"] = "lake-"), "taskName must be 3-16" },
        { With(b => b["taskName"] = "-lake"), "taskName must be 3-16" },
        { With(b => b["taskName"] = "la_ke"), "taskName must be 3-16" },
        { With(b => b["taskType"] = "FULL"), "taskType must be BASE, INC or BASE_INC" },
        { With(b => b["taskType"] = "base"), "taskType must be BASE, INC or BASE_INC" },
        { With(b => b.Remove("taskConfig")), "taskConfig is required" },
        { With(b => b["taskConfig"] = null), "taskConfig is required" },
        // ossPrefix
        { With(b => b.Config().Remove("ossPrefix")), "taskConfig.ossPrefix is required" },
        { With(b => b.Config()["ossPrefix"] = ""), "taskConfig.ossPrefix" },
        { With(b => b.Config()["ossPrefix"] = "lake/$foo"), "taskConfig.ossPrefix '$foo' is not a time variable (use $yyyy, $MM, $dd, $HH or $mm)" },
        { With(b => b.Config()["ossPrefix"] = "/lake"), "taskConfig.ossPrefix must not start with '/'" },
        { With(b => b.Config()["ossPrefix"] = "\\lake"), "taskConfig.ossPrefix must not start with '/'" },
        { With(b => b.Config()["ossPrefix"] = "lake/../x"), "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it has a '.' or '..' segment" },
        { With(b => b.Config()["ossPrefix"] = "a\\..\\b"), "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it contains a backslash" },
        { With(b => b.Config()["ossPrefix"] = "a/.~put-x.tmp/b"), "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress" },
        { With(b => b.Config()["ossPrefix"] = "a/" + new string('s', 256) + "/b"), "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but a segment is longer than 255 bytes" },
        { With(b => b.Config()["ossPrefix"] = "lake//x"), "taskConfig.ossPrefix must make object keys that every endpoint kind stores, but it has an empty segment" },
        { With(b => b.Config()["ossPrefix"] = "lake\u0001x"), "taskConfig.ossPrefix must not contain control characters" },
        { With(b => b.Config()["ossPrefix"] = new string('p', 1024)), "taskConfig.ossPrefix" },
        // ossBucket, ossEndpoint, ossStsRole, format
        { With(b => b.Config().Remove("ossBucket")), "taskConfig.ossBucket is required" },
        { With(b => b.Config()["ossBucket"] = null), "taskConfig.ossBucket is required" },
        { With(b => b.Config()["ossBucket"] = "Lake"), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config()["ossBucket"] = "la"), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config()["ossBucket"] = new string('b', 64)), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config()["ossBucket"] = "-lake"), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config()["ossBucket"] = "lake-"), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config()["ossBucket"] = "la_ke"), "taskConfig.ossBucket must be 3-63 characters" },
        { With(b => b.Config().Remove("ossEndpoint")), "taskConfig.ossEndpoint is required" },
        { With(b => b.Config()["ossEndpoint"] = "oss-cn-beijing.aliyuncs.com"),
            "taskConfig.ossEndpoint 'oss-cn-beijing.aliyuncs.com' is not configured on this instance; configured: oss-cn-hangzhou.aliyuncs.com" },
        { With(b => b.Config().Remove("ossStsRole")), "taskConfig.ossStsRole is required" },
        { With(b => b.Config()["ossStsRole"] = "aliyunserviceroleforotsdatadelivery"), "taskConfig.ossStsRole must have the form acs:ram::<accountId>:role/<roleName>" },
        { With(b => b.Config()["ossStsRole"] = "acs:ram::123:role/x"), "taskConfig.ossStsRole must have the form" },
        { With(b => b.Config()["format"] = "Orc"), "taskConfig.format must be 'Parquet'" },
        { With(b => b.Config()["format"] = "parquet"), "taskConfig.format must be 'Parquet'" },
        { With(b => b.Config()["ossDirtyPrefix"] = "lake/$yyyy/$MM/$dd"), "taskConfig.ossDirtyPrefix must differ from taskConfig.ossPrefix" },
        { With(b => b.Config()["ossDirtyPrefix"] = "dirty/./x"), "taskConfig.ossDirtyPrefix must make object keys that every endpoint kind stores, but it has a '.' or '..' segment" },
        { With(b => b.Config()["ossDirtyPrefix"] = "dirty/.~put-$mm.tmp"), "taskConfig.ossDirtyPrefix must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress" },
        { With(b => b.Config()["ossDirtyPrefix"] = "dirty/$ss"), "taskConfig.ossDirtyPrefix '$ss' is not a time variable" },
        // schema
        { With(b => b.Config().Remove("schema")), "taskConfig.schema must have at least one column" },
        { With(b => b.Config()["schema"] = new JsonArray()), "taskConfig.schema must have at least one column" },
        { With(b => b.Config()["schema"]!.AsArray().Insert(1, null)), "taskConfig.schema[1] must be a column, not null" },
        { With(b => b.Column(0).Remove("columnName")), "taskConfig.schema[0].columnName is required" },
        { With(b => b.Column(1).Remove("type")), "taskConfig.schema[1].type is required" },
        { With(b => b.Column(1)["type"] = "MAP"), "taskConfig.schema[1].type 'MAP' cannot be delivered: MAP is a nested Parquet type" },
        { With(b => b.Column(2)["type"] = "BINARY"), "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, FLOAT, INT32 or INT96" },
        { With(b => b.Column(1)["type"] = "int64"), "taskConfig.schema[1].type must be BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, FLOAT, INT32 or INT96" },
        { With(b => b.Column(2)["ossColumnName"] = "K"), "taskConfig.schema[2].ossColumnName 'K' repeats taskConfig.schema[0].ossColumnName 'k'" },
        { With(b => b.Column(1)["ossColumnName"] = "1n"), "taskConfig.schema[1].ossColumnName must be 1-128 letters, digits and underscores" },
        { With(b => b.Column(1)["ossColumnName"] = "n-1"), "taskConfig.schema[1].ossColumnName must be 1-128" },
        { With(b => b.Column(1)["ossColumnName"] = new string('n', 129)), "taskConfig.schema[1].ossColumnName must be 1-128" },
        { With(b => b.Column(0)["encode"] = "RLE"), "taskConfig.schema[0].encode must be PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED" },
        { With(b => b.Column(0)["encode"] = "DELTA_BINARY_PACKED"), "taskConfig.schema[0].encode DELTA_BINARY_PACKED cannot be used with type UTF8" },
        { With(b => b.Column(2)["encode"] = "DELTA_LENGTH_BYTE_ARRAY"), "taskConfig.schema[2].encode DELTA_LENGTH_BYTE_ARRAY cannot be used with type DOUBLE" },
        { With(b => { b.Column(2)["type"] = "DECIMAL"; b.Column(2)["typeExtend"] = "decimal(40,2)"; }),
            "taskConfig.schema[2].typeExtend 'decimal(40,2)' must be empty (DECIMAL(38,18)) or give precision 1-38" },
        // eventTimeColumn
        { With(b => b.Config()["eventTimeColumn"] = new JsonObject { ["columnName"] = "ts", ["timeFormat"] = "ISO8601" }),
            "taskConfig.eventTimeColumn.timeFormat must be RFC822, RFC850, RFC1123, RFC3339 or Unix, not 'ISO8601'" },
        { With(b => b.Config()["eventTimeColumn"] = new JsonObject { ["columnName"] = "ts", ["timeFormat"] = "unix" }),
            "taskConfig.eventTimeColumn.timeFormat must be" },
        { With(b => b.Config()["eventTimeColumn"] = new JsonObject { ["timeFormat"] = "Unix" }), "taskConfig.eventTimeColumn.columnName is required" },
        // emulator extension
        { With(b => b["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 0 }), "emulator.flushIntervalSeconds must be 1-3600 seconds" },
        { With(b => b["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 3601 }), "emulator.flushIntervalSeconds must be 1-3600 seconds" },
        { With(b => b["emulator"] = new JsonObject { ["flushSizeMiB"] = 0 }), "emulator.flushSizeMiB must be 1-1024 MiB" },
        { With(b => b["emulator"] = new JsonObject { ["timeZone"] = "Mars/Olympus_Mons" }), "emulator.timeZone is invalid" },
        { With(b => b["emulator"] = new JsonObject { ["timeZone"] = " " }), "emulator.timeZone must not be blank" },
        // The API's own rules: unknown fields, wrong JSON types, not an object
        { With(b => b["bogus"] = 1), "unknown field 'bogus'" },
        { With(b => b.Config()["ossRegion"] = "cn"), "unknown field 'ossRegion'" },
        { With(b => b.Column(0)["nullable"] = true), "unknown field 'nullable'" },
        { With(b => b["emulator"] = new JsonObject { ["flushEvery"] = 5 }), "unknown field 'flushEvery'" },
        { With(b => b["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 1.5 }), "(at $.emulator.flushIntervalSeconds)" },
        { With(b => b.Config()["schema"] = "k"), "(at $.taskConfig.schema)" },
        { With(b => b["taskName"] = 7), "(at $.taskName)" },
        // Strict JSON as the real service: a number as a string, or a string as a number, names the field.
        { With(b => b["emulator"] = new JsonObject { ["flushIntervalSeconds"] = "5" }),
            "emulator.flushIntervalSeconds has the wrong JSON type (a string where a number belongs, or the reverse) or is not one of the allowed names (at $.emulator.flushIntervalSeconds)" },
        { With(b => b["emulator"] = new JsonObject { ["flushSizeMiB"] = "NaN" }), "emulator.flushSizeMiB has the wrong JSON type" },
        { With(b => b["taskType"] = 1), "taskType has the wrong JSON type" },
        { "null", "must be a JSON object" },
        { "[]", "The request body is not valid" },
        { "{", "The request body is not valid" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_request_that_breaks_a_rule_is_a_400_naming_the_field_and_creates_nothing(string body, string expected)
    {
        var response = await Api.CallAsync("CreateDeliveryTask", body);

        Assert.True(response.Status == HttpStatusCode.BadRequest, $"{(int)response.Status} {response.Text}");
        Assert.Equal("OTSParameterInvalid", response.Code);
        Assert.Contains(expected, response.Message);
        Assert.DoesNotContain("DeliveryConsole.", response.Message);
        await AssertOnlyTheFixtureTaskAsync();
    }

    [Theory]
    [InlineData("nope", "taken2", HttpStatusCode.NotFound, "OTSObjectNotExist", "tableName 'nope' does not exist")]
    [InlineData("t", "taken", HttpStatusCode.Conflict, "OTSObjectAlreadyExist", "taskName 'taken' is already used")]
    [InlineData("u", "taken", HttpStatusCode.Conflict, "OTSObjectAlreadyExist", "taskName 'taken' is already used")]
    public async Task A_missing_table_is_404_and_a_taken_name_409_on_any_table(string table, string task, HttpStatusCode status, string code, string expected)
    {
        var response = await Api.CallAsync("CreateDeliveryTask", Valid(task, table).ToJsonString());

        Assert.True(response.Status == status, $"{(int)response.Status} {response.Text}");
        Assert.Equal(code, response.Code);
        Assert.Contains(expected, response.Message);
        await AssertOnlyTheFixtureTaskAsync();
    }

    [Fact]
    public async Task The_request_is_judged_before_the_instance_a_malformed_request_for_a_missing_table_is_400()
    {
        var body = Valid("taken", "nope");
        body.Config()["ossBucket"] = "Bad";

        var response = await Api.CallAsync("CreateDeliveryTask", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("taskConfig.ossBucket", response.Message);
        await AssertOnlyTheFixtureTaskAsync();
    }

    [Theory]
    [InlineData("ListDeliveryTask", """{"tableName": "nope"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "'nope'")]
    [InlineData("ListDeliveryTask", """{"tableName": "t", "taskName": "taken"}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "unknown field 'taskName'")]
    [InlineData("DescribeDeliveryTask", """{"tableName": "t", "taskName": "taken"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "Table 't' has no delivery task named 'taken'")]
    [InlineData("DescribeDeliveryTask", """{"tableName": "u", "taskName": "nope"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "Table 'u' has no delivery task named 'nope'")]
    [InlineData("DescribeDeliveryTask", """{"tableName": "u"}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "missing required field(s) 'taskName'")]
    [InlineData("DescribeDeliveryTask", """{"tableName": "u", "taskName": null}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "taskName is required")]
    [InlineData("DescribeDeliveryTask", """{"tableName": null, "taskName": "taken"}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "tableName is required")]
    [InlineData("DeleteDeliveryTask", """{"tableName": "t", "taskName": "taken"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "'taken'")]
    [InlineData("DeleteDeliveryTask", """{"tableName": "u", "taskName": "nope"}""", HttpStatusCode.NotFound, "OTSObjectNotExist", "'nope'")]
    [InlineData("DeleteDeliveryTask", """{"tableName": "u", "taskName": "taken", "force": true}""", HttpStatusCode.BadRequest, "OTSParameterInvalid", "unknown field 'force'")]
    public async Task The_other_operations_answer_bad_requests_and_unknown_tasks_with_the_real_codes(
        string operation, string body, HttpStatusCode status, string code, string expected)
    {
        var response = await Api.CallAsync(operation, body);

        Assert.True(response.Status == status, $"{(int)response.Status} {response.Text}");
        Assert.Equal(code, response.Code);
        Assert.Contains(expected, response.Message);
        Assert.DoesNotContain("DeliveryConsole.", response.Message);
        await AssertOnlyTheFixtureTaskAsync();
    }

    private async Task AssertOnlyTheFixtureTaskAsync()
    {
        var all = await Api.OkAsync("ListDeliveryTask", "{}");
        Assert.Equal("""{"tasks":[{"tableName":"u","taskName":"taken","taskType":"BASE_INC"}]}""", all.ToJsonString());
        var ofT = await Api.OkAsync("ListDeliveryTask", """{"tableName": "t"}""");
        Assert.Equal("""{"tasks":[]}""", ofT.ToJsonString());
    }
}

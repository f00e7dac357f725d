using System.Net;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Api;

/// <summary>Bad input gets a clear error with the real code and status, never a 500, and changes nothing.</summary>
public class ApiErrorTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private ApiClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = new ApiClient(_console.CreateClient());
        await _api.OkAsync("CreateTable", """{"tableName": "t", "primaryKey": [{"name": "k", "type": "STRING"}]}""");
    }

    [Theory]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "bogus": 1}""", "unknown field 'bogus' (at $.bogus)")]
    [InlineData("PutRow", """{"tableName": "t"}""", "missing required field(s) 'primaryKey'")]
    [InlineData("PutRow", """not json""", "The request body is not valid")]
    [InlineData("PutRow", """null""", "must be a JSON object")]
    [InlineData("PutRow", """[1, 2]""", "The request body is not valid")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": 1}}""", "Primary key column 'k' is STRING, not INTEGER")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"x": "a"}}""", "is 'k', not 'x'")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"n": 99999999999999999999}}""", "does not fit in 64 bits")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"b": {"binary": "%%%"}}}""", "binary must be base64")]
    // Strict JSON: no NaN literal, no number as a string; a double that is not a number is written {"double": "NaN"}.
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"d": NaN}}""", "The request body is not valid")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"d": {"double": "not a number"}}}""", "double must be a number or \"NaN\"")]
    [InlineData("GetRange", """{"tableName": "t", "direction": "FORWARD", "limit": "5", "inclusiveStartPrimaryKey": {"k": {"inf": "min"}}, "exclusiveEndPrimaryKey": {"k": {"inf": "max"}}}""",
        "limit has the wrong JSON type (a string where a number belongs, or the reverse) or is not one of the allowed names (at $.limit)")]
    [InlineData("PutRow", """{"tableName": 5, "primaryKey": {"k": "a"}}""", "tableName has the wrong JSON type")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"b": {"wat": 1}}}""", "unknown value object 'wat'")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "condition": "SOMETIMES"}""", "(at $.condition)")]
    [InlineData("PutRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columns": {"1bad": 1}}""", "Column name '1bad' is invalid")]
    [InlineData("CreateTable", """{"tableName": "9t", "primaryKey": [{"name": "k", "type": "STRING"}]}""", "Table name '9t' is invalid")]
    [InlineData("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "DOUBLE"}]}""", "(at $.primaryKey[0].type)")]
    [InlineData("GetRange", """{"tableName": "t", "direction": "FORWARD", "inclusiveStartPrimaryKey": {"k": {"inf": "max"}}, "exclusiveEndPrimaryKey": {"k": {"inf": "min"}}}""",
        "must not be after exclusiveEndPrimaryKey")]
    public async Task Invalid_requests_are_400_with_a_message_that_names_the_problem(string operation, string body, string expected)
    {
        var response = await _api.CallAsync(operation, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("OTSParameterInvalid", response.Code);
        Assert.Contains(expected, response.Message);
        Assert.DoesNotContain("DeliveryConsole.", response.Message);
        var described = await _api.OkAsync("DescribeTable", """{"tableName": "t"}""");
        Assert.Equal(0, (long)described["rowCount"]!);
    }

    [Theory]
    [InlineData("DescribeTable", """{"tableName": "nope"}""", HttpStatusCode.NotFound, "OTSObjectNotExist")]
    [InlineData("CreateTable", """{"tableName": "t", "primaryKey": [{"name": "k", "type": "STRING"}]}""", HttpStatusCode.Conflict, "OTSObjectAlreadyExist")]
    [InlineData("UpdateRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "put": {"x": 1}, "condition": "EXPECT_EXIST"}""", HttpStatusCode.Forbidden, "OTSConditionCheckFail")]
    [InlineData("Frobnicate", """{}""", HttpStatusCode.BadRequest, "OTSUnsupportOperation")]
    public async Task Service_errors_have_the_real_codes_and_statuses(string operation, string body, HttpStatusCode status, string code)
    {
        var response = await _api.CallAsync(operation, body);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Code);
        Assert.False(string.IsNullOrWhiteSpace(response.Message));
    }

    [Fact]
    public async Task Hostile_bodies_never_get_a_500()
    {
        string[] bodies =
        [
            "", "{", "}", "\"x\"", "0", "true", new string('[', 5000) + new string(']', 5000),
            "{\"tableName\": " + new string('[', 100) + new string(']', 100) + "}",
            "{\"tableName\": \"t\", \"primaryKey\": {\"k\": \"" + new string('x', 2000) + "\"}}",
            "{\"tableName\": \"t\", \"primaryKey\": {\"k\": \"\\ud800\"}}",
            "{\"tableName\": \"t\", \"primaryKey\": {\"k\": {\"inf\": \"min\"}}}",
            "{\"tableName\": \"t\", \"primaryKey\": {\"k\": \"a\"}, \"columns\": {\"x\": {\"value\": 1, \"timestamp\": \"soon\"}}}",
            "{\"tables\": []}", "{\"tables\": [{\"tableName\": \"t\", \"rows\": []}]}",
        ];
        foreach (var operation in new[] { "PutRow", "UpdateRow", "GetRow", "GetRange", "BatchWriteRow", "CreateTable", "DeleteTable" })
            foreach (var body in bodies)
            {
                var response = await _api.CallAsync(operation, body);
                Assert.True((int)response.Status is >= 400 and < 500, $"{operation} {body[..Math.Min(60, body.Length)]}: {(int)response.Status} {response.Text}");
            }
        Assert.Equal(["t"], (await _api.OkAsync("ListTable", "{}"))["tableNames"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_its_own_code()
    {
        var response = await _api.CallAsync("PutRow", "{\"tableName\": \"" + new string('x', 17 * 1024 * 1024) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("OTSRequestBodyTooLarge", response.Code);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_operation()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await _console.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        string[] operations = ["CreateTable", "ListTable", "DescribeTable", "UpdateTable", "DeleteTable", "PutRow", "UpdateRow",
            "DeleteRow", "GetRow", "BatchWriteRow", "GetRange", "ListEndpoints", "CreateBucket", "ListBuckets", "ListObjects"];
        foreach (var operation in operations)
        {
            var post = document["paths"]![$"/api/{operation}"]?["post"];
            Assert.True(post is not null, $"{operation} is not in the OpenAPI document");
            Assert.NotNull(post!["requestBody"]?["content"]?["application/json"]?["schema"]);
        }
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

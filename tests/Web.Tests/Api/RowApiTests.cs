using System.Net;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Api;

public class RowApiTests : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new();
    private ApiClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = new ApiClient(_console.CreateClient());
        await _api.OkAsync("CreateTable", """
            {"tableName": "orders", "primaryKey": [{"name": "shop", "type": "STRING"}, {"name": "id", "type": "INTEGER", "autoIncrement": true}],
             "definedColumns": [{"name": "total", "type": "DOUBLE"}], "tableOptions": {"maxVersions": 3}}
            """);
    }

    [Fact]
    public async Task Every_value_type_and_escape_round_trips_through_put_and_get()
    {
        var put = await _api.OkAsync("PutRow", """
            {"tableName": "orders", "primaryKey": {"shop": "s1", "id": {"autoIncrement": true}}, "returnPrimaryKey": true,
             "columns": {"text": "héllo ✓", "count": -42, "ratio": 1.5, "whole": {"double": 2}, "nan": {"double": "NaN"},
                         "big": {"integer": "9007199254740993"}, "flag": false, "bytes": {"binary": "AAEC/w=="}, "empty": ""}}
            """);
        var key = put["primaryKey"]!;
        Assert.Equal("s1", (string?)key["shop"]);
        Assert.True((long)key["id"]! > 0);

        var got = await _api.OkAsync("GetRow", new JsonObject { ["tableName"] = "orders", ["primaryKey"] = key.DeepClone() });

        var columns = got["row"]!["columns"]!;
        Assert.Equal("héllo ✓", (string?)columns["text"]);
        Assert.Equal(-42, (long)columns["count"]!);
        Assert.Equal("1.5", columns["ratio"]!.ToJsonString());
        Assert.Equal("2.0", columns["whole"]!.ToJsonString());
        Assert.Equal("""{"double":"NaN"}""", columns["nan"]!.ToJsonString());
        Assert.Equal("9007199254740993", columns["big"]!.ToJsonString());
        Assert.False((bool)columns["flag"]!);
        Assert.Equal("""{"binary":"AAEC/w=="}""", columns["bytes"]!.ToJsonString());
        Assert.Equal("", (string?)columns["empty"]);
        Assert.Equal(key.ToJsonString(), got["row"]!["primaryKey"]!.ToJsonString());
    }

    [Fact]
    public async Task Versions_come_back_newest_first_with_timestamps()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var key = """{"shop": "s", "id": 1}""";
        await _api.OkAsync("PutRow", $$"""
            {"tableName": "orders", "primaryKey": {{key}}, "columns": {"v": {{Versioned("old", now - 2000)}} } }
            """);
        await _api.OkAsync("UpdateRow", $$"""
            {"tableName": "orders", "primaryKey": {{key}}, "put": {"v": {{Versioned("new", now - 1000)}} } }
            """);

        var got = await _api.OkAsync("GetRow", """
            {"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}, "maxVersions": 5, "withTimestamps": true}
            """);

        Assert.Equal($$"""[{"value":"new","timestamp":{{now - 1000}}},{"value":"old","timestamp":{{now - 2000}}}]""",
            got["row"]!["columns"]!["v"]!.ToJsonString());
    }

    private static string Versioned(string value, long timestamp) => $$"""{"value": "{{value}}", "timestamp": {{timestamp}}}""";

    [Fact]
    public async Task Update_delete_and_a_missing_row()
    {
        await _api.OkAsync("PutRow", """{"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}, "columns": {"a": 1, "b": 2, "c": 3}}""");
        await _api.OkAsync("UpdateRow", """
            {"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}, "put": {"a": 10}, "deleteAll": ["b"], "condition": "EXPECT_EXIST"}
            """);

        var got = await _api.OkAsync("GetRow", """{"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}}""");
        Assert.Equal("""{"a":10,"c":3}""", got["row"]!["columns"]!.ToJsonString());

        await _api.OkAsync("DeleteRow", """{"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}, "condition": "EXPECT_EXIST"}""");
        var gone = await _api.OkAsync("GetRow", """{"tableName": "orders", "primaryKey": {"shop": "s", "id": 1}}""");
        Assert.Equal("""{"row":null}""", gone.ToJsonString());
    }

    [Fact]
    public async Task GetRange_pages_through_every_row_in_order_in_both_directions()
    {
        var rows = Enumerable.Range(0, 450).Select(i => new JsonObject
        {
            ["type"] = "PUT",
            ["primaryKey"] = new JsonObject { ["shop"] = $"s{i % 3}", ["id"] = i },
            ["columns"] = new JsonObject { ["n"] = i },
        }).ToList();
        foreach (var chunk in rows.Chunk(200))
            await _api.OkAsync("BatchWriteRow", new JsonObject
            {
                ["tables"] = new JsonArray(new JsonObject { ["tableName"] = "orders", ["rows"] = new JsonArray([.. chunk]) }),
            });
        var expected = rows.Select(r => r["primaryKey"]!)
            .OrderBy(k => (string?)k["shop"], StringComparer.Ordinal).ThenBy(k => (int)k["id"]!)
            .Select(k => k.ToJsonString()).ToList();

        Assert.Equal(expected, await ReadAllAsync("FORWARD"));
        Assert.Equal(Enumerable.Reverse(expected), await ReadAllAsync("BACKWARD"));
    }

    private async Task<List<string>> ReadAllAsync(string direction)
    {
        var (min, max) = ("""{"shop": {"inf": "min"}, "id": {"inf": "min"}}""", """{"shop": {"inf": "max"}, "id": {"inf": "max"}}""");
        var (start, end) = direction == "FORWARD" ? (min, max) : (max, min);
        var keys = new List<string>();
        while (true)
        {
            var page = await _api.OkAsync("GetRange", $$"""
                {"tableName": "orders", "direction": "{{direction}}", "limit": 100,
                 "inclusiveStartPrimaryKey": {{start}}, "exclusiveEndPrimaryKey": {{end}}}
                """);
            keys.AddRange(page["rows"]!.AsArray().Select(r => r!["primaryKey"]!.ToJsonString()));
            Assert.True(page.AsObject().ContainsKey("nextStartPrimaryKey"));
            if (page["nextStartPrimaryKey"] is not { } next)
                return keys;
            start = next.ToJsonString();
        }
    }

    [Fact]
    public async Task BatchWriteRow_reports_each_row_and_commits_only_the_good_ones()
    {
        var result = await _api.OkAsync("BatchWriteRow", """
            {"tables": [{"tableName": "orders", "rows": [
                {"type": "PUT", "primaryKey": {"shop": "s", "id": 1}, "columns": {"a": 1}, "returnPrimaryKey": true},
                {"type": "UPDATE", "primaryKey": {"shop": "s", "id": 2}, "put": {"a": 1}, "condition": "EXPECT_EXIST"},
                {"type": "PUT", "primaryKey": {"shop": "s", "id": "not a number"}, "columns": {"a": 1}}]},
              {"tableName": "missing", "rows": [{"type": "DELETE", "primaryKey": {"k": 1}}]}]}
            """);

        var orders = result["tables"]![0]!["rows"]!.AsArray();
        Assert.True((bool)orders[0]!["isOk"]!);
        Assert.Equal("""{"shop":"s","id":1}""", orders[0]!["primaryKey"]!.ToJsonString());
        Assert.Equal("OTSConditionCheckFail", (string?)orders[1]!["error"]!["code"]);
        Assert.Equal("OTSParameterInvalid", (string?)orders[2]!["error"]!["code"]);
        Assert.Contains("'id' is INTEGER, not STRING", (string?)orders[2]!["error"]!["message"]);
        Assert.Equal("OTSObjectNotExist", (string?)result["tables"]![1]!["rows"]![0]!["error"]!["code"]);
        var described = await _api.OkAsync("DescribeTable", """{"tableName": "orders"}""");
        Assert.Equal(1, (long)described["rowCount"]!);
    }

    [Fact]
    public async Task A_batch_that_names_a_row_twice_is_rejected_and_writes_nothing()
    {
        var response = await _api.CallAsync("BatchWriteRow", """
            {"tables": [{"tableName": "orders", "rows": [
                {"type": "PUT", "primaryKey": {"shop": "s", "id": 1}, "columns": {"a": 1}},
                {"type": "DELETE", "primaryKey": {"shop": "s", "id": 1}}]}]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("more than once", response.Message);
        var described = await _api.OkAsync("DescribeTable", """{"tableName": "orders"}""");
        Assert.Equal(0, (long)described["rowCount"]!);
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();
}

using System.Globalization;
using System.Text.Json.Nodes;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;
using DeliveryConsole.Web.Tests.Delivery;
using DeliveryConsole.Web.Tests.Hosting;
using DeliveryConsole.Web.BucketBrowsing;

namespace DeliveryConsole.Web.Tests.Wire.Sdk;

/// <summary>
/// The real npm SDK writes rows through the wire endpoint of a running console (tests/sdk-node/rows.js); the same
/// rows then read back identically through the JSON API, and a BASE_INC delivery task puts them into Parquet with
/// every value intact (read with DuckDB).
/// </summary>
public class NodeSdkRowTests
{
    private const string Table = "sdk_rows";
    private const string Bucket = "sdk-lake";
    private const string Task = "sdk-task";
    private const string Prefix = "sdk/$yyyy$MM$dd";

    /// <summary>The delivered columns and their Parquet types (binary has no Parquet type in delivery: blob stays out).</summary>
    private static readonly (string Column, string Type)[] Schema =
    [
        ("id", "UTF8"), ("seq", "INT64"), ("name", "UTF8"), ("qty", "INT64"), ("big", "INT64"),
        ("price", "DOUBLE"), ("active", "BOOL"), ("extra", "UTF8"),
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_the_npm_sdk_writes_read_back_through_the_json_api_and_arrive_in_parquet()
    {
        await using var sdk = await NodeSdk.StartAsync();

        var summary = await sdk.RunAsync("rows.js", Cancel);

        Assert.True((bool)summary["ok"]!);
        Assert.Equal("[true,true,true,true,false,true,true]", summary["batchIsOk"]!.ToJsonString());
        var conditionFailed = """{"status":403,"code":"OTSConditionCheckFail"}""";
        foreach (var error in new[] { "putTwice", "columnFails", "missingFails", "deleteTwice" })
            Assert.Equal(conditionFailed, summary["errors"]![error]!.ToJsonString());
        var generated = summary["generated"]!.AsArray().Select(g => long.Parse((string)g!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(generated[0] < generated[1] && generated[1] < generated[2], $"generated seq values do not increase: {string.Join(", ", generated)}");
        var written = Canonical(summary["rows"]!.AsArray().Select(row => Typed(row!)));
        Assert.Equal(["alice", "carol", "dave"], written.Select(r => r.Key["id"]["str:".Length..]));

        using var http = AppProcess.KeyedClient(sdk.Endpoint);
        var api = new ApiClient(http);
        var range = await api.OkAsync("GetRange", $$$$"""
            {"tableName": "{{{{Table}}}}", "direction": "FORWARD",
             "inclusiveStartPrimaryKey": {"id": {"inf": "min"}, "seq": {"inf": "min"}},
             "exclusiveEndPrimaryKey": {"id": {"inf": "max"}, "seq": {"inf": "max"}}}
            """);
        Assert.Null(range["nextStartPrimaryKey"]);
        AssertSameRows(written, Canonical(range["rows"]!.AsArray().Select(row => FromJsonApi(row!))), "the JSON API's GetRange");

        await api.OkAsync("CreateBucket", new JsonObject { ["endpoint"] = DeliveryRequests.Endpoint, ["bucket"] = Bucket }.ToJsonString());
        await api.OkAsync("CreateDeliveryTask", CreateTask().ToJsonString());
        var described = await api.DescribeUntilAsync(Table, Task, $"{written.Count} rows delivered",
            d => (long)d["emulator"]!["rowsDelivered"]! >= written.Count);
        Assert.Equal(written.Count, (long)described["emulator"]!["rowsDelivered"]!);

        var delivered = await ReadDeliveredAsync(http, api);
        AssertSameRows(Canonical(written.Select(Deliverable)), Canonical(delivered), "the delivered Parquet");
    }

    /// <summary>A row as key and columns, each value as <c>&lt;type&gt;:&lt;text&gt;</c> (rows.js's form).</summary>
    private sealed record TypedRow(Dictionary<string, string> Key, Dictionary<string, string> Columns)
    {
        public override string ToString() =>
            $"{string.Join(", ", Key.Select(k => $"{k.Key}={k.Value}"))} | {string.Join(", ", Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}";
    }

    private static TypedRow Typed(JsonNode row) => new(
        row["primaryKey"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!),
        row["columns"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!));

    /// <summary>A row of the JSON API (values in its encoding, see <see cref="ValueJsonConverter"/>) in the typed form.</summary>
    private static TypedRow FromJsonApi(JsonNode row) => new(
        row["primaryKey"]!.AsObject().ToDictionary(p => p.Key, p => JsonApiValue(p.Value!)),
        row["columns"]!.AsObject().ToDictionary(p => p.Key, p => JsonApiValue(p.Value!)));

    private static string JsonApiValue(JsonNode value) => value switch
    {
        JsonObject escaped when escaped["binary"] is { } binary => "bin:" + (string)binary!,
        JsonObject escaped => throw new InvalidOperationException($"unexpected value {escaped.ToJsonString()}"),
        JsonValue text when text.TryGetValue<string>(out var s) => "str:" + s,
        JsonValue flag when flag.TryGetValue<bool>(out var b) => b ? "bool:true" : "bool:false",
        // The API writes a DOUBLE with a '.' or an exponent, an INTEGER without.
        _ when value.ToJsonString() is var number && number.IndexOfAny(['.', 'e', 'E']) < 0 => "int:" + number,
        _ => "dbl:" + value.ToJsonString(),
    };

    /// <summary>The written row as delivery shows it: the schema's columns, absent ones null.</summary>
    private static TypedRow Deliverable(TypedRow row)
    {
        var all = row.Key.Concat(row.Columns).ToDictionary();
        return new(new() { ["id"] = all["id"], ["seq"] = all["seq"] },
            Schema.Skip(2).ToDictionary(c => c.Column, c => all.GetValueOrDefault(c.Column, "null")));
    }

    /// <summary>Doubles written the one way (round-trip format), so "dbl:1e-300" and "dbl:1E-300" compare equal.</summary>
    private static List<TypedRow> Canonical(IEnumerable<TypedRow> rows) =>
        [.. rows.Select(r => new TypedRow(r.Key, r.Columns.ToDictionary(c => c.Key, c => c.Value.StartsWith("dbl:", StringComparison.Ordinal)
            ? "dbl:" + double.Parse(c.Value[4..], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
            : c.Value)))];

    private static void AssertSameRows(List<TypedRow> expected, List<TypedRow> actual, string where)
    {
        static string Text(List<TypedRow> rows) => string.Join("\n", rows.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.True(Text(expected) == Text(actual), $"{where} differs from what the SDK wrote.\nwritten:\n{Text(expected)}\n{where}:\n{Text(actual)}");
    }

    private static JsonObject CreateTask() => new()
    {
        ["tableName"] = Table,
        ["taskName"] = Task,
        ["taskType"] = "BASE_INC",
        ["taskConfig"] = new JsonObject
        {
            ["ossPrefix"] = Prefix,
            ["ossBucket"] = Bucket,
            ["ossEndpoint"] = DeliveryRequests.Endpoint,
            ["ossStsRole"] = DeliveryRequests.Role,
            ["schema"] = new JsonArray([.. Schema.Select(c => new JsonObject { ["columnName"] = c.Column, ["type"] = c.Type })]),
        },
        ["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 1 },
    };

    /// <summary>Every delivered object, listed and downloaded over HTTP as a user would, read with DuckDB.</summary>
    private static async Task<List<TypedRow>> ReadDeliveredAsync(HttpClient http, ApiClient api)
    {
        var listed = await api.OkAsync("ListObjects", new JsonObject { ["endpoint"] = DeliveryRequests.Endpoint, ["bucket"] = Bucket }.ToJsonString());
        var keys = listed["objects"]!.AsArray().Select(o => (string)o!["key"]!).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.StartsWith("sdk/", key, StringComparison.Ordinal));
        using var folder = new TempFolder();
        var files = new List<string>();
        foreach (var key in keys)
        {
            var path = Path.Combine(folder.Path, $"{files.Count}.parquet");
            await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync(ObjectDownload.Url(DeliveryRequests.Endpoint, Bucket, key), Cancel), Cancel);
            files.Add(DuckDb.Literal(path));
        }
        var columns = string.Join(", ", Schema.Select(c => $"\"{c.Column}\""));
        return [.. DuckDb.Query($"SELECT {columns} FROM read_parquet([{string.Join(", ", files)}])").Select(values =>
        {
            var typed = Schema.Select((c, i) => (c.Column, Value: ParquetValue(values[i]))).ToList();
            return new TypedRow(typed.Take(2).ToDictionary(t => t.Column, t => t.Value), typed.Skip(2).ToDictionary(t => t.Column, t => t.Value));
        })];
    }

    private static string ParquetValue(object? value) => value switch
    {
        null => "null",
        string s => "str:" + s,
        long l => "int:" + l.ToString(CultureInfo.InvariantCulture),
        double d => "dbl:" + d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "bool:true" : "bool:false",
        _ => throw new InvalidOperationException($"unexpected Parquet value {value} ({value.GetType().Name})"),
    };
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Tests.Fuzz;

/// <summary>
/// Sends <see cref="RequestsPerOperation"/> mutated bodies (see <see cref="JsonFuzzer"/>, fixed seeds) to every
/// operation, each against its own console: never a 5xx, always <c>x-ots-requestid</c>, an error body with code and
/// message on every non-200, the process still answers afterwards, and rejected requests change nothing.
/// </summary>
public class ApiFuzzTests
{
    private const int RequestsPerOperation = 10_000;
    private const int Window = 25;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // State check. The generator mutates valid bodies, so a mutation can still be a valid write (a new row key, a
    // condition of IGNORE, a new bucket name...); those must change state and cannot be told apart in advance. So
    // the run is cut into windows of Window requests with a state digest at each boundary: a window in which no
    // write was accepted (every write answered non-200, or BatchWriteRow with no row isOk) must leave the digest
    // exactly as it was; a window with an accepted write only re-takes the baseline. Every rejected request thus
    // gets checked unless it shares a window with an accepted write, and no accepted write can cause a false
    // failure. Read operations never count as accepted writes, so for them every window is checked.
    [Theory]
    [InlineData("CreateTable", 1001)]
    [InlineData("ListTable", 1002)]
    [InlineData("DescribeTable", 1003)]
    [InlineData("UpdateTable", 1004)]
    [InlineData("DeleteTable", 1005)]
    [InlineData("PutRow", 1006)]
    [InlineData("UpdateRow", 1007)]
    [InlineData("DeleteRow", 1008)]
    [InlineData("GetRow", 1009)]
    [InlineData("BatchWriteRow", 1010)]
    [InlineData("GetRange", 1011)]
    [InlineData("ListEndpoints", 1012)]
    [InlineData("CreateBucket", 1013)]
    [InlineData("ListBuckets", 1014)]
    [InlineData("ListObjects", 1015)]
    [InlineData("CreateDeliveryTask", 1016)]
    [InlineData("ListDeliveryTask", 1017)]
    [InlineData("DescribeDeliveryTask", 1018)]
    [InlineData("DeleteDeliveryTask", 1019)]
    [InlineData("UpdateDeliveryTask", 1020)]
    public async Task Mutated_bodies_never_get_a_5xx_and_rejected_ones_change_nothing(string operation, int seed)
    {
        await using var console = new ConsoleFactory();
        using var http = console.CreateClient();
        var delivery = FuzzTemplates.DeliveryOperations.Contains(operation);
        await SetUpAsync(http, delivery);
        var fuzzer = new JsonFuzzer(new Random(seed));
        var template = FuzzTemplates.For(operation);
        var isWrite = FuzzTemplates.WriteOperations.Contains(operation);
        var clock = Stopwatch.StartNew();
        var baseline = await DigestAsync(http, delivery);
        var window = new List<string>();
        var (accepted, dirty) = (0, false);

        for (var i = 1; i <= RequestsPerOperation; i++)
        {
            var body = fuzzer.Next(template);
            var (status, json) = await SendAsync(http, operation, body);
            window.Add($"{status} {Show(body)}");
            if (status == 200 && isWrite && (operation != "BatchWriteRow" || AnyRowOk(json)))
                (accepted, dirty) = (accepted + 1, true);
            if (i % Window != 0 && i != RequestsPerOperation)
                continue;
            var now = await DigestAsync(http, delivery);
            Assert.True(dirty || now == baseline,
                $"{operation}: rejected requests changed state.\nRequests:\n{string.Join("\n", window)}\nBefore: {Show(baseline)}\nAfter: {Show(now)}");
            (baseline, dirty) = (now, false);
            window.Clear();
        }

        Assert.Equal(200, (await SendAsync(http, "ListTable", "{}"u8.ToArray())).Status);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{operation}: {RequestsPerOperation} requests, {accepted} accepted writes, {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task SetUpAsync(HttpClient http, bool delivery)
    {
        string[] setup =
        [
            "CreateTable", """{"tableName":"t","primaryKey":[{"name":"k","type":"STRING"},{"name":"n","type":"INTEGER"}]}""",
            "PutRow", """{"tableName":"t","primaryKey":{"k":"a","n":1},"columns":{"c":"x","d":{"binary":"AAE="}}}""",
            "PutRow", """{"tableName":"t","primaryKey":{"k":"b","n":2},"columns":{"c":1,"e":1.5}}""",
            "PutRow", """{"tableName":"t","primaryKey":{"k":"c","n":3},"columns":{"f":true}}""",
            "CreateBucket", $$"""{"endpoint":"{{FuzzTemplates.Endpoint}}","bucket":"fuzz"}""",
        ];
        for (var i = 0; i < setup.Length; i += 2)
            Assert.Equal(200, (await SendAsync(http, setup[i], Encoding.UTF8.GetBytes(setup[i + 1]))).Status);
        if (delivery)
            Assert.Equal(200, (await SendAsync(http, "CreateDeliveryTask", Encoding.UTF8.GetBytes(FuzzTemplates.DeliveryTask))).Status);
    }

    /// <summary>
    /// What a rejected request must not change: tables, t's description and rows (every version), buckets, and for
    /// the delivery operations the delivery tasks (their list, and fuzz-task's config and config versions: the rest
    /// of a description moves on as the task runs).
    /// </summary>
    private static async Task<string> DigestAsync(HttpClient http, bool delivery)
    {
        var digest = new StringBuilder();
        async Task<JsonElement> Add(string operation, string body)
        {
            var (status, json) = await SendAsync(http, operation, Encoding.UTF8.GetBytes(body));
            digest.Append(operation).Append(' ').Append(status).Append(' ')
                .Append(status == 200 ? json.GetRawText() : json.GetProperty("code").GetString()).Append('\n');
            return json;
        }
        await Add("ListTable", "{}");
        await Add("DescribeTable", """{"tableName":"t"}""");
        var start = """{"k":{"inf":"min"},"n":{"inf":"min"}}""";
        for (var page = 0; page < 1000; page++)
        {
            var range = await Add("GetRange", $$$"""
                {"tableName":"t","direction":"FORWARD","inclusiveStartPrimaryKey":{{{start}}},
                 "exclusiveEndPrimaryKey":{"k":{"inf":"max"},"n":{"inf":"max"}},"maxVersions":100,"withTimestamps":true}
                """);
            if (!range.TryGetProperty("nextStartPrimaryKey", out var next) || next.ValueKind != JsonValueKind.Object)
                break;
            start = next.GetRawText();
        }
        await Add("ListBuckets", $$"""{"endpoint":"{{FuzzTemplates.Endpoint}}"}""");
        if (delivery)
        {
            await Add("ListDeliveryTask", "{}");
            var (status, task) = await SendAsync(http, "DescribeDeliveryTask", """{"tableName":"t","taskName":"fuzz-task"}"""u8.ToArray());
            if (status == 200)
                digest.Append(task.GetProperty("taskConfig").GetRawText()).Append(task.GetProperty("taskType").GetRawText())
                    .Append(task.GetProperty("emulator").GetProperty("configVersions").GetArrayLength()).Append('\n');
        }
        return digest.ToString();
    }

    /// <summary>Posts raw bytes and checks the envelope every answer must have.</summary>
    private static async Task<(int Status, JsonElement Json)> SendAsync(HttpClient http, string operation, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"/api/{operation}", content, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var status = (int)response.StatusCode;
        var context = $"{operation} <- {Show(body)}\n-> {status} {Show(text)}";
        Assert.True(status < 500, $"5xx: {context}");
        Assert.True(response.Headers.TryGetValues(ServiceErrors.RequestIdHeader, out var ids) && ids.Single().Length > 0, $"no request id: {context}");
        JsonElement json;
        try { json = JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { Assert.Fail($"body is not JSON: {context}"); throw; }
        if (status != 200)
            Assert.True(json.ValueKind == JsonValueKind.Object
                && json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                && json.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String,
                $"error body without code and message: {context}");
        return (status, json);
    }

    private static bool AnyRowOk(JsonElement json) => json.GetProperty("tables").EnumerateArray()
        .SelectMany(t => t.GetProperty("rows").EnumerateArray()).Any(r => r.GetProperty("isOk").GetBoolean());

    private static string Show(byte[] body) => Show(Encoding.UTF8.GetString(body));

    private static string Show(string text) => text.Length <= 400 ? text : $"{text[..400]}... ({text.Length} chars)";
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Tests.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeliveryConsole.Web.Tests.Security;

/// <summary>
/// Secrets never appear in logs, the catalog, API responses or rendered pages: a realistic session with two S3
/// endpoints (one with a wrong secret, so requests fail and the failure is logged and recorded) and the instance
/// access key, then a scan of everything the console said or stored for every secret value and its base64 forms.
/// </summary>
public class SecretsScanTests
{
    private const string Local = ConsoleOptions.DefaultEndpoint;
    private const string WrongSecret = "Wr0ng-S3cret-5f0c2a9e71d4b8e6-must-not-leak";
    private const string ConsoleKeyId = "ConsoleKeyId3a7c91e5";
    private const string ConsoleKeySecret = "ConsoleKeySecret-8d2b6e4a1c9f7350-must-not-leak";
    private const string Table = "orders";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_secret_appears_in_logs_api_answers_pages_or_the_data_folder_after_a_session_that_used_them()
    {
        var (url, key, secret) = Requires.S3Server();
        var settings = new Dictionary<string, string?>
        {
            [$"Console:Endpoints:{Local}:Kind"] = "local",
            ["Console:Endpoints:swift:Kind"] = "s3", ["Console:Endpoints:swift:Url"] = url,
            ["Console:Endpoints:swift:AccessKey"] = key, ["Console:Endpoints:swift:Secret"] = secret,
            // The same server and key with a wrong secret: every request is refused (SignatureDoesNotMatch).
            ["Console:Endpoints:swift-wrong:Kind"] = "s3", ["Console:Endpoints:swift-wrong:Url"] = url,
            ["Console:Endpoints:swift-wrong:AccessKey"] = key, ["Console:Endpoints:swift-wrong:Secret"] = WrongSecret,
            ["Console:AccessKeyId"] = ConsoleKeyId, ["Console:AccessKeySecret"] = ConsoleKeySecret,
            ["Logging:LogLevel:Default"] = "Trace",
        };
        var secrets = new Dictionary<string, string>
        {
            ["the S3 endpoint's secret"] = secret,
            ["the wrong S3 secret"] = WrongSecret,
            ["Console:AccessKeySecret"] = ConsoleKeySecret,
        };
        var logs = new CapturedLogs();
        await using var factory = new ConsoleFactory(settings);
        var console = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(logs)
            .AddFilter<CapturedLogs>(null, LogLevel.Trace)));
        var session = new RecordedSession(console.CreateClient());
        var bucket = $"sec-{Guid.NewGuid():N}"[..24];

        await RunSessionAsync(session, bucket);

        // Positive controls: the log capture sees the app's own lines at Trace, and the scanner finds each secret
        // where it is known to be (plain, in a base64 header, inside a binary file), so an empty result means something.
        var marker = $"secrets-scan-marker-{Guid.NewGuid():N}";
        console.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DeliveryConsole.Web.Tests.Security").LogTrace("{Marker}", marker);
        Assert.Contains(logs.Lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("Trace ", StringComparison.Ordinal));
        AssertScannerFindsEach(secrets, string.Join("\n", settings.Select(s => $"{s.Key}={s.Value}")));

        var scanner = new SecretScanner(secrets);
        foreach (var line in logs.Lines)
            scanner.ScanText("log line", "", line);
        foreach (var (request, response) in session.Answers)
            scanner.ScanText("answer to", request, response);
        foreach (var (path, html) in session.Pages)
            scanner.ScanText("page", path, html);
        scanner.ScanFolder("data file", factory.Data.Path, factory.Data.Combine("buckets"));

        Assert.True(scanner.Hits.Count == 0, $"{scanner.Hits.Count} secret(s) found:\n{string.Join("\n", scanner.Hits)}");
        Assert.True(scanner.Scanned.GetValueOrDefault("log line") > 100, "too few log lines captured");
        Assert.True(scanner.Scanned.GetValueOrDefault("page") >= 12, "too few pages rendered");
        Assert.True(scanner.Scanned.GetValueOrDefault("answer to") >= 30, "too few API answers recorded");
        var files = Directory.EnumerateFiles(factory.Data.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("catalog.db", files);
        Assert.Contains(files, f => f!.EndsWith(".sst", StringComparison.Ordinal) || f.EndsWith(".log", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_finds_a_secret_in_text_in_any_base64_alignment_and_in_a_binary_file()
    {
        var secrets = new Dictionary<string, string> { ["a secret"] = ConsoleKeySecret };
        AssertScannerFindsEach(secrets, $"x {ConsoleKeySecret} y");
        for (var pad = 0; pad < 3; pad++)
        {
            var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string(':', pad) + $"{ConsoleKeyId}:{ConsoleKeySecret}!"));
            AssertScannerFindsEach(secrets, header);
        }
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("skipped"));
        File.WriteAllBytes(folder.Combine("store.bin"), [0, 1, 2, .. Encoding.UTF8.GetBytes(ConsoleKeySecret), 255, 254]);
        File.WriteAllText(folder.Combine("skipped", "object"), ConsoleKeySecret);

        var scanner = new SecretScanner(secrets);
        scanner.ScanFolder("data file", folder.Path, folder.Combine("skipped"));

        var hit = Assert.Single(scanner.Hits);
        Assert.StartsWith("a secret in data file store.bin at byte 3", hit);
    }

    private static void AssertScannerFindsEach(Dictionary<string, string> secrets, string text)
    {
        foreach (var (name, value) in secrets)
        {
            var scanner = new SecretScanner(new Dictionary<string, string> { [name] = value });
            scanner.ScanText("control", "", text);
            Assert.True(scanner.Hits.Count > 0, $"the scanner missed {name} in: {text}");
        }
    }

    /// <summary>What a user does in a day: tables and rows, buckets on every endpoint, tasks to each, every page, some mistakes.</summary>
    private static async Task RunSessionAsync(RecordedSession session, string bucket)
    {
        await session.OkAsync("CreateTable", $$"""
            {"tableName": "{{Table}}", "primaryKey": [{"name": "id", "type": "INTEGER"}]}
            """);
        await WriteRowsAsync(session, 0, 40);
        await session.OkAsync("CreateBucket", $$"""{"endpoint": "{{Local}}", "bucket": "lake"}""");
        await session.OkAsync("CreateBucket", $$"""{"endpoint": "swift", "bucket": "{{bucket}}"}""");
        await session.FailsAsync("CreateBucket", $$"""{"endpoint": "swift-wrong", "bucket": "{{bucket}}-x"}""");

        await session.OkAsync("CreateDeliveryTask", TaskBody("to-local", Local, "lake"));
        await session.OkAsync("CreateDeliveryTask", TaskBody("to-swift", "swift", bucket));
        // The bucket exists (same account), but every request with the wrong secret is refused.
        await session.OkAsync("CreateDeliveryTask", TaskBody("to-wrong", "swift-wrong", bucket));
        await WriteRowsAsync(session, 40, 60);
        await UntilAsync(session, "to-local", d => Emulator(d, "rowsDelivered") == 100);
        await UntilAsync(session, "to-swift", d => Emulator(d, "rowsDelivered") == 100);
        var wrong = await UntilAsync(session, "to-wrong", d => (string?)d["taskSyncStat"]!["errorCode"] == "UNAUTHORIZED" && d["emulator"]!["lastError"] is not null);
        Assert.Equal(0, Emulator(wrong, "rowsDelivered"));

        await session.OkAsync("ListEndpoints", "{}");
        await session.OkAsync("ListTable", "{}");
        await session.OkAsync("DescribeTable", $$"""{"tableName": "{{Table}}"}""");
        await session.OkAsync("GetRange", $$$$"""
            {"tableName": "{{{{Table}}}}", "direction": "FORWARD", "inclusiveStartPrimaryKey": {"id": {"inf": "min"}}, "exclusiveEndPrimaryKey": {"id": {"inf": "max"}}}
            """);
        await session.OkAsync("ListDeliveryTask", "{}");
        foreach (var endpoint in new[] { Local, "swift" })
            await session.OkAsync("ListBuckets", $$"""{"endpoint": "{{endpoint}}"}""");
        await session.OkAsync("ListObjects", $$"""{"endpoint": "{{Local}}", "bucket": "lake"}""");
        await session.OkAsync("ListObjects", $$"""{"endpoint": "swift", "bucket": "{{bucket}}"}""");

        // Mistakes: refused endpoint, unknown names, bad bodies.
        await session.FailsAsync("ListBuckets", """{"endpoint": "swift-wrong"}""");
        await session.FailsAsync("ListObjects", $$"""{"endpoint": "swift-wrong", "bucket": "{{bucket}}"}""");
        await session.FailsAsync("ListObjects", """{"endpoint": "swift", "bucket": "no-such-bucket-here"}""");
        await session.FailsAsync("CreateDeliveryTask", TaskBody("to-nowhere", "nowhere", "lake").ToJsonString());
        await session.FailsAsync("CreateDeliveryTask", TaskBody("to-local", Local, "lake").ToJsonString());
        await session.FailsAsync("DescribeDeliveryTask", $$"""{"tableName": "{{Table}}", "taskName": "missing"}""");
        await session.FailsAsync("GetRow", """{"tableName": "missing", "primaryKey": {"id": 1}}""");
        await session.FailsAsync("CreateTable", $$"""{"tableName": "{{Table}}", "primaryKey": [{"name": "id", "type": "INTEGER"}]}""");
        await session.FailsAsync("PutRow", "{");
        await session.FailsAsync("ListEndpoints", """{"secret": true}""");

        foreach (var path in new[]
        {
            "/", "/tables", $"/tables/{Table}", "/delivery", $"/delivery?table={Table}", "/delivery/new",
            $"/delivery/{Table}/to-local", $"/delivery/{Table}/to-swift", $"/delivery/{Table}/to-wrong", "/buckets",
            $"/buckets/{Local}/lake", $"/buckets/swift/{bucket}", "/healthz", "/openapi/v1.json",
        })
            await session.PageAsync(path);
        // The refused endpoint's bucket page shows the failure (whatever status it answers with).
        await session.PageAsync($"/buckets/swift-wrong/{bucket}", expected: null);
        await session.PageAsync("/no/such/page", HttpStatusCode.NotFound);
    }

    private static JsonObject TaskBody(string name, string endpoint, string bucket)
    {
        var body = DeliveryRequests.Valid(name, Table);
        body.Config()["ossEndpoint"] = endpoint;
        body.Config()["ossBucket"] = bucket;
        body.Config()["schema"] = new JsonArray(new JsonObject { ["columnName"] = "id", ["type"] = "INT64" },
            new JsonObject { ["columnName"] = "name", ["type"] = "UTF8" });
        body["taskType"] = "BASE_INC";
        body["emulator"] = new JsonObject { ["flushIntervalSeconds"] = 1 };
        return body;
    }

    private static async Task WriteRowsAsync(RecordedSession session, int from, int count)
    {
        var rows = Enumerable.Range(from, count).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "PUT", ["primaryKey"] = new JsonObject { ["id"] = i }, ["columns"] = new JsonObject { ["name"] = $"order {i}" },
        });
        await session.OkAsync("BatchWriteRow", new JsonObject
        {
            ["tables"] = new JsonArray(new JsonObject { ["tableName"] = Table, ["rows"] = new JsonArray([.. rows]) }),
        });
    }

    private static long Emulator(JsonNode described, string field) => (long)described["emulator"]![field]!;

    private static Task<JsonNode> UntilAsync(RecordedSession session, string task, Func<JsonNode, bool> reached) =>
        Eventually.UntilAsync(() => session.OkAsync("DescribeDeliveryTask", $$"""{"tableName": "{{Table}}", "taskName": "{{task}}"}"""), reached,
            described => $"task {task} did not get there; last: {described.ToJsonString()}");
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>
/// Writes to the table through the console's JSON API the whole time the console is killed and restarted: PutRow,
/// UpdateRow (puts, sometimes a whole-column delete), DeleteRow and BatchWriteRow mixing the three, on new keys,
/// pre-loaded keys and keys it wrote before. Each put or update carries a unique <c>n</c>; a write counts as
/// acknowledged only once its response said OK, so every acknowledged write must be in the table's change log.
/// A request the kill cut off was not acknowledged (it may or may not have committed: the oracle reads the log).
/// </summary>
public sealed class KillWriter(string tableName, int preloadedRows, int seed)
{
    /// <summary>Writer values of n start here; pre-loaded rows have n below it.</summary>
    public const long FirstId = 1_000_000_000_000;

    private readonly Random _random = new(seed);
    private readonly ConcurrentBag<long> _acknowledgedIds = [];
    private readonly ConcurrentBag<string> _acknowledgedDeletes = [];
    private readonly List<string> _failures = [];
    private HttpClient? _http;
    private long _nextId = FirstId;
    private int _cutOff;

    /// <summary>The n values of acknowledged puts and updates.</summary>
    public IReadOnlyCollection<long> AcknowledgedIds => _acknowledgedIds;

    /// <summary>The keys of acknowledged row deletes.</summary>
    public IReadOnlyCollection<string> AcknowledgedDeletes => _acknowledgedDeletes;

    /// <summary>Requests that failed with an answer (not a cut connection): none are expected.</summary>
    public IReadOnlyList<string> Failures
    {
        get { lock (_failures) return [.. _failures]; }
    }

    /// <summary>Requests cut off by a kill.</summary>
    public int CutOff => Volatile.Read(ref _cutOff);

    /// <summary>When the last write was acknowledged (UTC).</summary>
    public DateTimeOffset LastAcknowledged { get; private set; }

    /// <summary>Writes go to this console from now on; null while it is down.</summary>
    public void Attach(HttpClient? http) => Volatile.Write(ref _http, http);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var http = Volatile.Read(ref _http);
            try
            {
                if (http is null)
                    await Task.Delay(20, stop);
                else
                {
                    await WriteOneAsync(http, stop);
                    await Task.Delay(_random.Next(2, 8), stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or ObjectDisposedException)
            {
                // The console was killed under this request: never acknowledged. Wait for the next one.
                Interlocked.Increment(ref _cutOff);
                Interlocked.CompareExchange(ref _http, null, http);
            }
        }
    }

    private async Task WriteOneAsync(HttpClient http, CancellationToken stop)
    {
        var roll = _random.Next(100);
        if (roll < 45)
        {
            var rows = new JsonArray();
            var acks = new List<Action>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var count = _random.Next(10, 60);
            for (var i = 0; i < count; i++)
            {
                // A batch names each row once (the store rejects a batch that names one twice).
                string key;
                do
                    key = RandomKey();
                while (!keys.Add(key));
                var (row, ack) = RandomRow(key);
                rows.Add(row);
                acks.Add(ack);
            }
            var body = new JsonObject { ["tables"] = new JsonArray(new JsonObject { ["tableName"] = tableName, ["rows"] = rows }) };
            var result = await PostAsync(http, "BatchWriteRow", body, stop);
            if (result is null)
                return;
            var results = result["tables"]![0]!["rows"]!.AsArray();
            for (var i = 0; i < results.Count; i++)
            {
                if ((bool)results[i]!["isOk"]!)
                    acks[i]();
                else
                    Fail($"BatchWriteRow row {i}: {results[i]!.ToJsonString()}");
            }
            LastAcknowledged = DateTimeOffset.UtcNow;
        }
        else
        {
            var (row, ack) = RandomRow(RandomKey());
            var type = (string)row["type"]!;
            row.Remove("type");
            row["tableName"] = tableName;
            var operation = type switch { "PUT" => "PutRow", "UPDATE" => "UpdateRow", _ => "DeleteRow" };
            if (await PostAsync(http, operation, row, stop) is null)
                return;
            ack();
            LastAcknowledged = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>A row write as a BatchWriteRow row (type, primaryKey and its fields) and what acknowledging it records.</summary>
    private (JsonObject Row, Action Acknowledge) RandomRow(string key)
    {
        var roll = _random.Next(100);
        if (roll < 8)
        {
            var delete = new JsonObject { ["type"] = "DELETE", ["primaryKey"] = new JsonObject { ["id"] = key } };
            return (delete, () => _acknowledgedDeletes.Add(key));
        }
        var id = Interlocked.Increment(ref _nextId);
        var columns = new JsonObject { ["n"] = id };
        if (_random.Next(4) != 0)
            columns["s"] = _random.Next(40) == 0 ? JsonValue.Create(_random.Next()) : $"w-{id}-{_random.Next(1_000_000):D6}-ü";
        if (_random.Next(4) != 0)
            columns["d"] = new JsonObject { ["double"] = Math.Round(_random.NextDouble() * 1e6, 3) };
        if (_random.Next(4) != 0)
            columns["b"] = _random.Next(40) == 0 ? JsonValue.Create("yes") : JsonValue.Create(_random.Next(2) == 0);
        JsonObject row;
        if (roll < 55)
            row = new JsonObject { ["type"] = "PUT", ["primaryKey"] = new JsonObject { ["id"] = key }, ["columns"] = columns };
        else
        {
            row = new JsonObject { ["type"] = "UPDATE", ["primaryKey"] = new JsonObject { ["id"] = key }, ["put"] = columns };
            var notPut = new[] { "s", "d", "b" }.Where(c => !columns.ContainsKey(c)).ToList();
            if (notPut.Count > 0 && _random.Next(3) == 0)
                row["deleteAll"] = new JsonArray(JsonValue.Create(notPut[_random.Next(notPut.Count)]));
        }
        return (row, () => _acknowledgedIds.Add(id));
    }

    /// <summary>Half new keys, the rest pre-loaded keys or keys written before.</summary>
    private string RandomKey()
    {
        var roll = _random.Next(10);
        if (roll < 5)
            return "w" + (Interlocked.Read(ref _nextId) + 1).ToString(CultureInfo.InvariantCulture);
        if (roll < 8)
            return KillTable.PreloadKey(_random.Next(preloadedRows));
        return "w" + (FirstId + 1 + _random.NextInt64(Math.Max(1, Interlocked.Read(ref _nextId) - FirstId))).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<JsonNode?> PostAsync(HttpClient http, string operation, JsonObject body, CancellationToken stop)
    {
        using var response = await http.PostAsync($"/api/{operation}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), stop);
        var text = await response.Content.ReadAsStringAsync(stop);
        if (response.StatusCode == HttpStatusCode.OK)
            return JsonNode.Parse(text);
        Fail($"{operation}: {(int)response.StatusCode} {text}");
        return null;
    }

    private void Fail(string message)
    {
        lock (_failures)
        {
            if (_failures.Count < 20)
                _failures.Add(message);
        }
    }
}

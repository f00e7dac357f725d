using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeliveryConsole.Catalog;
using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Tests.Engine;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>
/// Crash safety of delivery (issue 5): the console runs as a child process delivering a BASE_INC task while a writer
/// writes through the JSON API, and is killed with SIGKILL at random moments (in FULL, around the switch to INCR,
/// in INCR) and started again, over and over. Meanwhile the bucket is watched: no object is ever rewritten with other
/// content, none disappears. At the end every committed change (the oracle reads the table's change log) is in the
/// delivered Parquet objects (read with DuckDB) exactly once, and every acknowledged write is in the change log.
/// Every start after the first also updates the task (UpdateDeliveryTask: column n's encoding flips), so kills hit
/// objects of every config version, before, during and after a switch; each object must be written in the encoding
/// of the version the catalog says wrote it.
/// </summary>
public class DeliveryKillTests
{
    /// <summary>
    /// Enough rows that FULL, with 1 MiB objects, has room for the plan's kills at points of its scan: an S3 endpoint's
    /// uploads make FULL many times slower under kills than a local folder's, so it needs fewer rows.
    /// </summary>
    private static int PreloadRows(string kind) => kind == "s3" ? 600_000 : 1_500_000;
    private const int MinKills = 20;
    private const int MinKillsPerPhase = 3;

    /// <summary>Kills go on past <see cref="MinKills"/> until INCR has had this many.</summary>
    private const int WantedIncrKills = 10;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Kill(int Cycle, DateTimeOffset At, int AfterMs, string Phase, TaskProgress? Last, string Note)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"kill {Cycle + 1,2} at {At:HH:mm:ss.fff} UTC: {AfterMs,6} ms after listening, {Phase,-5} {Last?.ToString() ?? "no answer"}{Note}");
    }

    [Theory]
    [InlineData("local")]
    [InlineData("s3")]
    public async Task Every_committed_change_is_delivered_exactly_once_across_sigkills(string kind)
    {
        var s3 = kind == "s3" ? Requires.S3Server() : default;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DELIVERY_KILL_SEED"), out var given) ? given : Random.Shared.Next();
        var log = new KillLog();
        log.Line($"endpoint kind {kind}, seed {seed} (set DELIVERY_KILL_SEED to repeat the choices)");
        var total = Stopwatch.StartNew();
        using var data = new TempFolder();

        var preloadRows = PreloadRows(kind);
        KillTable.Preload(data.Combine("tables"), preloadRows);
        log.Line($"pre-loaded {preloadRows:N0} rows in {total.Elapsed.TotalSeconds:F1} s");

        var endpoint = kind == "s3" ? "s3" : ConsoleOptions.DefaultEndpoint;
        var bucketName = kind == "s3" ? "kill-" + Guid.NewGuid().ToString("N")[..12] : "kill-lake";
        var environment = new Dictionary<string, string>
        {
            ["Console__DataFolder"] = data.Path,
            ["Console__FlushSizeMiB"] = "1",
            ["Console__FlushIntervalSeconds"] = "1",
        };
        if (kind == "s3")
        {
            environment["Console__Endpoints__s3__Kind"] = "s3";
            environment["Console__Endpoints__s3__Url"] = s3.Url;
            environment["Console__Endpoints__s3__AccessKey"] = s3.AccessKey;
            environment["Console__Endpoints__s3__Secret"] = s3.Secret;
        }
        using IKillBucket bucket = kind == "s3"
            ? new S3KillBucket(new EndpointOptions { Kind = "s3", Url = s3.Url, AccessKey = s3.AccessKey, Secret = s3.Secret }, bucketName)
            : new LocalKillBucket(data.Combine("buckets", endpoint, bucketName));

        var plan = new KillPlan(new Random(seed));
        var watch = new ObjectWatch(bucket);
        var writer = new KillWriter(KillTable.Name, preloadRows, seed);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        Task? watching = null;
        Task? writing = null;
        var kills = new List<Kill>();
        JsonNode? final;
        try
        {
            for (var cycle = 0; ; cycle++)
            {
                await using var app = KillConsole.Start(data.Path, environment);
                var url = await app.ListeningAsync();
                var listening = Stopwatch.StartNew();
                using var http = AppProcess.KeyedClient(url, KillConsole.HangLimit);
                if (cycle == 0)
                {
                    await KillConsole.OkAsync(http, "CreateBucket", new JsonObject { ["endpoint"] = endpoint, ["bucket"] = bucketName });
                    await KillConsole.OkAsync(http, "CreateDeliveryTask", KillTable.CreateTask(endpoint, bucketName));
                    watching = Task.Run(() => watch.RunAsync(stopWatching.Token), CancellationToken.None);
                    writing = Task.Run(() => writer.RunAsync(stopWriting.Token), CancellationToken.None);
                }
                writer.Attach(http);
                if (cycle > 0)
                    await KillConsole.OkAsync(http, "UpdateDeliveryTask", KillTable.UpdateTask(endpoint, bucketName, cycle + 1));

                // Describe until the task has made the progress this kill aims at, then on through the jitter: the
                // phase of the kill is the one described just before it.
                var aim = plan.Next(cycle);
                TaskProgress? last = null;
                string? previousPhase = null;
                async Task<TaskProgress?> DescribeAsync()
                {
                    if (await KillConsole.TryDescribeAsync(http) is { } described)
                        (previousPhase, last) = (last?.Phase, TaskProgress.Of(described));
                    return last;
                }
                await Eventually.UntilAsync(DescribeAsync, aim.Reached,
                    progress => $"kill {cycle + 1} waits for {aim}; the task is at {progress?.ToString() ?? "no answer yet"}", KillConsole.HangLimit);
                var killAt = listening.Elapsed + aim.Jitter;
                while (listening.Elapsed < killAt)
                {
                    await DescribeAsync();
                    await Task.Delay(50, Cancel);
                }
                await app.KillAsync();
                var at = DateTimeOffset.UtcNow;
                var afterMs = (int)listening.ElapsedMilliseconds;
                writer.Attach(null);
                foreach (var line in KillConsole.Problems(app.Output))
                    log.Line("  console: " + line);

                // Just after a start the status shows INIT with zero counts until the task has loaded its checkpoint.
                var phase = last?.Phase ?? "none";
                if (phase == "INIT" && kills.Any(k => k.Phase is "FULL" or "INCR"))
                    phase = "START";
                var note = aim.Note;
                if (phase == "INCR" && previousPhase == "FULL" && !note.Contains("switch", StringComparison.Ordinal))
                    note += " (just after the switch)";
                var kill = new Kill(cycle, at, afterMs, phase, last, note);
                kills.Add(kill);
                log.Line(kill.ToString());

                // FULL's kills came before INCR (or never will): the assertions below count them.
                if (kills.Count >= MinKills && kills.Count(k => k.Phase == "INCR") >= WantedIncrKills)
                    break;
            }

            await stopWriting.CancelAsync();
            await writing!;
            log.Line($"writer stopped: {writer.AcknowledgedIds.Count:N0} puts/updates and {writer.AcknowledgedDeletes.Count:N0} deletes acknowledged, " +
                $"{writer.CutOff} requests cut off by kills");

            // Once more, without a kill: wait until every change committed before the writer stopped is delivered.
            await using (var app = KillConsole.Start(data.Path, environment))
            {
                using var http = AppProcess.KeyedClient(await app.ListeningAsync(), KillConsole.HangLimit);
                var catchingUp = Stopwatch.StartNew();
                final = await KillConsole.WaitCaughtUpAsync(http, writer.LastAcknowledged);
                log.Line($"caught up {catchingUp.Elapsed.TotalSeconds:F1} s after the last start listened");
                await app.KillAsync();
                foreach (var line in KillConsole.Problems(app.Output))
                    log.Line("  console: " + line);
            }
        }
        finally
        {
            await stopWriting.CancelAsync();
            await stopWatching.CancelAsync();
            if (writing is not null)
                await writing;
            if (watching is not null)
                await watching;
        }

        var objects = await watch.FinalPassAsync(Cancel);
        log.Line($"bucket: {objects.Count} objects, {objects.Values.Sum(b => (long)b.Length):N0} bytes; {watch.Passes} listings while running, " +
            $"{watch.RewritesSameContent} objects written again with the same content, {watch.ListFailures} listings failed ({watch.LastListFailure})");

        // The oracle: the table's change log and the snapshot point the task recorded.
        var catalog = await ReadCatalogAsync(data.Path);
        List<string> expected;
        var loggedIds = new Dictionary<long, ChangeRecord>();
        HashSet<string> loggedDeletes = [];
        using (var store = new TableStoreSet(new TableStoreOptions { Folder = data.Combine("tables") }))
        {
            expected = KillTable.ExpectedRows(store.ChangeLog, catalog.SnapshotSequence, catalog.SnapshotTime);
            foreach (var change in AllChanges(store.ChangeLog))
            {
                if (change.Action == ChangeAction.DeleteRow)
                    loggedDeletes.Add(change.PrimaryKey[0].Value.AsString);
                foreach (var column in change.Columns)
                {
                    if (column is { Name: "n", Type: ColumnChangeType.Put, Value: { Kind: DeliveryConsole.TableStore.Model.ValueKind.Integer } value }
                        && value.AsInteger >= KillWriter.FirstId)
                        loggedIds[value.AsInteger] = change;
                }
            }
        }
        // The oracle's model of 1.5 million rows is garbage now: give its memory back before DuckDB reads as many.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var delivered = ReadDelivered(kind == "s3" ? data.Combine("downloaded") : ((LocalKillBucket)bucket).Folder, objects, writeFirst: kind == "s3");

        var byPhase = kills.GroupBy(k => k.Phase).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        log.Line($"{kills.Count} kills: {string.Join(", ", byPhase)}; {kills.Count(k => k.Note.Contains("switch", StringComparison.Ordinal))} around the switch");
        log.Line($"expected {expected.Count:N0} rows (snapshot after change {catalog.SnapshotSequence}), delivered {delivered.Count:N0} rows; " +
            $"final status: rowsDelivered {(long)final!["emulator"]!["rowsDelivered"]!:N0}, objectsWritten {(long)final["emulator"]!["objectsWritten"]!}");
        log.Line($"total {total.Elapsed.TotalSeconds:F1} s");

        if (kind == "s3")
            await ((S3KillBucket)bucket).DeleteAllAsync(Cancel);

        Assert.Empty(watch.Violations);
        Assert.Empty(writer.Failures);
        Assert.True(kills.Count >= MinKills, $"only {kills.Count} kills");
        Assert.True(kills.Count(k => k.Phase == "FULL") >= MinKillsPerPhase, "too few kills in FULL: grow the pre-loaded table");
        Assert.True(kills.Count(k => k.Phase == "INCR") >= WantedIncrKills, "too few kills in INCR");
        var unlogged = writer.AcknowledgedIds.Where(id => !loggedIds.ContainsKey(id)).Take(10).ToList();
        Assert.True(unlogged.Count == 0, $"acknowledged writes missing from the change log: n = {string.Join(", ", unlogged)}");
        var unloggedDeletes = writer.AcknowledgedDeletes.Where(key => !loggedDeletes.Contains(key)).Take(10).ToList();
        Assert.True(unloggedDeletes.Count == 0, $"acknowledged deletes missing from the change log: {string.Join(", ", unloggedDeletes)}");
        AssertExactlyOnce(expected, delivered, catalog, loggedIds);
        Assert.True(catalog.PendingIntents.Count == 0, $"uploads recorded and never committed: {string.Join(", ", catalog.PendingIntents)}");
        Assert.Equal(objects.Keys.Order(StringComparer.Ordinal), catalog.Objects.Select(o => o.Key).Order(StringComparer.Ordinal));
        var rowsInFiles = delivered.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => (long)g.Count());
        var miscounted = catalog.Objects.Where(o => rowsInFiles.GetValueOrDefault(o.Key) != o.Rows)
            .Select(o => $"{o.Key}: catalog {o.Rows}, file {rowsInFiles.GetValueOrDefault(o.Key)}").ToList();
        Assert.True(miscounted.Count == 0, $"objects whose rows differ from the catalog's count: {string.Join("; ", miscounted.Take(10))}");
        Assert.Equal(expected.Count, (long)final!["emulator"]!["rowsDelivered"]!);
        Assert.Equal(objects.Count, (long)final["emulator"]!["objectsWritten"]!);
        AssertWrittenWithTheirVersion(kind == "s3" ? data.Combine("downloaded") : ((LocalKillBucket)bucket).Folder, catalog, log);
    }

    /// <summary>Each object's column n has the encoding of the config version the catalog records for the object.</summary>
    private static void AssertWrittenWithTheirVersion(string folder, CatalogView catalog, KillLog log)
    {
        var wrong = new List<string>();
        foreach (var o in catalog.Objects)
        {
            var encodings = string.Join(",", DuckDb.Chunks(Path.Combine(folder, o.Key)).Where(c => c.Column == "n").Select(c => c.Encodings));
            var delta = encodings.Contains("DELTA_BINARY_PACKED", StringComparison.Ordinal);
            if (delta != (KillTable.NEncoding(o.ConfigVersion) == "DELTA_BINARY_PACKED"))
                wrong.Add($"{o.Key}: version {o.ConfigVersion}, n encoded {encodings}");
        }
        var versions = catalog.Objects.GroupBy(o => o.ConfigVersion).OrderBy(g => g.Key).Select(g => $"v{g.Key} {g.Count()}");
        log.Line($"objects by config version: {string.Join(", ", versions)}");
        Assert.True(wrong.Count == 0, $"objects not in the encoding of their config version: {string.Join("; ", wrong.Take(10))}");
        Assert.True(catalog.Objects.Select(o => o.ConfigVersion).Distinct().Count() > 1, "every object has the same config version: no update took effect");
    }

    private sealed record CatalogView(long SnapshotSequence, long SnapshotTime, List<string> PendingIntents,
        List<DeliveredObjectRow> Objects, List<PartitionRow> Partitions);

    private static async Task<CatalogView> ReadCatalogAsync(string dataFolder)
    {
        var options = new DbContextOptionsBuilder<CatalogDb>().UseSqlite(CatalogDb.ConnectionString(dataFolder)).Options;
        try
        {
            var catalog = new SqliteTaskCatalog(new PooledDbContextFactory<CatalogDb>(options));
            var checkpoint = await catalog.LoadCheckpointAsync(KillTable.Task, Cancel);
            await using var db = new CatalogDb(options);
            var objects = await db.DeliveredObjects.AsNoTracking().Where(o => o.TaskName == KillTable.Task).ToListAsync(Cancel);
            var partitions = await db.Partitions.AsNoTracking().Where(p => p.TaskName == KillTable.Task).ToListAsync(Cancel);
            return new CatalogView(checkpoint.State.SnapshotSequence, checkpoint.State.SnapshotTime,
                [.. checkpoint.PendingIntents.Select(i => $"{i.Key} ({i.Phase}, positions {i.FirstPosition}-{i.LastPosition})")],
                [.. objects.OrderBy(o => o.Prefix, StringComparer.Ordinal).ThenBy(o => o.SequenceId)], partitions);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static IEnumerable<ChangeRecord> AllChanges(ChangeLog changeLog)
    {
        for (var after = 0L; ;)
        {
            var page = changeLog.ReadChanges(after, 5000);
            if (page.Count == 0)
                yield break;
            foreach (var change in page)
            {
                if (change.TableName == KillTable.Name)
                    yield return change;
            }
            after = page[^1].Sequence;
        }
    }

    /// <summary>Every delivered row as "folder|id|n|s|d|b" with the key of its object, read with DuckDB.</summary>
    private static List<(string Row, string Key)> ReadDelivered(string folder, Dictionary<string, byte[]> objects, bool writeFirst)
    {
        if (objects.Count == 0)
            return [];
        if (writeFirst)
        {
            foreach (var (key, bytes) in objects)
            {
                var path = Path.Combine(folder, key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
        }
        var files = string.Join(", ", objects.Keys.Select(key => DuckDb.Literal(Path.Combine(folder, key))));
        var rows = DuckDb.Query($"SELECT * FROM read_parquet([{files}], filename = true)");
        return [.. rows.Select(row =>
        {
            var key = Path.GetRelativePath(folder, (string)row[^1]!).Replace('\\', '/');
            return (key[..key.LastIndexOf('/')] + "|" + string.Join("|", row[..^1].Select(ChangeOracle.Format)), key);
        })];
    }

    /// <summary>The delivered rows are the expected multiset: each expected row once, nothing else; fails with examples.</summary>
    private static void AssertExactlyOnce(List<string> expected, List<(string Row, string Key)> delivered, CatalogView catalog,
        Dictionary<long, ChangeRecord> changes)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = delivered.OrderBy(d => d.Row, StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        var extra = new List<(string Row, string Key)>();
        int i = 0, j = 0;
        while (i < want.Count || j < got.Count)
        {
            var order = i == want.Count ? 1 : j == got.Count ? -1 : string.CompareOrdinal(want[i], got[j].Row);
            if (order == 0)
            {
                i++;
                j++;
            }
            else if (order < 0)
                missing.Add(want[i++]);
            else
                extra.Add(got[j++]);
        }
        if (missing.Count == 0 && extra.Count == 0)
            return;
        var message = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{want.Count:N0} rows expected, {got.Count:N0} delivered: {missing.Count:N0} missing, {extra.Count:N0} unexpected."));
        foreach (var row in missing.Take(10))
        {
            message.Append(CultureInfo.InvariantCulture, $"\n  missing: {row}");
            // Where the engine thinks it went: the change's position, and the objects of its prefix around it.
            var fields = row.Split('|');
            var prefix = fields[0];
            if (long.TryParse(fields[2], CultureInfo.InvariantCulture, out var n) && changes.TryGetValue(n, out var change))
            {
                message.Append(CultureInfo.InvariantCulture,
                    $"\n    change {change.Sequence} ({change.Action}) committed {DateTimeOffset.FromUnixTimeMilliseconds(change.CommitTime):HH:mm:ss.fff} UTC");
                foreach (var o in catalog.Objects.Where(o => o.Prefix == prefix && o.LastPosition >= change.Sequence - 5000 && o.FirstPosition <= change.Sequence + 5000))
                    message.Append(CultureInfo.InvariantCulture,
                        $"\n    object {o.Key}: {o.Phase} positions {o.FirstPosition}-{o.LastPosition}, {o.Rows} rows, written {o.WrittenAt:HH:mm:ss.fff}")
                        .Append(o.FirstPosition <= change.Sequence && change.Sequence <= o.LastPosition ? "  <- covers the change" : "");
            }
            if (catalog.Partitions.FirstOrDefault(p => p.Prefix == prefix) is { } partition)
                message.Append(CultureInfo.InvariantCulture,
                    $"\n    prefix state: next sequence {partition.NextSequenceId}, full through {partition.FullDeliveredThrough}, changes through {partition.ChangeDeliveredThrough}");
        }
        foreach (var (row, key) in extra.Take(10))
        {
            var others = got.Where(g => g.Row == row).Select(g => g.Key).Distinct();
            message.Append(CultureInfo.InvariantCulture, $"\n  unexpected: {row} in {key} (the row is in: {string.Join(", ", others)})");
        }
        if (extra.Count > 0)
        {
            var byObject = extra.GroupBy(e => e.Key).OrderByDescending(g => g.Count()).Take(10).Select(g => $"{g.Key}: {g.Count()}");
            message.Append(CultureInfo.InvariantCulture, $"\n  unexpected rows by object: {string.Join(", ", byObject)}");
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>The run's story, with seconds since the start, in the test output as it happens.</summary>
    private sealed class KillLog
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Line(string line) =>
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:F1} s] {line}"));
    }
}

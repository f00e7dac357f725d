using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class ChangeLogTests : StoreTest
{
    private const string Trimmed = TableStoreError.TrimmedDataAccess;

    private static IEnumerable<ColumnChange> Sorted(IEnumerable<ColumnChange> columns) =>
        columns.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Type).ThenBy(c => c.Timestamp);

    [Fact]
    public void A_put_records_the_row_key_and_every_cell_it_wrote()
    {
        CreateTable();
        Clock.Advance(TimeSpan.FromSeconds(1));

        Store.Writer.WriteRow("orders", new RowWrite(WriteType.Put, Id("a"), [new("x", I(1)), new("y", S("v"), Now - 500), new("b", Value.Binary([0, 1]))]));

        var change = Assert.Single(Store.Changes());
        Assert.Equal(1, change.Sequence);
        Assert.Equal(Now, change.CommitTime);
        Assert.Equal("orders", change.TableName);
        Assert.Equal(ChangeAction.PutRow, change.Action);
        Assert.Equal(Id("a"), change.PrimaryKey);
        Assert.Equal(
            [
                new ColumnChange("b", ColumnChangeType.Put, Value.Binary([0, 1]), Now),
                new ColumnChange("x", ColumnChangeType.Put, I(1), Now),
                new ColumnChange("y", ColumnChangeType.Put, S("v"), Now - 500),
            ],
            Sorted(change.Columns));
    }

    [Fact]
    public void An_update_records_puts_deleted_versions_and_deleted_columns()
    {
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: 3));
        Store.Update("orders", Id("a"), [new("x", I(1), Now - 10), new("y", I(2)), new("z", I(3))]);

        Store.Update("orders", Id("a"), [new("w", Value.Double(2.5)), new("x", I(4), Now - 5)], [new("x", Now - 10)], ["y", "never"]);

        var change = Store.Changes(1).Single();
        Assert.Equal(2, change.Sequence);
        Assert.Equal(ChangeAction.UpdateRow, change.Action);
        Assert.Equal(
            [
                new ColumnChange("never", ColumnChangeType.DeleteAllVersions, null, null),
                new ColumnChange("w", ColumnChangeType.Put, Value.Double(2.5), Now),
                new ColumnChange("x", ColumnChangeType.Put, I(4), Now - 5),
                new ColumnChange("x", ColumnChangeType.DeleteOneVersion, null, Now - 10),
                new ColumnChange("y", ColumnChangeType.DeleteAllVersions, null, null),
            ],
            Sorted(change.Columns));
        Assert.Equal($"w=D:2.5@{Now},x=I:4@{Now - 5},z=I:3@{Now}", Format(Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 3)!.Columns));
    }

    [Fact]
    public void A_delete_records_the_key_and_no_columns()
    {
        Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.Integer), new("b", PrimaryKeyType.Binary)]);
        KeyColumn[] key = Key(("a", I(-7)), ("b", Value.Binary([9])));
        Put("t", key, ("x", I(1)));

        Store.Delete("t", key);

        var change = Store.Changes(1).Single();
        Assert.Equal(ChangeAction.DeleteRow, change.Action);
        Assert.Equal(key, change.PrimaryKey);
        Assert.Empty(change.Columns);
    }

    [Fact]
    public void The_record_of_an_auto_increment_put_has_the_generated_value()
    {
        Store.Tables.CreateTable("events", [new("shard", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)]);

        var key = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Key(("shard", S("a")), ("seq", Value.AutoIncrement)), [new("x", I(1))]));

        var change = Store.Changes().Single();
        Assert.Equal(key, change.PrimaryKey);
        Assert.Equal(ValueKind.Integer, change.PrimaryKey[1].Value.Kind);
    }

    [Fact]
    public void Sequences_strictly_increase_across_tables_and_failed_writes_append_nothing()
    {
        CreateTable();
        CreateTable("other");
        var expected = new List<(string Table, ChangeAction Action)>();

        for (var i = 0; i < 30; i++)
        {
            var table = i % 2 == 0 ? "orders" : "other";
            var id = $"r{i % 7}";
            switch (i % 3)
            {
                case 0:
                    Put(table, Id(id), ("i", I(i)));
                    expected.Add((table, ChangeAction.PutRow));
                    break;
                case 1:
                    Store.Update(table, Id(id), [new("i", I(i))]);
                    expected.Add((table, ChangeAction.UpdateRow));
                    break;
                default:
                    Store.Delete(table, Id(id));
                    expected.Add((table, ChangeAction.DeleteRow));
                    break;
            }
            Assert.Throws<TableStoreException>(() => Store.Writer.WriteRow(table, new RowWrite(WriteType.Put, Id(id), [new("bad name", I(1))])));
            Assert.Throws<TableStoreException>(() => Store.Delete(table, Id("never"), RowExistence.ExpectExist));
            Assert.Throws<TableStoreException>(() => Store.Writer.WriteRow("nope", new RowWrite(WriteType.Put, Id(id))));
            Assert.Equal(i + 1, Store.ChangeLog.LastSequence);
        }

        var changes = Store.Changes();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), changes.Select(c => c.Sequence));
        Assert.Equal(expected, changes.Select(c => (c.TableName, c.Action)));
    }

    [Fact]
    public void A_reader_resumes_after_any_sequence()
    {
        CreateTable();
        for (var i = 0; i < 20; i++)
            Put("orders", Id($"r{i}"), ("i", I(i)));

        for (var after = 0; after <= 22; after++)
        {
            var rest = Store.ChangeLog.ReadChanges(after, 1000);
            Assert.Equal(Enumerable.Range(after + 1, Math.Max(0, 20 - after)).Select(i => (long)i), rest.Select(c => c.Sequence));
            var page = Store.ChangeLog.ReadChanges(after, 3);
            Assert.Equal(rest.Take(3).Select(c => c.Sequence), page.Select(c => c.Sequence));
        }

        var read = new List<ChangeRecord>();
        for (long after = 0; ;)
        {
            var page = Store.ChangeLog.ReadChanges(after, 7);
            if (page.Count == 0)
                break;
            read.AddRange(page);
            after = page[^1].Sequence;
        }
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), read.Select(c => c.Sequence));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"r{i}"), read.Select(c => c.PrimaryKey[0].Value.AsString));
        Assert.Equal(TableStoreError.ParameterInvalid, ErrorOf(() => Store.ChangeLog.ReadChanges(0, 0)).Code);
        Assert.Equal(TableStoreError.ParameterInvalid, ErrorOf(() => Store.ChangeLog.ReadChanges(0, -1)).Code);
        Assert.Equal(TableStoreError.ParameterInvalid, ErrorOf(() => Store.ChangeLog.ReadChanges(-2, 10)).Code);
    }

    [Fact]
    public void The_log_survives_a_restart_and_continues_after_it()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        Store.Update("orders", Id("a"), [new("y", I(2))], deleteAll: ["x"]);
        Store.Delete("orders", Id("a"));
        var before = Store.Changes().Select(Describe).ToList();
        var lastCommit = Now;

        Reopen();

        Assert.Equal(3, Store.ChangeLog.LastSequence);
        Assert.Equal(before, Store.Changes().Select(Describe));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Put("orders", Id("b"));
        var next = Store.Changes(3).Single();
        Assert.Equal(4, next.Sequence);
        Assert.True(next.CommitTime >= lastCommit);
    }

    private static string Describe(ChangeRecord change) =>
        $"{change.Sequence} {change.CommitTime} {change.TableName} {change.Action} {Format(change.PrimaryKey)} " +
        string.Join(",", change.Columns.Select(c => $"{c.Name}:{c.Type}:{(c.Value is { } v ? Format(v) : "-")}:{c.Timestamp}"));

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Commit_times_never_decrease_even_when_the_clock_goes_back()
    {
        var start = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        var options = new TableStoreOptions { Folder = Data.Combine("backwards") };
        var store = new TableStoreSet(options, clock);
        try
        {
            store.Tables.CreateTable("t", [new("id", PrimaryKeyType.String)]);
            store.Writer.WriteRow("t", new RowWrite(WriteType.Put, Id("a")));
            clock.Now = start.AddHours(-1);
            store.Writer.WriteRow("t", new RowWrite(WriteType.Put, Id("b")));
            clock.Now = start.AddSeconds(1);
            store.Writer.WriteRow("t", new RowWrite(WriteType.Put, Id("c")));
            clock.Now = start;
            store.Writer.BatchWriteRow([("t", [new RowWrite(WriteType.Put, Id("d")), new RowWrite(WriteType.Delete, Id("a"))])]);
            store.Dispose();
            clock.Now = start.AddHours(-2);
            store = new TableStoreSet(options, clock);
            store.Writer.WriteRow("t", new RowWrite(WriteType.Update, Id("e"), [new("x", I(1))]));

            var times = store.ChangeLog.ReadChanges(0, 100).Select(c => c.CommitTime - start.ToUnixTimeMilliseconds()).ToList();
            Assert.Equal([0L, 0L, 1000L, 1000L, 1000L, 1000L], times);
        }
        finally
        {
            store.Dispose();
        }
    }

    /// <summary>The rows a replay of change records produces, for tables whose maxVersions is 1.</summary>
    private sealed class Replay
    {
        private readonly Dictionary<(string Table, string Key), (IReadOnlyList<KeyColumn> Key, Dictionary<string, Cell> Cells)> _rows = [];

        public void Load(string table, IEnumerable<Row> rows)
        {
            foreach (var row in rows)
                _rows[(table, Format(row.PrimaryKey))] = (row.PrimaryKey, row.Columns.ToDictionary(c => c.Name));
        }

        public void Apply(ChangeRecord change)
        {
            var id = (change.TableName, Format(change.PrimaryKey));
            switch (change.Action)
            {
                case ChangeAction.DeleteRow:
                    _rows.Remove(id);
                    return;
                case ChangeAction.PutRow:
                    _rows[id] = (change.PrimaryKey, []);
                    break;
                default:
                    if (!_rows.ContainsKey(id))
                    {
                        if (!change.Columns.Any(c => c.Type == ColumnChangeType.Put))
                            return;
                        _rows[id] = (change.PrimaryKey, []);
                    }
                    break;
            }
            var cells = _rows[id].Cells;
            foreach (var column in change.Columns)
            {
                switch (column.Type)
                {
                    case ColumnChangeType.DeleteAllVersions:
                        cells.Remove(column.Name);
                        break;
                    case ColumnChangeType.DeleteOneVersion:
                        if (cells.TryGetValue(column.Name, out var old) && old.Timestamp == column.Timestamp)
                            cells.Remove(column.Name);
                        break;
                    default:
                        if (!cells.TryGetValue(column.Name, out var current) || current.Timestamp <= column.Timestamp!.Value)
                            cells[column.Name] = new Cell(column.Name, column.Value!.Value, column.Timestamp!.Value);
                        break;
                }
            }
        }

        public List<string> Rows(string table) =>
        [
            .. _rows.Where(r => r.Key.Table == table).OrderBy(r => r.Key.Key, StringComparer.Ordinal)
                .Select(r => Format(r.Value.Key) + " => " + Format(r.Value.Cells.Values.OrderBy(c => c.Name, StringComparer.Ordinal))),
        ];
    }

    private static List<string> Text(IEnumerable<Row> rows) => [.. rows.Select(Format).Order(StringComparer.Ordinal)];

    private static readonly string[] Tables = ["t1", "t2"];

    /// <summary>
    /// Four writers on shared keys of two tables: puts, updates, deletes and conditional writes that may fail, plus
    /// batches. <paramref name="during"/> runs on writer 0 before each of its writes, with the write's number.
    /// </summary>
    /// <returns>How many row writes succeeded.</returns>
    private int RunWriters(Action<int>? during = null)
    {
        foreach (var table in Tables)
            Store.Tables.CreateTable(table, [new("id", PrimaryKeyType.String)]);
        var succeeded = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var cancel = TestContext.Current.CancellationToken;
            for (var i = 0; i < 500; i++)
            {
                cancel.ThrowIfCancellationRequested();
                if (w == 0)
                    during?.Invoke(i);
                var table = Tables[(i + w) % 3 == 0 ? 1 : 0];
                var key = Id($"k{(i * 7 + w * 13) % 40}");
                RowWrite write = (i % 6) switch
                {
                    0 => new(WriteType.Put, key, [new("w", I(w)), new("i", I(i)), new($"c{i % 4}", S($"{w}-{i}"))]),
                    1 => new(WriteType.Update, key, [new("i", I(i)), new($"c{i % 4}", I(w))], DeleteAll: [$"c{(i + 1) % 4}"]),
                    2 => new(WriteType.Delete, key),
                    3 => new(WriteType.Put, key, [new("w", I(w))], Condition: RowExistence.ExpectNotExist),
                    4 => new(WriteType.Update, key, [new("u", I(i))], [new("i", Clock.GetUtcNow().ToUnixTimeMilliseconds())], Condition: RowExistence.ExpectExist),
                    _ => new(WriteType.Delete, key, Condition: RowExistence.ExpectExist),
                };
                try
                {
                    Store.Writer.WriteRow(table, write);
                    Interlocked.Increment(ref succeeded);
                }
                catch (TableStoreException e) when (e.Code == TableStoreError.ConditionCheckFail)
                {
                }
                if (i % 50 == 25)
                {
                    var results = Store.Writer.BatchWriteRow(
                    [
                        ("t1", [.. Enumerable.Range(0, 4).Select(j => new RowWrite(WriteType.Put, Id($"b{w}-{i}-{j}"), [new("j", I(j))]))]),
                        ("t2",
                        [
                            new RowWrite(WriteType.Update, Id($"k{i % 40}"), [new("batch", I(w))]),
                            new RowWrite(WriteType.Update, Id($"k{(i + 1) % 40}"), [new("batch", I(w))], Condition: RowExistence.ExpectExist),
                            new RowWrite(WriteType.Delete, Id($"k{(i + 2) % 40}"), Condition: RowExistence.ExpectExist),
                        ]),
                    ]);
                    Interlocked.Add(ref succeeded, results.SelectMany(r => r).Count(r => r.IsOk));
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        Task.WaitAll(writers, TestContext.Current.CancellationToken);
        return succeeded;
    }

    [Fact]
    public void Concurrent_writers_get_one_record_per_write_in_commit_order()
    {
        var succeeded = RunWriters();

        var changes = Store.Changes();
        Assert.Equal(succeeded, changes.Count);
        Assert.True(succeeded > 4 * 500 / 2, $"only {succeeded} writes succeeded");
        Assert.Equal(Enumerable.Range(1, succeeded).Select(i => (long)i), changes.Select(c => c.Sequence));
        Assert.Equal(succeeded, Store.ChangeLog.LastSequence);
        Assert.Equal(changes.Select(c => c.CommitTime).Order(), changes.Select(c => c.CommitTime));

        var replay = new Replay();
        foreach (var change in changes)
            replay.Apply(change);
        foreach (var table in Tables)
        {
            var rows = Store.Rows(table);
            Assert.Equal(replay.Rows(table), Text(rows));
            Assert.Equal(rows.Count, Store.Tables.DescribeTable(table).RowCount);
        }

        Reopen();

        Assert.Equal(succeeded, Store.Changes().Count);
        foreach (var table in Tables)
            Assert.Equal(replay.Rows(table), Text(Store.Rows(table)));
    }

    [Fact]
    public void Snapshots_taken_during_writes_plus_the_changes_after_them_are_the_current_table()
    {
        var snapshots = new List<TableSnapshot>();
        try
        {
            RunWriters(during: i =>
            {
                if (i % 50 == 10)
                    snapshots.Add(Store.LiveRows.OpenSnapshot());
            });
            Assert.Equal(10, snapshots.Count);
            foreach (var snapshot in snapshots)
                CheckSnapshot(snapshot);
        }
        finally
        {
            snapshots.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Snapshots_saved_during_writes_plus_the_changes_after_them_are_the_current_table()
    {
        var saved = new List<SavedSnapshotInfo>();
        RunWriters(during: i =>
        {
            if (i % 100 == 30)
                saved.Add(Store.SavedSnapshots.SaveSnapshot($"task-{i}"));
        });

        Reopen();
        Assert.Equal(5, saved.Count);
        foreach (var info in saved)
        {
            using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot(info.Name);
            Assert.Equal((info.Sequence, info.Time), (snapshot.Sequence, snapshot.Time));
            CheckSnapshot(snapshot);
            foreach (var table in Tables)
                Assert.Equal(snapshot.Scan(table).Count(), snapshot.RowCount(table));
        }
    }

    private void CheckSnapshot(TableSnapshot snapshot)
    {
        Assert.InRange(snapshot.Sequence, 1, Store.ChangeLog.LastSequence - 1);

        var asOfSequence = new Replay();
        foreach (var change in Store.ChangeLog.ReadChanges(0, (int)snapshot.Sequence))
            asOfSequence.Apply(change);
        var continued = new Replay();
        foreach (var table in Tables)
        {
            var scanned = snapshot.Scan(table).ToList();
            Assert.Equal(asOfSequence.Rows(table), Text(scanned));
            var paged = new List<Row>();
            for (IReadOnlyList<KeyColumn>? start = Store.Bound(table, Value.InfMin); start is not null;)
            {
                var page = snapshot.GetRange(new GetRangeRequest(table, Direction.Forward, start, Store.Bound(table, Value.InfMax), 17));
                paged.AddRange(page.Rows);
                start = page.NextStartPrimaryKey;
            }
            Assert.Equal(scanned.Select(Format), paged.Select(Format));
            continued.Load(table, scanned);
        }
        var after = Store.Changes(snapshot.Sequence);
        Assert.Equal(snapshot.Sequence + 1, after[0].Sequence);
        foreach (var change in after)
            continued.Apply(change);

        foreach (var table in Tables)
            Assert.Equal(continued.Rows(table), Text(Store.Rows(table)));
    }

    [Fact]
    public void A_snapshot_does_not_see_later_writes_or_tables()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        Put("orders", Id("b"), ("x", I(1)));

        using var snapshot = Store.LiveRows.OpenSnapshot();
        Put("orders", Id("a"), ("x", I(2)));
        Store.Delete("orders", Id("b"));
        Put("orders", Id("c"));
        CreateTable("later");

        Assert.Equal(2, snapshot.Sequence);
        Assert.Equal(Now, snapshot.Time);
        Assert.Equal([$"id=S:a => x=I:1@{Now}", $"id=S:b => x=I:1@{Now}"], snapshot.Scan("orders").Select(Format));
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => snapshot.Scan("later").ToList()).Code);
        Assert.Equal([$"id=S:a => x=I:2@{Now}", "id=S:c => "], Store.Rows("orders").Select(Format));
    }

    private void WriteAt(int count)
    {
        for (var i = 0; i < count; i++)
            Put("orders", Id($"r{Store.ChangeLog.LastSequence}"), ("x", I(i)));
    }

    private void AssertTrimmedThrough(long sequence)
    {
        Assert.Equal(sequence, Store.ChangeLog.TrimmedThrough);
        if (sequence > 0)
        {
            var error = ErrorOf(() => Store.ChangeLog.ReadChanges(sequence - 1, 10));
            Assert.Equal(Trimmed, error.Code);
            Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
            Assert.Equal(Trimmed, ErrorOf(() => Store.ChangeLog.ReadChanges(0, 10)).Code);
        }
        var rest = Store.ChangeLog.ReadChanges(sequence, 1000);
        Assert.Equal(Enumerable.Range((int)sequence + 1, (int)(Store.ChangeLog.LastSequence - sequence)).Select(i => (long)i), rest.Select(c => c.Sequence));
    }

    [Fact]
    public void Changes_older_than_the_stream_expiration_are_trimmed()
    {
        CreateTable();
        WriteAt(3);
        Clock.Advance(TimeSpan.FromHours(100));
        WriteAt(2);

        Clock.Advance(TimeSpan.FromHours(68));
        Assert.Equal(0, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(0);

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(3);
        Assert.Equal(3, Store.ChangeLog.TrimChanges());

        Clock.Advance(TimeSpan.FromHours(100));
        Assert.Equal(5, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(5);
        Assert.Empty(Store.ChangeLog.ReadChanges(5, 10));

        WriteAt(1);
        Assert.Equal(6, Store.Changes(5).Single().Sequence);
        Assert.Equal(6, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void Trimming_runs_by_itself()
    {
        CreateTable();
        WriteAt(4);

        Clock.Advance(TimeSpan.FromHours(168) + TimeSpan.FromMinutes(11));

        AssertTrimmedThrough(4);
    }

    [Fact]
    public void The_longest_stream_expiration_of_any_table_decides()
    {
        Store.Tables.CreateTable("short", [new("id", PrimaryKeyType.String)], stream: new StreamSpecification(true, 24));
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], stream: new StreamSpecification(true, 48));
        WriteAt(2);
        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, Store.ChangeLog.TrimChanges());

        Store.Tables.UpdateTable("orders", null, new StreamSpecification(true, 12));
        Assert.Equal(2, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(2);

        WriteAt(2);
        Store.Tables.CreateTable("long", [new("id", PrimaryKeyType.String)]);
        Clock.Advance(TimeSpan.FromHours(100));
        Assert.Equal(2, Store.ChangeLog.TrimChanges());
        Store.Tables.DeleteTable("long");
        Assert.Equal(4, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(4);
    }

    [Fact]
    public void Without_tables_changes_are_kept_168_hours()
    {
        CreateTable();
        WriteAt(2);
        Store.Tables.DeleteTable("orders");

        Clock.Advance(TimeSpan.FromHours(168));
        Assert.Equal(0, Store.ChangeLog.TrimChanges());
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, Store.ChangeLog.TrimChanges());
    }

    [Fact]
    public void Holds_keep_the_changes_their_consumers_still_need()
    {
        CreateTable();
        Store.ChangeLog.SetChangeHold("task1", 1);
        Store.ChangeLog.SetChangeHold("task2", 3);
        Store.ChangeLog.SetChangeHold("idle", 0);
        WriteAt(5);

        Clock.Advance(TimeSpan.FromHours(169));
        Assert.Equal(0, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(0);

        Store.ChangeLog.RemoveChangeHold("idle");
        Assert.Equal(1, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(1);

        Store.ChangeLog.RemoveChangeHold("task1");
        Assert.Equal(3, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(3);

        Store.ChangeLog.SetChangeHold("task2", 4);
        Assert.Equal(4, Store.ChangeLog.TrimChanges());
        Store.ChangeLog.SetChangeHold("task2", 100);
        Assert.Equal(5, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(5);
        Store.ChangeLog.RemoveChangeHold("never-set");
    }

    [Fact]
    public void A_hold_beyond_the_log_leaves_trimming_to_the_expiration()
    {
        CreateTable();
        Store.ChangeLog.SetChangeHold("task", 10);
        WriteAt(3);
        Clock.Advance(TimeSpan.FromHours(100));
        WriteAt(3);
        Clock.Advance(TimeSpan.FromHours(69));

        Assert.Equal(3, Store.ChangeLog.TrimChanges());
        AssertTrimmedThrough(3);
    }

    [Fact]
    public void Holds_and_trimming_survive_a_restart()
    {
        CreateTable();
        Store.ChangeLog.SetChangeHold("task", 2);
        Store.ChangeLog.SetChangeHold("gone", 1);
        Store.ChangeLog.RemoveChangeHold("gone");
        WriteAt(5);

        Reopen();
        Clock.Advance(TimeSpan.FromHours(169));
        Assert.Equal(2, Store.ChangeLog.TrimChanges());

        Reopen();
        AssertTrimmedThrough(2);
        Assert.Equal(2, Store.ChangeLog.TrimChanges());
        Store.ChangeLog.RemoveChangeHold("task");

        Reopen();
        Assert.Equal(5, Store.ChangeLog.TrimChanges());
        Reopen();
        AssertTrimmedThrough(5);
        Assert.Equal(5, Store.ChangeLog.LastSequence);
        WriteAt(1);
        Assert.Equal(6, Store.Changes(5).Single().Sequence);
    }
}

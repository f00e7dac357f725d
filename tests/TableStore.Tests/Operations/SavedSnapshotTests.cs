using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class SavedSnapshotTests : StoreTest
{
    private string SnapshotsFolder => Data.Combine("tables-snapshots");

    /// <summary>orders a, b, c (x=1) and one empty table; returns the save of "task-1" taken then.</summary>
    private SavedSnapshotInfo SaveAfterThreeRows()
    {
        CreateTable();
        CreateTable("empty");
        foreach (var id in new[] { "a", "b", "c" })
            Put("orders", Id(id), ("x", I(1)));
        return Store.SavedSnapshots.SaveSnapshot("task-1");
    }

    private static List<string> Scan(TableSnapshot snapshot, string table, KeyColumn[]? from = null) =>
        [.. snapshot.Scan(table, from).Select(Format)];

    [Fact]
    public void A_saved_snapshot_has_the_rows_tables_sequence_and_time_as_of_the_save()
    {
        var saved = SaveAfterThreeRows();
        var asSaved = Store.Rows("orders").Select(Format).ToList();
        var savedAt = Now;
        Clock.Advance(TimeSpan.FromSeconds(5));
        Put("orders", Id("a"), ("x", I(2)));
        Store.Delete("orders", Id("b"));
        Put("orders", Id("d"));
        Store.Tables.UpdateTable("orders", new TableOptions(MaxVersions: 3), null);
        CreateTable("later");

        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Assert.Equal(new SavedSnapshotInfo("task-1", 3, savedAt), saved);
        Assert.Equal(saved.Sequence, snapshot.Sequence);
        Assert.Equal(saved.Time, snapshot.Time);
        Assert.Equal(asSaved, Scan(snapshot, "orders"));
        Assert.Equal([$"id=S:a => x=I:1@{savedAt}", $"id=S:b => x=I:1@{savedAt}", $"id=S:c => x=I:1@{savedAt}"], asSaved);
        Assert.Equal(3, snapshot.RowCount("orders"));
        Assert.Equal(0, snapshot.RowCount("empty"));
        Assert.Empty(snapshot.Scan("empty"));
        Assert.Equal(1, snapshot.Table("orders").Options.MaxVersions);
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => snapshot.Table("later")).Code);
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => snapshot.RowCount("later")).Code);
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => snapshot.Scan("later").ToList()).Code);
        Assert.Equal(3, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void A_saved_snapshot_survives_a_restart()
    {
        var saved = SaveAfterThreeRows();
        var asSaved = Store.Rows("orders").Select(Format).ToList();
        Store.Delete("orders", Id("a"));

        Reopen();
        Put("orders", Id("z"));
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Assert.Equal(asSaved, Scan(snapshot, "orders"));
        Assert.Equal((saved.Sequence, saved.Time), (snapshot.Sequence, snapshot.Time));
        Assert.Equal(3, snapshot.RowCount("orders"));
        Assert.Equal(["task-1"], Store.SavedSnapshots.SavedSnapshotNames);
    }

    [Fact]
    public void A_scan_from_a_key_starts_there_or_at_the_next_key()
    {
        SaveAfterThreeRows();
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Assert.Equal(["b", "c"], snapshot.Scan("orders", Id("b")).Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(["c"], snapshot.Scan("orders", Id("bb")).Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(["a", "b", "c"], snapshot.Scan("orders", Id("")).Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(["a", "b", "c"], snapshot.Scan("orders", Store.Bound("orders", Value.InfMin)).Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Empty(snapshot.Scan("orders", Id("d")));
        Assert.Empty(snapshot.Scan("orders", Store.Bound("orders", Value.InfMax)));
        Assert.Empty(snapshot.Scan("empty", Id("a")));
        Assert.Contains("fromInclusive", ErrorOf(() => snapshot.Scan("orders", Key(("id", I(1)))).ToList()).Message);
        Assert.Contains("fromInclusive", ErrorOf(() => snapshot.Scan("orders", []).ToList()).Message);
    }

    [Fact]
    public void A_live_snapshot_scans_from_a_key_too()
    {
        SaveAfterThreeRows();
        using var snapshot = Store.LiveRows.OpenSnapshot();
        Store.Delete("orders", Id("c"));

        Assert.Equal(["b", "c"], snapshot.Scan("orders", Id("b")).Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(3, snapshot.RowCount("orders"));
        Assert.Equal(2, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void The_changes_after_the_saved_sequence_are_exactly_the_later_writes()
    {
        var saved = SaveAfterThreeRows();
        Put("orders", Id("d"));
        Store.Delete("orders", Id("a"));

        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");
        var after = Store.ChangeLog.ReadChanges(snapshot.Sequence, 100);

        Assert.Equal([(4L, "d"), (5L, "a")], after.Select(c => (c.Sequence, c.PrimaryKey[0].Value.AsString)));
        Assert.Equal(3, saved.Sequence);
    }

    [Fact]
    public void Time_to_live_applies_as_of_the_saved_time()
    {
        Store.Tables.CreateTable("ttl", [new("id", PrimaryKeyType.String)], options: new TableOptions(TimeToLive: 86_400));
        Put("ttl", Id("a"), ("x", I(1)));
        Store.SavedSnapshots.SaveSnapshot("task-1");

        Clock.Advance(TimeSpan.FromDays(2));
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Assert.Empty(Store.LiveRows.GetRow("ttl", Id("a"))!.Columns);
        Assert.Equal([$"id=S:a => x=I:1@{snapshot.Time}"], Scan(snapshot, "ttl"));
    }

    [Fact]
    public void Saving_again_replaces_the_snapshot_of_that_name()
    {
        var first = SaveAfterThreeRows();
        Store.Delete("orders", Id("a"));

        var second = Store.SavedSnapshots.SaveSnapshot("task-1");
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(second.Sequence, snapshot.Sequence);
        Assert.Equal(["b", "c"], snapshot.Scan("orders").Select(r => r.PrimaryKey[0].Value.AsString));
    }

    [Fact]
    public void A_folder_left_by_a_crashed_save_counts_as_missing_and_is_replaced()
    {
        SaveAfterThreeRows();
        var leftOver = Path.Combine(SnapshotsFolder, "task-2");
        Directory.CreateDirectory(leftOver);
        File.WriteAllText(Path.Combine(leftOver, "CURRENT"), "half a checkpoint");
        Directory.CreateDirectory(leftOver + ".tmp");

        Assert.Equal(["task-1"], Store.SavedSnapshots.SavedSnapshotNames);
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => Store.SavedSnapshots.OpenSavedSnapshot("task-2")).Code);

        var saved = Store.SavedSnapshots.SaveSnapshot("task-2");
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-2");

        Assert.Equal(saved.Sequence, snapshot.Sequence);
        Assert.Equal(3, snapshot.Scan("orders").Count());
        Assert.Equal(["task-1", "task-2"], Store.SavedSnapshots.SavedSnapshotNames);
        Assert.False(Directory.Exists(leftOver + ".tmp"));
    }

    [Fact]
    public void Dropping_removes_the_snapshot_and_a_missing_one_is_fine()
    {
        SaveAfterThreeRows();

        Store.SavedSnapshots.DropSavedSnapshot("task-1");
        Store.SavedSnapshots.DropSavedSnapshot("task-1");
        Store.SavedSnapshots.DropSavedSnapshot("never-saved");

        Assert.Empty(Store.SavedSnapshots.SavedSnapshotNames);
        Assert.False(Directory.Exists(Path.Combine(SnapshotsFolder, "task-1")));
        var error = ErrorOf(() => Store.SavedSnapshots.OpenSavedSnapshot("task-1"));
        Assert.Equal(TableStoreError.ObjectNotExist, error.Code);
        Assert.Contains("'task-1'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Task")]
    [InlineData("task_1")]
    [InlineData("a.b")]
    [InlineData("../tables")]
    [InlineData("a/b")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData(null)]
    public void A_name_outside_the_rule_is_refused(string? name)
    {
        CreateTable();
        foreach (var action in new Action[]
        {
            () => Store.SavedSnapshots.SaveSnapshot(name!),
            () => Store.SavedSnapshots.OpenSavedSnapshot(name!),
            () => Store.SavedSnapshots.DropSavedSnapshot(name!),
        })
        {
            var error = ErrorOf(action);
            Assert.Equal(TableStoreError.ParameterInvalid, error.Code);
            Assert.Contains("1-64 characters of a-z, 0-9 and '-'", error.Message);
        }
        Assert.False(Directory.Exists(SnapshotsFolder));
    }

    [Fact]
    public void The_longest_name_is_accepted()
    {
        var name = new string('a', 63) + "9";

        Store.SavedSnapshots.SaveSnapshot(name);

        Assert.Equal([name], Store.SavedSnapshots.SavedSnapshotNames);
    }

    [Fact]
    public void The_lists_name_the_saved_snapshots_and_the_change_holds()
    {
        SaveAfterThreeRows();
        Store.SavedSnapshots.SaveSnapshot("a-task");
        Store.ChangeLog.SetChangeHold("task-1", 2);
        Store.ChangeLog.SetChangeHold("a-task", 3);
        Store.ChangeLog.SetChangeHold("gone", 1);
        Store.ChangeLog.RemoveChangeHold("gone");

        Assert.Equal(["a-task", "task-1"], Store.SavedSnapshots.SavedSnapshotNames);
        Assert.Equal(["a-task", "task-1"], Store.ChangeLog.ChangeHoldConsumers);
        Reopen();
        Assert.Equal(["a-task", "task-1"], Store.ChangeLog.ChangeHoldConsumers);
    }

    [Fact]
    public void Snapshots_live_beside_the_table_folder_unless_configured()
    {
        SaveAfterThreeRows();
        Assert.True(File.Exists(Path.Combine(SnapshotsFolder, "task-1", "snapshot-time")));

        var elsewhere = Data.Combine("elsewhere", "snaps");
        using var other = new TableStoreSet(new TableStoreOptions { Folder = Data.Combine("other"), SnapshotsFolder = elsewhere }, Clock);
        other.SavedSnapshots.SaveSnapshot("task-1");
        Assert.True(Directory.Exists(Path.Combine(elsewhere, "task-1")));
    }

    [Theory]
    [InlineData("tables", "tables")]
    [InlineData("tables", "tables/snapshots")]
    [InlineData("data/tables", "data")]
    public void A_snapshots_folder_nested_with_the_table_folder_is_refused(string folder, string snapshots)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new TableStoreSet(new TableStoreOptions { Folder = Data.Combine(folder), SnapshotsFolder = Data.Combine(snapshots) }, Clock));
        Assert.Contains("must not be inside one another", error.Message);
    }
}

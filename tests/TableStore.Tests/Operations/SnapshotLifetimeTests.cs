using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

/// <summary>
/// Snapshots and the service close in any order without touching freed native memory (which would crash the
/// test process, not fail a test).
/// </summary>
public class SnapshotLifetimeTests : StoreTest
{
    private void WriteRows(int count)
    {
        CreateTable();
        for (var i = 0; i < count; i++)
            Put("orders", Id($"k{i:D3}"), ("x", I(i)));
    }

    [Fact]
    public void A_saved_snapshot_stays_readable_after_the_service_closes()
    {
        WriteRows(3);
        Store.SavedSnapshots.SaveSnapshot("task-1");
        using var snapshot = Store.SavedSnapshots.OpenSavedSnapshot("task-1");

        Store.Dispose();

        Assert.Equal(3, snapshot.Scan("orders").Count());
        Assert.Equal(3, snapshot.RowCount("orders"));
    }

    [Fact]
    public void A_live_snapshot_refuses_reads_once_the_service_closes()
    {
        WriteRows(3);
        var snapshot = Store.LiveRows.OpenSnapshot();

        Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => snapshot.Scan("orders").ToList());
        Assert.Throws<ObjectDisposedException>(() => snapshot.RowCount("orders"));
        Assert.Throws<ObjectDisposedException>(() => snapshot.GetRange(new GetRangeRequest("orders", Direction.Forward,
            [new("id", Value.InfMin)], [new("id", Value.InfMax)])));
        snapshot.Dispose();
        snapshot.Dispose();
    }

    [Fact]
    public void A_closed_snapshot_refuses_reads_and_may_be_disposed_again()
    {
        WriteRows(3);
        Store.SavedSnapshots.SaveSnapshot("task-1");
        var saved = Store.SavedSnapshots.OpenSavedSnapshot("task-1");
        var live = Store.LiveRows.OpenSnapshot();

        foreach (var snapshot in new[] { saved, live })
        {
            snapshot.Dispose();
            Assert.Throws<ObjectDisposedException>(() => snapshot.Scan("orders").ToList());
            Assert.Throws<ObjectDisposedException>(() => snapshot.RowCount("orders"));
            snapshot.Dispose();
        }
        Assert.Equal(3, Store.Rows("orders").Count);
    }

    [Fact]
    public void A_scan_under_way_stops_at_its_next_row_when_its_snapshot_closes()
    {
        WriteRows(10);
        Store.SavedSnapshots.SaveSnapshot("task-1");
        var saved = Store.SavedSnapshots.OpenSavedSnapshot("task-1");
        var live = Store.LiveRows.OpenSnapshot();

        foreach (var snapshot in new[] { saved, live })
        {
            using var rows = snapshot.Scan("orders").GetEnumerator();
            Assert.True(rows.MoveNext());
            snapshot.Dispose();
            Assert.Throws<ObjectDisposedException>(() => rows.MoveNext());
        }
    }

    [Fact]
    public void The_service_closes_while_a_live_snapshot_scan_is_under_way()
    {
        WriteRows(10);
        var snapshot = Store.LiveRows.OpenSnapshot();
        using (var rows = snapshot.Scan("orders").GetEnumerator())
        {
            Assert.True(rows.MoveNext());
            Store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => rows.MoveNext());
        }
        snapshot.Dispose();

        // The database closed when the scan ended: the folder opens again.
        Reopen();
        Assert.Equal(10, Store.Rows("orders").Count);
    }

    [Fact]
    public void A_closed_service_refuses_the_snapshot_operations()
    {
        WriteRows(1);
        Store.SavedSnapshots.SaveSnapshot("task-1");
        Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Store.SavedSnapshots.SaveSnapshot("task-2"));
        Assert.Throws<ObjectDisposedException>(() => Store.SavedSnapshots.OpenSavedSnapshot("task-1"));
        Assert.Throws<ObjectDisposedException>(() => Store.SavedSnapshots.DropSavedSnapshot("task-1"));
        Assert.Throws<ObjectDisposedException>(() => Store.SavedSnapshots.SavedSnapshotNames);
        Assert.Throws<ObjectDisposedException>(() => Store.ChangeLog.ChangeHoldConsumers);
        Reopen();
        Assert.Equal(["task-1"], Store.SavedSnapshots.SavedSnapshotNames);
    }

    [Fact]
    public async Task Reads_in_many_threads_while_the_service_closes_end_cleanly()
    {
        WriteRows(200);
        Store.SavedSnapshots.SaveSnapshot("task-1");
        using var saved = Store.SavedSnapshots.OpenSavedSnapshot("task-1");
        var live = Store.LiveRows.OpenSnapshot();
        using var start = new Barrier(5);
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            try
            {
                for (var i = 0; i < 1000; i++)
                {
                    var read = (r % 2 == 0 ? live : saved).Scan("orders").Count() + Store.ChangeLog.ReadChanges(0, 10).Count;
                    Assert.True(read > 0);
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        start.SignalAndWait(TestContext.Current.CancellationToken);
        Thread.Sleep(20);
        Store.Dispose();
        await Task.WhenAll(readers);
        live.Dispose();

        Assert.Equal(200, saved.Scan("orders").Count());
    }
}

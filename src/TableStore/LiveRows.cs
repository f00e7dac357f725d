using DeliveryConsole.TableStore.Model;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// Reads of the live tables, committed data only and never blocked by writes: GetRow and GetRange, and
/// <see cref="OpenSnapshot"/> to read every table as of one moment. Thread-safe.
/// </summary>
public sealed class LiveRows(TableStoreInstance instance)
{
    private static readonly ReadOptions LiveReads = new();

    /// <summary>GetRow: the row's cells (newest <paramref name="maxVersions"/> versions), or null when it does not exist.</summary>
    public Row? GetRow(string tableName, IReadOnlyList<KeyColumn> primaryKey, IReadOnlyList<string>? columnsToGet = null, int maxVersions = 1)
    {
        instance.ThrowIfDisposed();
        using var lease = instance.Store.Guard.Enter();
        return Reader().GetRow(tableName, primaryKey, columnsToGet, maxVersions);
    }

    /// <summary>GetRange: one page of rows in key order (or reverse), and where the next page starts.</summary>
    public GetRangeResult GetRange(GetRangeRequest request)
    {
        instance.ThrowIfDisposed();
        using var lease = instance.Store.Guard.Enter();
        return Reader().GetRange(request);
    }

    /// <summary>
    /// A consistent view of every table as of <see cref="TableSnapshot.Sequence"/>: exactly the rows that the changes
    /// up to that sequence made, so a reader can continue with the change log from the next sequence. It lives in
    /// this process only (see <see cref="SavedSnapshots.SaveSnapshot"/> for one that survives a restart) and closes
    /// with the instance.
    /// </summary>
    public TableSnapshot OpenSnapshot()
    {
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var store = instance.Store;
            // Held for the snapshot's whole life: the database stays open until its RocksDB snapshot is released.
            var lease = store.Guard.Enter();
            var native = store.Db.CreateSnapshot();
            var snapshots = instance.LiveSnapshots;
            TableSnapshot? snapshot = null;
            snapshot = new TableSnapshot(store, new ReadOptions().SetSnapshot(native), instance.Sequence, instance.NowMs, instance.Tables, release: () =>
            {
                snapshots.TryRemove(snapshot!, out _);
                native.Dispose();
                lease.Dispose();
            });
            snapshots[snapshot] = true;
            return snapshot;
        }
    }

    private RowReader Reader() => new(instance.Store, LiveReads, instance.Table, instance.NowMs);
}

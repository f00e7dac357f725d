using System.Collections.Concurrent;
using DeliveryConsole.TableStore.Model;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

public sealed partial class TableService
{
    private static readonly ReadOptions LiveReads = new();

    // Open live snapshots: Dispose closes them before the database, since each holds a RocksDB snapshot in it.
    private readonly ConcurrentDictionary<TableSnapshot, bool> _liveSnapshots = new();

    /// <summary>GetRow: the row's cells (newest <paramref name="maxVersions"/> versions), or null when it does not exist.</summary>
    public Row? GetRow(string tableName, IReadOnlyList<KeyColumn> primaryKey, IReadOnlyList<string>? columnsToGet = null, int maxVersions = 1)
    {
        ThrowIfDisposed();
        using var lease = _store.Guard.Enter();
        return LiveReader().GetRow(tableName, primaryKey, columnsToGet, maxVersions);
    }

    /// <summary>GetRange: one page of rows in key order (or reverse), and where the next page starts.</summary>
    public GetRangeResult GetRange(GetRangeRequest request)
    {
        ThrowIfDisposed();
        using var lease = _store.Guard.Enter();
        return LiveReader().GetRange(request);
    }

    /// <summary>
    /// A consistent view of every table as of <see cref="TableSnapshot.Sequence"/>: exactly the rows that the changes
    /// up to that sequence made, so a reader can continue with the change log from the next sequence. It lives in
    /// this process only (see <see cref="SaveSnapshot"/> for one that survives a restart) and closes with the service.
    /// </summary>
    public TableSnapshot OpenSnapshot()
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            // Held for the snapshot's whole life: the database stays open until its RocksDB snapshot is released.
            var lease = _store.Guard.Enter();
            var native = _store.Db.CreateSnapshot();
            TableSnapshot? snapshot = null;
            snapshot = new TableSnapshot(_store, new ReadOptions().SetSnapshot(native), _sequence, NowMs, _tables, release: () =>
            {
                _liveSnapshots.TryRemove(snapshot!, out _);
                native.Dispose();
                lease.Dispose();
            });
            _liveSnapshots[snapshot] = true;
            return snapshot;
        }
    }

    private RowReader LiveReader() => new(_store, LiveReads, Table, NowMs);
}

using DeliveryConsole.TableStore.Model;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

public sealed partial class TableService
{
    private static readonly ReadOptions LiveReads = new();

    /// <summary>GetRow: the row's cells (newest <paramref name="maxVersions"/> versions), or null when it does not exist.</summary>
    public Row? GetRow(string tableName, IReadOnlyList<KeyColumn> primaryKey, IReadOnlyList<string>? columnsToGet = null, int maxVersions = 1) =>
        LiveReader().GetRow(tableName, primaryKey, columnsToGet, maxVersions);

    /// <summary>GetRange: one page of rows in key order (or reverse), and where the next page starts.</summary>
    public GetRangeResult GetRange(GetRangeRequest request) => LiveReader().GetRange(request);

    /// <summary>
    /// A consistent view of every table as of <see cref="TableSnapshot.Sequence"/>: exactly the rows that the changes
    /// up to that sequence made, so a reader can continue with the change log from the next sequence.
    /// </summary>
    public TableSnapshot OpenSnapshot()
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            return new TableSnapshot(_store, _store.Db.CreateSnapshot(), _sequence, _tables, NowMs);
        }
    }

    private RowReader LiveReader()
    {
        ThrowIfDisposed();
        return new(_store, LiveReads, Table, NowMs);
    }
}

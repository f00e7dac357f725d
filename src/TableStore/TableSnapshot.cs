using System.Collections.Immutable;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// The tables as they were at the snapshot, after the change <see cref="Sequence"/> and before the next one: a live
/// snapshot (<see cref="LiveRows.OpenSnapshot"/>) or a saved one (<see cref="SavedSnapshots.OpenSavedSnapshot"/>).
/// Reads stream from storage. Dispose it to let storage reclaim what only it still sees; a read still running then
/// stops at its next row with ObjectDisposedException. Thread-safe.
/// </summary>
public sealed class TableSnapshot : IDisposable
{
    private readonly RocksStore _store;
    private readonly ReadOptions _readOptions;
    private readonly RowReader _reader;
    private readonly ImmutableDictionary<string, TableMeta> _tables;
    private readonly UseGuard _guard;
    private readonly Action _release;

    /// <param name="readOptions">Reads as of the snapshot: a RocksDB snapshot's, or plain ones on a saved snapshot's own database.</param>
    /// <param name="time">The snapshot's "now" (ms): time to live is applied as of then, whenever it is read.</param>
    /// <param name="release">Frees what the snapshot holds; runs once, when it is disposed and no read uses it.</param>
    internal TableSnapshot(RocksStore store, ReadOptions readOptions, long sequence, long time,
        ImmutableDictionary<string, TableMeta> tables, Action release)
    {
        _store = store;
        _readOptions = readOptions;
        _tables = tables;
        _release = release;
        _guard = new UseGuard(this);
        Sequence = sequence;
        Time = time;
        _reader = new RowReader(store, readOptions, Table, time);
    }

    /// <summary>The newest change the snapshot includes.</summary>
    public long Sequence { get; }

    /// <summary>When the snapshot was taken (ms since the epoch).</summary>
    public long Time { get; }

    /// <summary>The table's definition as it was at the snapshot, or OTSObjectNotExist.</summary>
    public TableMeta Table(string tableName) =>
        _tables.TryGetValue(tableName ?? "", out var table) ? table : throw TableStoreException.NoTable(tableName ?? "");

    /// <summary>How many rows the table had at the snapshot, exactly.</summary>
    public long RowCount(string tableName)
    {
        var table = Table(tableName);
        using var lease = _guard.Enter();
        return _store.GetMetaInt64(MetaKeys.RowCount(table.Id), 0, _readOptions);
    }

    /// <summary>
    /// The table's rows in key order with the newest version of each cell, from <paramref name="fromInclusive"/>
    /// (a full primary key, INF_MIN/INF_MAX allowed; null for the first row) on, so a reader that stopped can resume.
    /// </summary>
    public IEnumerable<Row> Scan(string tableName, IReadOnlyList<KeyColumn>? fromInclusive = null)
    {
        using var lease = _guard.Enter();
        foreach (var row in _reader.Scan(tableName, fromInclusive))
        {
            yield return row;
            // The lease keeps the storage open; this only makes a disposed snapshot's scan stop soon.
            _guard.ThrowIfClosed();
        }
    }

    /// <summary>GetRange as of the snapshot: one page of rows, and where the next page starts.</summary>
    public GetRangeResult GetRange(GetRangeRequest request)
    {
        using var lease = _guard.Enter();
        return _reader.GetRange(request);
    }

    /// <summary>Frees the snapshot (a saved one closes its database) once no read uses it; disposing again does nothing.</summary>
    public void Dispose() => _guard.Close(_release);
}

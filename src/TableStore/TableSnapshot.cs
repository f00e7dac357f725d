using System.Collections.Immutable;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// The tables as they were when the snapshot was opened, after the change <see cref="Sequence"/> and before the
/// next one. Reads stream from storage. Dispose it to let storage reclaim what only it still sees.
/// </summary>
public sealed class TableSnapshot : IDisposable
{
    private readonly Snapshot _snapshot;
    private readonly RowReader _reader;
    private readonly ImmutableDictionary<string, TableMeta> _tables;

    internal TableSnapshot(RocksStore store, Snapshot snapshot, long sequence, ImmutableDictionary<string, TableMeta> tables, long now)
    {
        _snapshot = snapshot;
        _tables = tables;
        Sequence = sequence;
        Time = now;
        _reader = new RowReader(store, new ReadOptions().SetSnapshot(snapshot), Table, now);
    }

    /// <summary>The newest change the snapshot includes.</summary>
    public long Sequence { get; }

    /// <summary>When the snapshot was taken (ms since the epoch).</summary>
    public long Time { get; }

    public TableMeta Table(string tableName) =>
        _tables.TryGetValue(tableName, out var table) ? table : throw TableStoreException.NoTable(tableName);

    /// <summary>Every row of the table in key order with the newest version of each cell.</summary>
    public IEnumerable<Row> Scan(string tableName) => _reader.Scan(tableName);

    public GetRangeResult GetRange(GetRangeRequest request) => _reader.GetRange(request);

    public void Dispose() => _snapshot.Dispose();
}

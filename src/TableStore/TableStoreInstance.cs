using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;

namespace DeliveryConsole.TableStore;

/// <summary>
/// One table store instance, open: its RocksDB folder, the table definitions, the counters and change holds, and
/// the lock that orders commits. It opens the database when constructed and closes it, once, when disposed. The
/// parts callers use work on it and hold no state of their own: <see cref="TableDefinitions"/> (the tables),
/// <see cref="RowWriter"/> (writes with conditions), <see cref="LiveRows"/> (reads, ranges and live snapshots),
/// <see cref="ChangeLog"/> and <see cref="SavedSnapshots"/>. Writes are serialized, so change sequence order is
/// commit order; reads never block and see committed data only. Thread-safe.
/// </summary>
public sealed class TableStoreInstance : IDisposable
{
    internal static readonly JsonSerializerOptions MetaJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly TimeProvider _time;
    private readonly ITimer _trimTimer;
    private volatile ImmutableDictionary<string, TableMeta> _tables;
    private long _sequence;
    private long _trimmedThrough;
    private bool _disposed;

    /// <summary>Opens (or creates) the store in <see cref="TableStoreOptions.Folder"/>; <paramref name="time"/> is its clock (the system's by default).</summary>
    public TableStoreInstance(TableStoreOptions options, TimeProvider? time = null)
    {
        Options = options;
        _time = time ?? TimeProvider.System;
        SnapshotsFolder = options.ResolveSnapshotsFolder();
        Store = new RocksStore(options.Folder);
        _tables = LoadTables(Store);
        foreach (var table in _tables.Values)
        {
            RowCounts[table.Id] = Store.GetMetaInt64(MetaKeys.RowCount(table.Id), 0);
            AutoIncrements[table.Id] = Store.GetMetaInt64(MetaKeys.AutoIncrement(table.Id), 0);
        }
        _sequence = Store.GetMetaInt64(MetaKeys.Sequence, 0);
        LastCommitTime = Store.GetMetaInt64(MetaKeys.CommitTime, 0);
        NextTableId = (uint)Store.GetMetaInt64(MetaKeys.NextTableId, 1);
        _trimmedThrough = Store.GetMetaInt64(MetaKeys.Trimmed, 0);
        LoadHolds();
        _trimTimer = _time.CreateTimer(_ => new ChangeLog(this).TrimInBackground(), null, options.TrimInterval, options.TrimInterval);
    }

    internal RocksStore Store { get; }
    internal TableStoreOptions Options { get; }
    internal string SnapshotsFolder { get; }

    /// <summary>Held by every change to the database or to the state below; reads take it only where they must agree with a commit.</summary>
    internal Lock WriteLock { get; } = new();

    /// <summary>The table definitions by name; replaced whole, under <see cref="WriteLock"/>, so a reader sees one version.</summary>
    internal ImmutableDictionary<string, TableMeta> Tables
    {
        get => _tables;
        set => _tables = value;
    }

    // Under WriteLock: each table's row count and last auto-increment value, by table id.
    internal Dictionary<uint, long> RowCounts { get; } = [];
    internal Dictionary<uint, long> AutoIncrements { get; } = [];

    /// <summary>The change holds by consumer (see <see cref="ChangeLog.SetChangeHold"/>); under <see cref="WriteLock"/>.</summary>
    internal Dictionary<string, long> Holds { get; } = [];

    /// <summary>The newest committed change's sequence; set under <see cref="WriteLock"/>, read anywhere.</summary>
    internal long Sequence
    {
        get => Interlocked.Read(ref _sequence);
        set => Interlocked.Exchange(ref _sequence, value);
    }

    /// <summary>The changes up to this sequence are trimmed; set under <see cref="WriteLock"/>, read anywhere.</summary>
    internal long TrimmedThrough
    {
        get => Interlocked.Read(ref _trimmedThrough);
        set => Interlocked.Exchange(ref _trimmedThrough, value);
    }

    // Under WriteLock.
    internal long LastCommitTime { get; set; }
    internal uint NextTableId { get; set; }

    /// <summary>Open live snapshots: Dispose closes them before the database, since each holds a RocksDB snapshot in it.</summary>
    internal ConcurrentDictionary<TableSnapshot, bool> LiveSnapshots { get; } = new();

    internal long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The table's definition, or OTSObjectNotExist.</summary>
    internal TableMeta Table(string tableName) =>
        _tables.TryGetValue(tableName ?? "", out var table) ? table : throw TableStoreException.NoTable(tableName ?? "");

    // Native handles must never be used after close: that would crash the process, not throw.
    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>The table definitions in <paramref name="store"/>: the live one, or a saved snapshot's.</summary>
    internal static ImmutableDictionary<string, TableMeta> LoadTables(RocksStore store)
    {
        var tables = ImmutableDictionary.CreateBuilder<string, TableMeta>(StringComparer.Ordinal);
        var prefix = RocksStore.MetaKey(MetaKeys.Table(""));
        using var iterator = store.Db.NewIterator(store.Meta);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.GetKeySpan().StartsWith(prefix); iterator.Next())
        {
            var table = JsonSerializer.Deserialize<TableMeta>(iterator.GetValueSpan(), MetaJson)!;
            tables[table.Name] = table;
        }
        return tables.ToImmutable();
    }

    private void LoadHolds()
    {
        var prefix = RocksStore.MetaKey(MetaKeys.Hold(""));
        using var iterator = Store.Db.NewIterator(Store.Meta);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.GetKeySpan().StartsWith(prefix); iterator.Next())
            Holds[Encoding.UTF8.GetString(iterator.GetKeySpan()[prefix.Length..])] = BinaryPrimitives.ReadInt64LittleEndian(iterator.GetValueSpan());
    }

    /// <summary>
    /// Closes the store. Open live snapshots are closed first (a saved snapshot has its own database and stays
    /// open); a read still running finishes its current row and the database closes when it ends.
    /// </summary>
    public void Dispose()
    {
        _trimTimer.Dispose();
        lock (WriteLock)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var snapshot in LiveSnapshots.Keys)
                snapshot.Dispose();
            Store.Dispose();
        }
    }
}

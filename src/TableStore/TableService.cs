using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// The embedded table store: one instance's tables, rows and change log, durable in one RocksDB folder.
/// Operations have the real service's names, rules and error codes. Writes are serialized, so change sequence
/// order is commit order; reads never block and see committed data only. Thread-safe.
/// </summary>
public sealed partial class TableService : IDisposable
{
    private static readonly JsonSerializerOptions MetaJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly RocksStore _store;
    private readonly TableStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _writeLock = new();
    private readonly ITimer _trimTimer;
    private volatile ImmutableDictionary<string, TableMeta> _tables;
    private readonly Dictionary<uint, long> _rowCounts = [];
    private readonly Dictionary<uint, long> _autoIncrements = [];
    private long _sequence;
    private long _lastCommitTime;
    private uint _nextTableId;
    private bool _disposed;

    public TableService(TableStoreOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _snapshotsFolder = options.ResolveSnapshotsFolder();
        _store = new RocksStore(options.Folder);
        _tables = LoadTables(_store);
        foreach (var table in _tables.Values)
        {
            _rowCounts[table.Id] = _store.GetMetaInt64(MetaKeys.RowCount(table.Id), 0);
            _autoIncrements[table.Id] = _store.GetMetaInt64(MetaKeys.AutoIncrement(table.Id), 0);
        }
        _sequence = _store.GetMetaInt64(MetaKeys.Sequence, 0);
        _lastCommitTime = _store.GetMetaInt64(MetaKeys.CommitTime, 0);
        _nextTableId = (uint)_store.GetMetaInt64(MetaKeys.NextTableId, 1);
        _trimmedThrough = _store.GetMetaInt64(MetaKeys.Trimmed, 0);
        LoadHolds();
        _trimTimer = _time.CreateTimer(_ => TrimInBackground(), null, options.TrimInterval, options.TrimInterval);
    }

    /// <summary>The newest committed change's sequence (0 before the first write).</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    public IReadOnlyList<string> ListTable() => [.. _tables.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every table with its row count, in name order, from one listing: a table deleted meanwhile is simply not there,
    /// where listing and then describing each name could meet a name that no longer exists.
    /// </summary>
    public IReadOnlyList<TableDescription> DescribeTables()
    {
        var tables = _tables;
        lock (_writeLock)
            return [.. tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new TableDescription(t, _rowCounts.GetValueOrDefault(t.Id)))];
    }

    public TableDescription DescribeTable(string tableName)
    {
        var table = Table(tableName);
        lock (_writeLock)
            return new TableDescription(table, _rowCounts.GetValueOrDefault(table.Id));
    }

    public TableMeta CreateTable(string tableName, IReadOnlyList<PrimaryKeyColumn> primaryKey,
        IReadOnlyList<DefinedColumn>? definedColumns = null, TableOptions? options = null, StreamSpecification? stream = null)
    {
        SchemaRules.RequireName(tableName, "Table name");
        SchemaRules.CheckPrimaryKey(primaryKey);
        definedColumns ??= [];
        SchemaRules.CheckDefinedColumns(definedColumns, primaryKey);
        options ??= new TableOptions();
        SchemaRules.CheckOptions(options);
        stream ??= new StreamSpecification();
        SchemaRules.CheckStream(stream);
        lock (_writeLock)
        {
            ThrowIfDisposed();
            if (_tables.ContainsKey(tableName))
                throw new TableStoreException(new(TableStoreError.ObjectAlreadyExist, $"Requested table '{tableName}' already exists."));
            if (_tables.Count >= _options.MaxTables)
                throw new TableStoreException(new(TableStoreError.QuotaExhausted, $"The instance already has {_tables.Count} tables, its limit."));
            var table = new TableMeta(tableName, [.. primaryKey], [.. definedColumns], options, stream, _nextTableId,
                _time.GetUtcNow().ToUnixTimeMilliseconds());
            using var batch = new WriteBatch();
            batch.Put(RocksStore.MetaKey(MetaKeys.Table(tableName)), JsonSerializer.SerializeToUtf8Bytes(table, MetaJson), _store.Meta);
            batch.Put(RocksStore.MetaKey(MetaKeys.NextTableId), RocksStore.Int64Bytes(_nextTableId + 1L), _store.Meta);
            _store.Write(batch);
            _nextTableId++;
            _rowCounts[table.Id] = 0;
            _autoIncrements[table.Id] = 0;
            _tables = _tables.SetItem(tableName, table);
            return table;
        }
    }

    /// <summary>Changes a table's options and stream specification; null leaves one as it is.</summary>
    public TableMeta UpdateTable(string tableName, TableOptions? options, StreamSpecification? stream)
    {
        if (options is not null)
            SchemaRules.CheckOptions(options);
        if (stream is not null)
            SchemaRules.CheckStream(stream);
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var table = Table(tableName);
            var updated = table with { Options = options ?? table.Options, Stream = stream ?? table.Stream };
            _store.Db.Put(RocksStore.MetaKey(MetaKeys.Table(tableName)), JsonSerializer.SerializeToUtf8Bytes(updated, MetaJson), _store.Meta, _store.WriteOptions);
            _tables = _tables.SetItem(tableName, updated);
            return updated;
        }
    }

    /// <summary>Removes the table and its rows. Its id is never reused, so nothing of it can reappear.</summary>
    public void DeleteTable(string tableName)
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var table = Table(tableName);
            var prefix = KeyCodec.TablePrefix(table.Id);
            var end = KeyCodec.Successor(prefix);
            using var batch = new WriteBatch();
            batch.Delete(RocksStore.MetaKey(MetaKeys.Table(tableName)), _store.Meta);
            batch.Delete(RocksStore.MetaKey(MetaKeys.RowCount(table.Id)), _store.Meta);
            batch.Delete(RocksStore.MetaKey(MetaKeys.AutoIncrement(table.Id)), _store.Meta);
            batch.DeleteRange(prefix, (ulong)prefix.Length, end, (ulong)end.Length, _store.Rows);
            _store.Write(batch);
            _rowCounts.Remove(table.Id);
            _autoIncrements.Remove(table.Id);
            _tables = _tables.Remove(tableName);
        }
    }

    /// <summary>The table's definition, or OTSObjectNotExist.</summary>
    public TableMeta Table(string tableName) =>
        _tables.TryGetValue(tableName ?? "", out var table) ? table : throw TableStoreException.NoTable(tableName ?? "");

    /// <summary>The table definitions in <paramref name="store"/>: the live one, or a saved snapshot's.</summary>
    private static ImmutableDictionary<string, TableMeta> LoadTables(RocksStore store)
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
        using var iterator = _store.Db.NewIterator(_store.Meta);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.GetKeySpan().StartsWith(prefix); iterator.Next())
            _holds[Encoding.UTF8.GetString(iterator.GetKeySpan()[prefix.Length..])] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(iterator.GetValueSpan());
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Native handles must never be used after close: that would crash the process, not throw.
    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>
    /// Closes the store. Open live snapshots are closed first (a saved snapshot has its own database and stays
    /// open); a read still running finishes its current row and the database closes when it ends.
    /// </summary>
    public void Dispose()
    {
        _trimTimer.Dispose();
        lock (_writeLock)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var snapshot in _liveSnapshots.Keys)
                snapshot.Dispose();
            _store.Dispose();
        }
    }
}

/// <summary>A table's definition and its current row count.</summary>
public sealed record TableDescription(TableMeta Table, long RowCount);

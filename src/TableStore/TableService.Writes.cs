using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

public sealed partial class TableService
{
    public const int MaxBatchRows = 200;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>
    /// PutRow, UpdateRow or DeleteRow: writes one row and appends its change record in one atomic commit.
    /// Returns the primary key as stored (auto-increment values filled in); throws with the error code otherwise.
    /// </summary>
    public IReadOnlyList<KeyColumn> WriteRow(string tableName, RowWrite write) => WriteRowWithResult(tableName, write).PrimaryKey!;

    /// <summary>
    /// <see cref="WriteRow"/> giving back everything the write produced: the key as stored and, for increments, the
    /// new cells (<see cref="RowWriteResult.ReturnColumns"/>). The result is always ok; errors throw.
    /// </summary>
    public RowWriteResult WriteRowWithResult(string tableName, RowWrite write)
    {
        var result = Commit([new PendingWrite(tableName, write)])[0];
        return result.Error is null ? result : throw new TableStoreException(result.Error);
    }

    /// <summary>
    /// BatchWriteRow: up to 200 rows (4 MiB) across tables, each succeeding or failing on its own; every success
    /// and its change record commit together. A key given twice for one table rejects the whole request.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RowWriteResult>> BatchWriteRow(IReadOnlyList<(string TableName, IReadOnlyList<RowWrite> Rows)> tables)
    {
        var writes = new List<PendingWrite>();
        var bytes = 0L;
        foreach (var (tableName, rows) in tables)
            foreach (var row in rows)
            {
                writes.Add(new PendingWrite(tableName, row));
                bytes += WriteSize(row);
            }
        if (writes.Count is 0 or > MaxBatchRows)
            throw TableStoreException.Invalid($"BatchWriteRow takes 1-{MaxBatchRows} rows, not {writes.Count}.");
        if (bytes > MaxBatchBytes)
            throw TableStoreException.Invalid($"BatchWriteRow takes at most {MaxBatchBytes} bytes of keys and values, not {bytes}.");
        var results = Commit(writes, EncodeDistinctKeys(writes));
        var byTable = new List<IReadOnlyList<RowWriteResult>>(tables.Count);
        var offset = 0;
        foreach (var (_, rows) in tables)
        {
            byTable.Add(results[offset..(offset + rows.Count)]);
            offset += rows.Count;
        }
        return byTable;
    }

    private sealed record PendingWrite(string TableName, RowWrite Write);

    /// <param name="encodedKeys">Keys already encoded, by position; null where a key still needs encoding.</param>
    private RowWriteResult[] Commit(IReadOnlyList<PendingWrite> writes, byte[]?[]? encodedKeys = null)
    {
        var results = new RowWriteResult[writes.Count];
        var writer = new ValueWriter();
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var now = NowMs;
            var commitTime = Math.Max(now, _lastCommitTime);
            var sequence = _sequence;
            var rowCounts = new Dictionary<uint, long>();
            var autoIncrements = new Dictionary<uint, long>();
            using var batch = new WriteBatch();
            Span<byte> sequenceKey = stackalloc byte[8];
            for (var i = 0; i < writes.Count; i++)
            {
                var (tableName, write) = writes[i];
                if (!_tables.TryGetValue(tableName ?? "", out var table))
                {
                    results[i] = Failed(TableStoreException.NoTable(tableName ?? "").Error);
                    continue;
                }
                if (RowRules.CheckKey(table, write.PrimaryKey, allowAutoIncrement: write.Type == WriteType.Put) is { } keyError)
                {
                    results[i] = Failed(TableStoreError.Invalid(keyError));
                    continue;
                }
                if (RowRules.CheckWrite(table, write, now) is { } writeError)
                {
                    results[i] = Failed(TableStoreError.Invalid(writeError));
                    continue;
                }
                var key = ResolveAutoIncrement(table, write, now, autoIncrements, out var conditionError);
                if (conditionError is not null)
                {
                    results[i] = Failed(TableStoreError.Invalid(conditionError));
                    continue;
                }
                var encodedKey = encodedKeys?[i] is { } known && ReferenceEquals(key, write.PrimaryKey)
                    ? known : KeyCodec.Encode(table.Id, key, writer);
                var stored = _store.Db.Get(encodedKey, _store.Rows);
                // Updates merge into the current cells and column conditions look at them; a Put or Delete without
                // a column condition never needs them decoded.
                var current = stored is not null && (write.Type == WriteType.Update || write.ColumnCondition is not null)
                    ? RowMerge.Visible(table, stored, now) : null;
                if (ConditionFails(write.Condition, stored is not null)
                    || write.ColumnCondition is { } columnCondition && !ColumnConditionRules.Passes(columnCondition, current ?? []))
                {
                    results[i] = Failed(new TableStoreError(TableStoreError.ConditionCheckFail, "Condition check failed."));
                    continue;
                }
                var incremented = RowMerge.Increment(write, current, now, out var incrementError);
                if (incrementError is not null)
                {
                    results[i] = Failed(TableStoreError.Invalid(incrementError));
                    continue;
                }
                var cells = write.Type == WriteType.Delete ? null : RowMerge.Apply(table, write, current, incremented, now);
                if (cells is not null)
                {
                    RowCodec.Encode(cells, writer);
                    batch.Put(encodedKey, writer.WrittenSpan, _store.Rows);
                }
                else if (stored is not null)
                    batch.Delete(encodedKey, _store.Rows);
                var delta = (stored is null ? 0 : -1) + (cells is null ? 0 : 1);
                if (delta != 0)
                    rowCounts[table.Id] = rowCounts.GetValueOrDefault(table.Id, _rowCounts.GetValueOrDefault(table.Id)) + delta;
                var change = new ChangeRecord(++sequence, commitTime, table.Name, ActionOf(write.Type), key, ChangedColumns(write, incremented, now));
                ChangeCodec.Encode(change, writer);
                RocksStore.WriteSequenceKey(sequenceKey, change.Sequence);
                batch.Put(sequenceKey, writer.WrittenSpan, _store.Changes);
                results[i] = new RowWriteResult(key, null, incremented.Length > 0 ? incremented : null);
            }
            if (sequence == _sequence)
                return results;
            batch.Put(RocksStore.MetaKey(MetaKeys.Sequence), RocksStore.Int64Bytes(sequence), _store.Meta);
            batch.Put(RocksStore.MetaKey(MetaKeys.CommitTime), RocksStore.Int64Bytes(commitTime), _store.Meta);
            foreach (var (id, count) in rowCounts)
                batch.Put(RocksStore.MetaKey(MetaKeys.RowCount(id)), RocksStore.Int64Bytes(count), _store.Meta);
            foreach (var (id, value) in autoIncrements)
                batch.Put(RocksStore.MetaKey(MetaKeys.AutoIncrement(id)), RocksStore.Int64Bytes(value), _store.Meta);
            _store.Write(batch);
            foreach (var (id, count) in rowCounts)
                _rowCounts[id] = count;
            foreach (var (id, value) in autoIncrements)
                _autoIncrements[id] = value;
            _lastCommitTime = commitTime;
            Interlocked.Exchange(ref _sequence, sequence);
        }
        return results;
    }

    /// <summary>
    /// The key with a generated value in place of an auto-increment placeholder: unique and increasing per table,
    /// at least the current time in microseconds, as the real service's values look.
    /// </summary>
    private IReadOnlyList<KeyColumn> ResolveAutoIncrement(TableMeta table, RowWrite write, long now,
        Dictionary<uint, long> pending, out string? error)
    {
        error = null;
        var placeholder = -1;
        for (var i = 0; i < write.PrimaryKey.Count; i++)
            if (write.PrimaryKey[i].Value.Kind == ValueKind.AutoIncrement)
                placeholder = i;
        if (placeholder < 0)
        {
            // An explicit value in the auto-increment column raises the counter past it, so no generated value
            // can ever land on (and overwrite) that row.
            var column = AutoIncrementColumn(table);
            if (column >= 0 && write.Type != WriteType.Delete)
            {
                var given = write.PrimaryKey[column].Value.AsInteger;
                if (given > pending.GetValueOrDefault(table.Id, _autoIncrements.GetValueOrDefault(table.Id)))
                    pending[table.Id] = given;
            }
            return write.PrimaryKey;
        }
        if (write.Condition != RowExistence.Ignore)
        {
            error = "A row with an auto-increment placeholder is always new: its condition must be IGNORE.";
            return write.PrimaryKey;
        }
        var last = pending.GetValueOrDefault(table.Id, _autoIncrements.GetValueOrDefault(table.Id));
        var value = Math.Max(last + 1, now * 1000);
        pending[table.Id] = value;
        var key = write.PrimaryKey.ToArray();
        key[placeholder] = key[placeholder] with { Value = Value.Integer(value) };
        return key;
    }

    private static bool ConditionFails(RowExistence condition, bool exists) => condition switch
    {
        RowExistence.ExpectExist => !exists,
        RowExistence.ExpectNotExist => exists,
        _ => false,
    };

    private static ChangeAction ActionOf(WriteType type) => type switch
    {
        WriteType.Put => ChangeAction.PutRow,
        WriteType.Update => ChangeAction.UpdateRow,
        _ => ChangeAction.DeleteRow,
    };

    private static int AutoIncrementColumn(TableMeta table)
    {
        for (var i = 0; i < table.PrimaryKey.Count; i++)
            if (table.PrimaryKey[i].AutoIncrement)
                return i;
        return -1;
    }

    /// <summary>What the write did to each column; an increment is recorded as the Put of its new value, so readers of the log see values.</summary>
    private static ColumnChange[] ChangedColumns(RowWrite write, Cell[] incremented, long now)
    {
        var columns = new ColumnChange[write.DeleteAll.Count + write.DeleteVersions.Count + write.Puts.Count + incremented.Length];
        var next = 0;
        foreach (var name in write.DeleteAll)
            columns[next++] = new ColumnChange(name, ColumnChangeType.DeleteAllVersions, null, null);
        foreach (var delete in write.DeleteVersions)
            columns[next++] = new ColumnChange(delete.Name, ColumnChangeType.DeleteOneVersion, null, delete.Timestamp);
        for (var i = 0; i < write.Puts.Count; i++)
            columns[next++] = new ColumnChange(write.Puts[i].Name, ColumnChangeType.Put, write.Puts[i].Value, write.Puts[i].Timestamp ?? now);
        foreach (var cell in incremented)
            columns[next++] = new ColumnChange(cell.Name, ColumnChangeType.Put, cell.Value, cell.Timestamp);
        return columns;
    }

    private static RowWriteResult Failed(TableStoreError error) => new(null, error);

    private static long WriteSize(RowWrite write)
    {
        var size = 0L;
        for (var i = 0; i < write.PrimaryKey.Count; i++)
            size += write.PrimaryKey[i].Name.Length + (write.PrimaryKey[i].Value.IsPlaceholder ? 0 : write.PrimaryKey[i].Value.Size);
        for (var i = 0; i < write.Puts.Count; i++)
            size += write.Puts[i].Name.Length + write.Puts[i].Value.Size + 8;
        for (var i = 0; i < write.Increments.Count; i++)
            size += write.Increments[i].Name.Length + 8;
        return size;
    }

    /// <summary>
    /// Encodes each complete key once (Commit reuses it) and rejects the request when a table's row appears twice.
    /// Rows whose table or key is invalid are left to Commit, which reports them per row.
    /// </summary>
    private byte[]?[] EncodeDistinctKeys(IReadOnlyList<PendingWrite> writes)
    {
        var encoded = new byte[]?[writes.Count];
        var seen = new HashSet<byte[]>(writes.Count, ByteArrayComparer.Instance);
        var writer = new ValueWriter();
        for (var i = 0; i < writes.Count; i++)
        {
            var (tableName, write) = writes[i];
            if (!_tables.TryGetValue(tableName ?? "", out var table) || HasPlaceholder(write.PrimaryKey)
                || RowRules.CheckKey(table, write.PrimaryKey, allowAutoIncrement: false) is not null)
                continue;
            if (!seen.Add(encoded[i] = KeyCodec.Encode(table.Id, write.PrimaryKey, writer)))
                throw TableStoreException.Invalid(
                    $"BatchWriteRow names the row ({string.Join(", ", write.PrimaryKey.Select(k => $"{k.Name}={k.Value}"))}) of table '{table.Name}' more than once.");
        }
        return encoded;
    }

    private static bool HasPlaceholder(IReadOnlyList<KeyColumn> key)
    {
        for (var i = 0; i < key.Count; i++)
            if (key[i].Value.IsPlaceholder)
                return true;
        return false;
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}

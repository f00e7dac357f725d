using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>A row write waiting to commit: the table it goes to and what it does.</summary>
internal sealed record PendingWrite(string TableName, RowWrite Write);

/// <summary>
/// Commits row writes under the instance's write lock: each checked (key, condition, column condition), applied and
/// given its change record, all successes in one atomic RocksDB batch, so the change sequence is commit order.
/// </summary>
internal static class RowCommit
{
    /// <param name="encodedKeys">Keys already encoded, by position; null where a key still needs encoding.</param>
    public static RowWriteResult[] Commit(TableStoreInstance instance, IReadOnlyList<PendingWrite> writes, byte[]?[]? encodedKeys = null)
    {
        var results = new RowWriteResult[writes.Count];
        var writer = new ValueWriter();
        var store = instance.Store;
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var now = instance.NowMs;
            var commitTime = Math.Max(now, instance.LastCommitTime);
            var sequence = instance.Sequence;
            var rowCounts = new Dictionary<uint, long>();
            var autoIncrements = new Dictionary<uint, long>();
            using var batch = new WriteBatch();
            Span<byte> sequenceKey = stackalloc byte[8];
            for (var i = 0; i < writes.Count; i++)
            {
                var (tableName, write) = writes[i];
                if (!instance.Tables.TryGetValue(tableName ?? "", out var table))
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
                var key = ResolveAutoIncrement(instance, table, write, now, autoIncrements, out var conditionError);
                if (conditionError is not null)
                {
                    results[i] = Failed(TableStoreError.Invalid(conditionError));
                    continue;
                }
                var encodedKey = encodedKeys?[i] is { } known && ReferenceEquals(key, write.PrimaryKey)
                    ? known : KeyCodec.Encode(table.Id, key, writer);
                var stored = store.Db.Get(encodedKey, store.Rows);
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
                    batch.Put(encodedKey, writer.WrittenSpan, store.Rows);
                }
                else if (stored is not null)
                    batch.Delete(encodedKey, store.Rows);
                var delta = (stored is null ? 0 : -1) + (cells is null ? 0 : 1);
                if (delta != 0)
                    rowCounts[table.Id] = rowCounts.GetValueOrDefault(table.Id, instance.RowCounts.GetValueOrDefault(table.Id)) + delta;
                var change = new ChangeRecord(++sequence, commitTime, table.Name, ActionOf(write.Type), key, ChangedColumns(write, incremented, now));
                ChangeCodec.Encode(change, writer);
                RocksStore.WriteSequenceKey(sequenceKey, change.Sequence);
                batch.Put(sequenceKey, writer.WrittenSpan, store.Changes);
                results[i] = new RowWriteResult(key, null, incremented.Length > 0 ? incremented : null);
            }
            if (sequence == instance.Sequence)
                return results;
            batch.Put(RocksStore.MetaKey(MetaKeys.Sequence), RocksStore.Int64Bytes(sequence), store.Meta);
            batch.Put(RocksStore.MetaKey(MetaKeys.CommitTime), RocksStore.Int64Bytes(commitTime), store.Meta);
            foreach (var (id, count) in rowCounts)
                batch.Put(RocksStore.MetaKey(MetaKeys.RowCount(id)), RocksStore.Int64Bytes(count), store.Meta);
            foreach (var (id, value) in autoIncrements)
                batch.Put(RocksStore.MetaKey(MetaKeys.AutoIncrement(id)), RocksStore.Int64Bytes(value), store.Meta);
            store.Write(batch);
            foreach (var (id, count) in rowCounts)
                instance.RowCounts[id] = count;
            foreach (var (id, value) in autoIncrements)
                instance.AutoIncrements[id] = value;
            instance.LastCommitTime = commitTime;
            instance.Sequence = sequence;
        }
        return results;
    }

    /// <summary>
    /// The key with a generated value in place of an auto-increment placeholder: unique and increasing per table,
    /// at least the current time in microseconds, as the real service's values look.
    /// </summary>
    private static IReadOnlyList<KeyColumn> ResolveAutoIncrement(TableStoreInstance instance, TableMeta table, RowWrite write, long now,
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
                if (given > pending.GetValueOrDefault(table.Id, instance.AutoIncrements.GetValueOrDefault(table.Id)))
                    pending[table.Id] = given;
            }
            return write.PrimaryKey;
        }
        if (write.Condition != RowExistence.Ignore)
        {
            error = "A row with an auto-increment placeholder is always new: its condition must be IGNORE.";
            return write.PrimaryKey;
        }
        var last = pending.GetValueOrDefault(table.Id, instance.AutoIncrements.GetValueOrDefault(table.Id));
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
}

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;

namespace DeliveryConsole.TableStore;

/// <summary>
/// Row writes with conditions: PutRow, UpdateRow and DeleteRow (<see cref="WriteRow"/>) and BatchWriteRow, with the
/// real service's rules, limits and error codes. Each write commits with its change record. Thread-safe.
/// </summary>
public sealed class RowWriter(TableStoreInstance instance)
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
        var result = RowCommit.Commit(instance, [new PendingWrite(tableName, write)])[0];
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
        var results = RowCommit.Commit(instance, writes, EncodeDistinctKeys(writes));
        var byTable = new List<IReadOnlyList<RowWriteResult>>(tables.Count);
        var offset = 0;
        foreach (var (_, rows) in tables)
        {
            byTable.Add(results[offset..(offset + rows.Count)]);
            offset += rows.Count;
        }
        return byTable;
    }

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
        var tables = instance.Tables;
        for (var i = 0; i < writes.Count; i++)
        {
            var (tableName, write) = writes[i];
            if (!tables.TryGetValue(tableName ?? "", out var table) || HasPlaceholder(write.PrimaryKey)
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

using System.Text.Json;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// The instance's tables themselves: ListTable, DescribeTable, CreateTable, UpdateTable and DeleteTable with the
/// real service's rules and error codes, and each table's definition by name. Thread-safe.
/// </summary>
public sealed class TableDefinitions(TableStoreInstance instance)
{
    /// <summary>ListTable: every table's name, in ordinal order.</summary>
    public IReadOnlyList<string> ListTable() => [.. instance.Tables.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every table with its row count, in name order, from one listing: a table deleted meanwhile is simply not there,
    /// where listing and then describing each name could meet a name that no longer exists.
    /// </summary>
    public IReadOnlyList<TableDescription> DescribeTables()
    {
        var tables = instance.Tables;
        lock (instance.WriteLock)
            return [.. tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new TableDescription(t, instance.RowCounts.GetValueOrDefault(t.Id)))];
    }

    /// <summary>DescribeTable: the table's definition and row count, or OTSObjectNotExist.</summary>
    public TableDescription DescribeTable(string tableName)
    {
        var table = Table(tableName);
        lock (instance.WriteLock)
            return new TableDescription(table, instance.RowCounts.GetValueOrDefault(table.Id));
    }

    /// <summary>
    /// CreateTable: checks the definition as the real service does (names, key, defined columns, options, stream) and
    /// creates the empty table, or fails with OTSObjectAlreadyExist or OTSQuotaExhausted.
    /// </summary>
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
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var tables = instance.Tables;
            if (tables.ContainsKey(tableName))
                throw new TableStoreException(new(TableStoreError.ObjectAlreadyExist, $"Requested table '{tableName}' already exists."));
            if (tables.Count >= instance.Options.MaxTables)
                throw new TableStoreException(new(TableStoreError.QuotaExhausted, $"The instance already has {tables.Count} tables, its limit."));
            var table = new TableMeta(tableName, [.. primaryKey], [.. definedColumns], options, stream, instance.NextTableId, instance.NowMs);
            var store = instance.Store;
            using var batch = new WriteBatch();
            batch.Put(RocksStore.MetaKey(MetaKeys.Table(tableName)), JsonSerializer.SerializeToUtf8Bytes(table, TableStoreInstance.MetaJson), store.Meta);
            batch.Put(RocksStore.MetaKey(MetaKeys.NextTableId), RocksStore.Int64Bytes(instance.NextTableId + 1L), store.Meta);
            store.Write(batch);
            instance.NextTableId++;
            instance.RowCounts[table.Id] = 0;
            instance.AutoIncrements[table.Id] = 0;
            instance.Tables = tables.SetItem(tableName, table);
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
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var table = Table(tableName);
            var updated = table with { Options = options ?? table.Options, Stream = stream ?? table.Stream };
            var store = instance.Store;
            store.Db.Put(RocksStore.MetaKey(MetaKeys.Table(tableName)), JsonSerializer.SerializeToUtf8Bytes(updated, TableStoreInstance.MetaJson),
                store.Meta, store.WriteOptions);
            instance.Tables = instance.Tables.SetItem(tableName, updated);
            return updated;
        }
    }

    /// <summary>Removes the table and its rows. Its id is never reused, so nothing of it can reappear.</summary>
    public void DeleteTable(string tableName)
    {
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var table = Table(tableName);
            var prefix = KeyCodec.TablePrefix(table.Id);
            var end = KeyCodec.Successor(prefix);
            var store = instance.Store;
            using var batch = new WriteBatch();
            batch.Delete(RocksStore.MetaKey(MetaKeys.Table(tableName)), store.Meta);
            batch.Delete(RocksStore.MetaKey(MetaKeys.RowCount(table.Id)), store.Meta);
            batch.Delete(RocksStore.MetaKey(MetaKeys.AutoIncrement(table.Id)), store.Meta);
            batch.DeleteRange(prefix, (ulong)prefix.Length, end, (ulong)end.Length, store.Rows);
            store.Write(batch);
            instance.RowCounts.Remove(table.Id);
            instance.AutoIncrements.Remove(table.Id);
            instance.Tables = instance.Tables.Remove(tableName);
        }
    }

    /// <summary>The table's definition, or OTSObjectNotExist.</summary>
    public TableMeta Table(string tableName) => instance.Table(tableName);
}

/// <summary>A table's definition and its current row count.</summary>
public sealed record TableDescription(TableMeta Table, long RowCount);

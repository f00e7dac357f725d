using System.Globalization;
using System.Reflection;
using DeliveryConsole.TableStore;
using RocksDbSharp;

namespace DeliveryConsole.LoadBench;

/// <summary>
/// A diagnostic: RocksDB's own memory figures for the table store, summed over its column families, to tell which
/// native memory grows. The store is internal to <see cref="TableStoreInstance"/>, so it is reached by reflection; if that
/// property is renamed the probe reports nothing (-1) rather than failing the bench.
/// </summary>
internal sealed class RocksProbe
{
    private readonly RocksDb? _db;
    private readonly ColumnFamilyHandle[] _families = [];

    public RocksProbe(TableStoreInstance tables)
    {
        var store = typeof(TableStoreInstance).GetProperty("Store", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(tables);
        _db = store?.GetType().GetProperty("Db")?.GetValue(store) as RocksDb;
        if (store is null || _db is null)
            return;
        _families = [.. new[] { "Meta", "Rows", "Changes" }.Select(name => store.GetType().GetProperty(name)?.GetValue(store)).OfType<ColumnFamilyHandle>()];
    }

    /// <summary>Memtables, block caches, and index and filter blocks held by open files (outside the cache), in bytes.</summary>
    public (long Memtables, long BlockCache, long TableReaders) Sample() =>
        (Sum("rocksdb.cur-size-all-mem-tables"), Sum("rocksdb.block-cache-usage"), Sum("rocksdb.estimate-table-readers-mem"));

    private long Sum(string property)
    {
        if (_db is null || _families.Length == 0)
            return -1;
        return _families.Sum(family => long.TryParse(_db.GetProperty(property, family), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
    }
}

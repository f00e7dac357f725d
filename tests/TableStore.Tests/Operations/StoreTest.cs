using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DeliveryConsole.TableStore.Tests.Operations;

/// <summary>A table store on a real RocksDB folder in a temp folder, with a clock the test moves.</summary>
public abstract class StoreTest : IDisposable
{
    protected readonly TempFolder Data = new();
    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    protected StoreTest() => Store = Open();

    protected TableStoreSet Store { get; private set; }

    protected long Now => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    protected TableStoreSet Open() => new(new TableStoreOptions { Folder = Data.Combine("tables") }, Clock);

    /// <summary>Closes the store and opens it again on the same folder, as a restart does.</summary>
    protected void Reopen()
    {
        Store.Dispose();
        Store = Open();
    }

    protected TableMeta CreateTable(string name = "orders", params PrimaryKeyColumn[] key) =>
        Store.Tables.CreateTable(name, key.Length > 0 ? key : [new("id", PrimaryKeyType.String)]);

    protected static KeyColumn[] Key(params (string Name, Value Value)[] columns) =>
        [.. columns.Select(c => new KeyColumn(c.Name, c.Value))];

    protected static KeyColumn[] Id(string id) => Key(("id", Value.String(id)));

    protected IReadOnlyList<KeyColumn> Put(string table, KeyColumn[] key, params (string Name, Value Value)[] columns) =>
        Store.Writer.WriteRow(table, new RowWrite(WriteType.Put, key, [.. columns.Select(c => new ColumnPut(c.Name, c.Value))]));

    protected static TableStoreError ErrorOf(Action action) => Assert.Throws<TableStoreException>(action).Error;

    public void Dispose()
    {
        Store.Dispose();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }
}

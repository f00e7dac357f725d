using DeliveryConsole.TableStore;

namespace DeliveryConsole.Testing;

/// <summary>
/// A table store for a test: one <see cref="TableStoreInstance"/> and every part on it, as the console registers
/// them. Disposing the set closes the instance, once.
/// </summary>
public sealed class TableStoreSet : IDisposable
{
    public TableStoreSet(TableStoreOptions options, TimeProvider? time = null)
    {
        Instance = new TableStoreInstance(options, time);
        Tables = new TableDefinitions(Instance);
        Writer = new RowWriter(Instance);
        LiveRows = new LiveRows(Instance);
        ChangeLog = new ChangeLog(Instance);
        SavedSnapshots = new SavedSnapshots(Instance);
    }

    public TableStoreInstance Instance { get; }
    public TableDefinitions Tables { get; }
    public RowWriter Writer { get; }
    public LiveRows LiveRows { get; }
    public ChangeLog ChangeLog { get; }
    public SavedSnapshots SavedSnapshots { get; }

    public void Dispose() => Instance.Dispose();
}

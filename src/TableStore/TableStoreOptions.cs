namespace DeliveryConsole.TableStore;

/// <summary>Where the table store keeps its data and how much it may hold.</summary>
public sealed class TableStoreOptions
{
    /// <summary>The RocksDB folder: rows, change log and table definitions, all in one place.</summary>
    public required string Folder { get; init; }

    /// <summary>How many tables the instance may have (the real service's default quota is 64).</summary>
    public int MaxTables { get; init; } = 64;

    /// <summary>How often the change log is trimmed of changes no task needs and older than every stream expiration.</summary>
    public TimeSpan TrimInterval { get; init; } = TimeSpan.FromMinutes(10);
}

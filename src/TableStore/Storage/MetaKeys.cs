namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// The names of the keys in the <c>meta</c> column family, in one place: the live service writes them and a
/// snapshot (live or saved) reads them back.
/// </summary>
internal static class MetaKeys
{
    /// <summary>The newest committed change's sequence.</summary>
    public const string Sequence = "seq";

    /// <summary>The newest commit's time (ms), so commit times never go back after a restart.</summary>
    public const string CommitTime = "commit-time";

    public const string NextTableId = "next-table-id";

    /// <summary>The sequence the change log is trimmed through.</summary>
    public const string Trimmed = "trimmed-through";

    /// <summary>A table's definition (JSON); <c>Table("")</c> is the prefix of them all.</summary>
    public static string Table(string name) => "table:" + name;

    /// <summary>A table's row count, written in the same batch as every write that changes it.</summary>
    public static string RowCount(uint tableId) => $"rows:{tableId}";

    public static string AutoIncrement(uint tableId) => $"autoinc:{tableId}";

    /// <summary>A consumer's change hold; <c>Hold("")</c> is the prefix of them all.</summary>
    public static string Hold(string consumer) => "hold:" + consumer;
}

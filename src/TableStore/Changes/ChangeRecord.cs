using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Changes;

public enum ChangeAction : byte
{
    PutRow = 1,
    UpdateRow = 2,
    DeleteRow = 3,
}

public enum ColumnChangeType : byte
{
    Put = 1,
    DeleteOneVersion = 2,
    DeleteAllVersions = 3,
}

/// <summary>What one committed write did to one column. Put carries the value and timestamp as stored.</summary>
public readonly record struct ColumnChange(string Name, ColumnChangeType Type, Value? Value, long? Timestamp);

/// <summary>
/// One committed Put/Update/Delete, appended in the same atomic commit as the row write.
/// <paramref name="Sequence"/> is strictly increasing in commit order across the instance;
/// <paramref name="CommitTime"/> (ms) never decreases.
/// </summary>
public sealed record ChangeRecord(
    long Sequence,
    long CommitTime,
    string TableName,
    ChangeAction Action,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnChange> Columns);

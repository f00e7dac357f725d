namespace DeliveryConsole.TableStore.Model;

public enum PrimaryKeyType : byte
{
    Integer = 1,
    String = 2,
    Binary = 3,
}

public enum ColumnType : byte
{
    String = 2,
    Integer = 1,
    Double = 4,
    Boolean = 5,
    Binary = 3,
}

/// <summary>One primary-key column. At most one per table is auto-increment: INTEGER, never the first.</summary>
public sealed record PrimaryKeyColumn(string Name, PrimaryKeyType Type, bool AutoIncrement = false);

/// <summary>A declared attribute column: a hint for the console; rows may still hold any type in it.</summary>
public sealed record DefinedColumn(string Name, ColumnType Type);

/// <param name="TimeToLive">Seconds a cell version lives; -1 forever, else at least 86,400.</param>
/// <param name="MaxVersions">How many versions of a cell are kept.</param>
/// <param name="MaxTimeDeviation">Seconds a client-given timestamp may differ from the server's clock.</param>
public sealed record TableOptions(int TimeToLive = -1, int MaxVersions = 1, long MaxTimeDeviation = 86_400);

/// <param name="ExpirationTime">Hours the change log keeps a table's changes at least.</param>
public sealed record StreamSpecification(bool EnableStream = false, int ExpirationTime = 168);

/// <summary>A table as stored: its name, key, declared columns and options. <paramref name="Id"/> is never reused.</summary>
public sealed record TableMeta(
    string Name,
    IReadOnlyList<PrimaryKeyColumn> PrimaryKey,
    IReadOnlyList<DefinedColumn> DefinedColumns,
    TableOptions Options,
    StreamSpecification Stream,
    uint Id,
    long CreationTime);

namespace DeliveryConsole.TableStore.Model;

/// <summary>One column of a primary key with its value.</summary>
public readonly record struct KeyColumn(string Name, Value Value);

/// <summary>One version of one attribute cell; <paramref name="Timestamp"/> in milliseconds since the epoch.</summary>
public readonly record struct Cell(string Name, Value Value, long Timestamp);

/// <summary>A row as read: the full primary key in schema order, cells by column name, newest version first.</summary>
public sealed record Row(IReadOnlyList<KeyColumn> PrimaryKey, IReadOnlyList<Cell> Columns);

public enum RowExistence : byte
{
    Ignore = 0,
    ExpectExist = 1,
    ExpectNotExist = 2,
}

public enum WriteType : byte
{
    Put = 1,
    Update = 2,
    Delete = 3,
}

/// <summary>A cell to write; without a timestamp the server's clock gives one.</summary>
public readonly record struct ColumnPut(string Name, Value Value, long? Timestamp = null);

/// <summary>A version to delete: the cell <paramref name="Name"/> at exactly <paramref name="Timestamp"/>.</summary>
public readonly record struct ColumnVersion(string Name, long Timestamp);

/// <summary>
/// One row write as PutRow, UpdateRow, DeleteRow and each row of BatchWriteRow express it.
/// Put replaces the row with <see cref="Puts"/>; Update applies puts, version deletes and delete-alls to it;
/// Delete removes it.
/// </summary>
public sealed record RowWrite(
    WriteType Type,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnPut>? Puts = null,
    IReadOnlyList<ColumnVersion>? DeleteVersions = null,
    IReadOnlyList<string>? DeleteAll = null,
    RowExistence Condition = RowExistence.Ignore,
    bool ReturnPrimaryKey = false)
{
    public IReadOnlyList<ColumnPut> Puts { get; init; } = Puts ?? [];
    public IReadOnlyList<ColumnVersion> DeleteVersions { get; init; } = DeleteVersions ?? [];
    public IReadOnlyList<string> DeleteAll { get; init; } = DeleteAll ?? [];
}

/// <summary>The outcome of one row write: the key as stored (with generated auto-increment values) or the error.</summary>
public sealed record RowWriteResult(IReadOnlyList<KeyColumn>? PrimaryKey, TableStoreError? Error)
{
    public bool IsOk => Error is null;
}

public enum Direction : byte
{
    Forward = 0,
    Backward = 1,
}

/// <param name="ColumnsToGet">Null or empty: every column.</param>
/// <param name="MaxVersions">How many versions of each cell to return, newest first.</param>
public sealed record GetRangeRequest(
    string TableName,
    Direction Direction,
    IReadOnlyList<KeyColumn> InclusiveStartPrimaryKey,
    IReadOnlyList<KeyColumn> ExclusiveEndPrimaryKey,
    int? Limit = null,
    IReadOnlyList<string>? ColumnsToGet = null,
    int MaxVersions = 1);

/// <summary>A page of rows; <paramref name="NextStartPrimaryKey"/> is where the next page starts, null at the end.</summary>
public sealed record GetRangeResult(IReadOnlyList<Row> Rows, IReadOnlyList<KeyColumn>? NextStartPrimaryKey);

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
/// An atomic counter step (UpdateRow's INCREMENT): the column's latest INTEGER version (0 when the column is
/// absent) plus <paramref name="Delta"/>, written as a new version at the server's time.
/// </summary>
public readonly record struct ColumnIncrement(string Name, long Delta);

/// <summary>
/// One row write as PutRow, UpdateRow, DeleteRow and each row of BatchWriteRow express it.
/// Put replaces the row with <see cref="Puts"/>; Update applies puts, increments, version deletes and delete-alls
/// to it; Delete removes it. <see cref="Condition"/> and <see cref="ColumnCondition"/> are both checked against the
/// row as it is before the write; if either fails nothing is written.
/// </summary>
/// <param name="Increments">UpdateRow only; a column may not also be put or deleted by the same write.</param>
/// <param name="ColumnCondition">Null: no column condition.</param>
public sealed record RowWrite(
    WriteType Type,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnPut>? Puts = null,
    IReadOnlyList<ColumnVersion>? DeleteVersions = null,
    IReadOnlyList<string>? DeleteAll = null,
    RowExistence Condition = RowExistence.Ignore,
    bool ReturnPrimaryKey = false,
    IReadOnlyList<ColumnIncrement>? Increments = null,
    ColumnCondition? ColumnCondition = null)
{
    public IReadOnlyList<ColumnPut> Puts { get; init; } = Puts ?? [];
    public IReadOnlyList<ColumnVersion> DeleteVersions { get; init; } = DeleteVersions ?? [];
    public IReadOnlyList<string> DeleteAll { get; init; } = DeleteAll ?? [];
    public IReadOnlyList<ColumnIncrement> Increments { get; init; } = Increments ?? [];
}

/// <summary>
/// The outcome of one row write: the key as stored (with generated auto-increment values) or the error.
/// <paramref name="ReturnColumns"/> holds the cells the write computed, i.e. each incremented column with its new
/// value and timestamp (what ReturnContent RT_AFTER_MODIFY answers); null when the write incremented nothing.
/// </summary>
public sealed record RowWriteResult(IReadOnlyList<KeyColumn>? PrimaryKey, TableStoreError? Error,
    IReadOnlyList<Cell>? ReturnColumns = null)
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

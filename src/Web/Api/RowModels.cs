using System.Text.Json.Serialization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

// Request and response bodies of the row operations. A primary key is an object in key order; values follow
// ValueJsonConverter's encoding.

public sealed record PutRowBody(
    string TableName,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnPut>? Columns = null,
    RowExistence Condition = RowExistence.Ignore,
    bool ReturnPrimaryKey = false);

public sealed record UpdateRowBody(
    string TableName,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnPut>? Put = null,
    IReadOnlyList<ColumnVersionJson>? Delete = null,
    IReadOnlyList<string>? DeleteAll = null,
    RowExistence Condition = RowExistence.Ignore,
    bool ReturnPrimaryKey = false);

public sealed record ColumnVersionJson(string Name, long Timestamp);

public sealed record DeleteRowBody(string TableName, IReadOnlyList<KeyColumn> PrimaryKey, RowExistence Condition = RowExistence.Ignore);

/// <summary>The primary key of the written row when returnPrimaryKey was asked for (auto-increment values filled in).</summary>
public sealed record WriteRowResult(IReadOnlyList<KeyColumn>? PrimaryKey);

/// <param name="WithTimestamps">Return each column as [{value, timestamp}, ...], newest first.</param>
public sealed record GetRowBody(
    string TableName,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<string>? ColumnsToGet = null,
    int MaxVersions = 1,
    bool WithTimestamps = false);

public sealed record GetRowResult([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] RowJson? Row);

public sealed record GetRangeBody(
    string TableName,
    Direction Direction,
    IReadOnlyList<KeyColumn> InclusiveStartPrimaryKey,
    IReadOnlyList<KeyColumn> ExclusiveEndPrimaryKey,
    int? Limit = null,
    IReadOnlyList<string>? ColumnsToGet = null,
    int MaxVersions = 1,
    bool WithTimestamps = false);

public sealed record GetRangeResultJson(
    IReadOnlyList<RowJson> Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<KeyColumn>? NextStartPrimaryKey);

/// <param name="Columns">name: newest value, or name: [{value, timestamp}, ...] with withTimestamps.</param>
public sealed record RowJson(IReadOnlyList<KeyColumn> PrimaryKey, IReadOnlyDictionary<string, object> Columns)
{
    public static RowJson From(Row row, bool withTimestamps)
    {
        var columns = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in row.Columns.GroupBy(c => c.Name))
            columns[group.Key] = withTimestamps
                ? group.Select(c => new CellVersionJson(c.Value, c.Timestamp)).ToList()
                : group.First().Value;
        return new RowJson(row.PrimaryKey, columns);
    }
}

public sealed record CellVersionJson(Value Value, long Timestamp);

public sealed record BatchWriteRowBody(IReadOnlyList<BatchTableJson> Tables);

public sealed record BatchTableJson(string TableName, IReadOnlyList<BatchRowJson> Rows);

/// <summary>A row of BatchWriteRow: PUT takes columns, UPDATE takes put/delete/deleteAll, DELETE takes neither.</summary>
public sealed record BatchRowJson(
    WriteType Type,
    IReadOnlyList<KeyColumn> PrimaryKey,
    IReadOnlyList<ColumnPut>? Columns = null,
    IReadOnlyList<ColumnPut>? Put = null,
    IReadOnlyList<ColumnVersionJson>? Delete = null,
    IReadOnlyList<string>? DeleteAll = null,
    RowExistence Condition = RowExistence.Ignore,
    bool ReturnPrimaryKey = false);

public sealed record BatchWriteRowResult(IReadOnlyList<BatchTableResultJson> Tables);

public sealed record BatchTableResultJson(string TableName, IReadOnlyList<BatchRowResultJson> Rows);

public sealed record BatchRowResultJson(bool IsOk, ApiErrorJson? Error = null, IReadOnlyList<KeyColumn>? PrimaryKey = null);

public sealed record ApiErrorJson(string Code, string Message);

using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

/// <summary>Turns the API's row bodies into the store's row writes, and batch results back into JSON.</summary>
public static class RowWrites
{
    public static RowWrite Put(IReadOnlyList<KeyColumn> key, IReadOnlyList<ColumnPut>? columns, RowExistence condition) =>
        new(WriteType.Put, key, columns, Condition: condition);

    public static RowWrite Update(IReadOnlyList<KeyColumn> key, IReadOnlyList<ColumnPut>? put, IReadOnlyList<ColumnVersionJson>? delete,
        IReadOnlyList<string>? deleteAll, RowExistence condition) =>
        new(WriteType.Update, key, put, [.. (delete ?? []).Select(d => new ColumnVersion(d.Name, d.Timestamp))], deleteAll, condition);

    public static BatchWriteRowResult Batch(RowWriter writer, BatchWriteRowBody body)
    {
        var tables = body.Tables.Select(t => (t.TableName, (IReadOnlyList<RowWrite>)[.. t.Rows.Select(ToWrite)])).ToList();
        var results = writer.BatchWriteRow(tables);
        return new BatchWriteRowResult([.. body.Tables.Select((table, t) => new BatchTableResultJson(table.TableName,
            [.. results[t].Select((result, r) => result.Error is { } error
                ? new BatchRowResultJson(false, new ApiErrorJson(error.Code, error.Message))
                : new BatchRowResultJson(true, PrimaryKey: table.Rows[r].ReturnPrimaryKey ? result.PrimaryKey : null))]))]);
    }

    private static RowWrite ToWrite(BatchRowJson row, int index)
    {
        var misplaced = row.Type switch
        {
            WriteType.Put when row.Put is not null || row.Delete is not null || row.DeleteAll is not null => "a PUT row takes columns, not put/delete/deleteAll",
            WriteType.Update when row.Columns is not null => "an UPDATE row takes put/delete/deleteAll, not columns",
            WriteType.Delete when row.Columns is not null || row.Put is not null || row.Delete is not null || row.DeleteAll is not null
                => "a DELETE row takes only its primary key and condition",
            _ => null,
        };
        if (misplaced is not null)
            throw TableStoreException.Invalid($"Row {index + 1}: {misplaced}.");
        return row.Type switch
        {
            WriteType.Put => Put(row.PrimaryKey, row.Columns, row.Condition),
            WriteType.Update => Update(row.PrimaryKey, row.Put, row.Delete, row.DeleteAll, row.Condition),
            _ => new RowWrite(WriteType.Delete, row.PrimaryKey, Condition: row.Condition),
        };
    }
}

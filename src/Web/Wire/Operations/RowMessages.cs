using System.Diagnostics;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// The row writes' protobuf and PlainBuffer parts to and from the table store's model: a PlainBuffer row as a
/// <see cref="RowWrite"/>, a <c>Condition</c>, what <c>ReturnContent</c> answers, and the consumed capacity.
/// </summary>
public static class RowMessages
{
    /// <summary>The service charges one capacity unit per started 4 KB; the console reports the same, at least 1.</summary>
    public const int CapacityUnitBytes = 4096;

    /// <summary>PutRow's row: a key (AUTO_INCREMENT placeholders allowed) and plain puts, with optional timestamps.</summary>
    public static RowWrite Put(ByteString row, Proto.Condition condition, string field)
    {
        var decoded = PlainBufferReader.ReadRow(row.Span);
        if (decoded.DeleteMarker)
            throw TableStoreException.Invalid($"{field} carries the delete-row marker; a put row cannot delete.");
        var puts = new List<ColumnPut>(decoded.Cells.Count);
        foreach (var cell in decoded.Cells)
        {
            if (cell.Operation != CellOperation.Put)
                throw TableStoreException.Invalid($"{field}: column '{cell.Name}' has the operation type {OperationName(cell.Operation)}; a put row takes plain values only (use UpdateRow).");
            puts.Add(new ColumnPut(cell.Name, cell.Value!.Value, cell.Timestamp));
        }
        var (existence, columnCondition) = Condition(condition, field);
        return new RowWrite(WriteType.Put, decoded.PrimaryKey, puts, Condition: existence, ColumnCondition: columnCondition);
    }

    /// <summary>UpdateRow's row_change: puts (timestamp optional), version deletes, delete-alls and INTEGER increments.</summary>
    public static RowWrite Update(ByteString rowChange, Proto.Condition condition, string field)
    {
        var decoded = PlainBufferReader.ReadRow(rowChange.Span);
        if (decoded.DeleteMarker)
            throw TableStoreException.Invalid($"{field} carries the delete-row marker; use DeleteRow to delete a row.");
        var (puts, versions, deleteAll, increments) = (new List<ColumnPut>(), new List<ColumnVersion>(), new List<string>(), new List<ColumnIncrement>());
        foreach (var cell in decoded.Cells)
            switch (cell.Operation)
            {
                case CellOperation.Put:
                    puts.Add(new ColumnPut(cell.Name, cell.Value!.Value, cell.Timestamp));
                    break;
                case CellOperation.DeleteOneVersion:
                    RejectValue(cell, field);
                    versions.Add(new ColumnVersion(cell.Name, cell.Timestamp!.Value));
                    break;
                case CellOperation.DeleteAllVersions:
                    RejectValue(cell, field);
                    if (cell.Timestamp is not null)
                        throw TableStoreException.Invalid($"{field}: column '{cell.Name}' deletes all versions and must not carry a timestamp.");
                    deleteAll.Add(cell.Name);
                    break;
                default:
                    if (cell.Value is not { Kind: ValueKind.Integer } delta)
                        throw TableStoreException.Invalid($"{field}: column '{cell.Name}' increments by {cell.Value?.TypeName}; an INCREMENT takes an INTEGER delta.");
                    if (cell.Timestamp is not null)
                        throw TableStoreException.Invalid($"{field}: column '{cell.Name}' increments and must not carry a timestamp (the server stamps the new version).");
                    increments.Add(new ColumnIncrement(cell.Name, delta.AsInteger));
                    break;
            }
        var (existence, columnCondition) = Condition(condition, field);
        return new RowWrite(WriteType.Update, decoded.PrimaryKey, puts, versions, deleteAll, existence, Increments: increments, ColumnCondition: columnCondition);
    }

    /// <summary>DeleteRow's primary_key: the key, with or without the delete marker the SDKs add.</summary>
    public static RowWrite Delete(ByteString primaryKey, Proto.Condition condition, string field)
    {
        var key = PlainBufferReader.ReadPrimaryKey(primaryKey.Span);
        var (existence, columnCondition) = Condition(condition, field);
        return new RowWrite(WriteType.Delete, key, Condition: existence, ColumnCondition: columnCondition);
    }

    /// <summary>Row existence and the optional column condition.</summary>
    public static (RowExistence, ColumnCondition?) Condition(Proto.Condition condition, string field)
    {
        var existence = condition.RowExistence switch
        {
            Proto.RowExistenceExpectation.Ignore => RowExistence.Ignore,
            Proto.RowExistenceExpectation.ExpectExist => RowExistence.ExpectExist,
            Proto.RowExistenceExpectation.ExpectNotExist => RowExistence.ExpectNotExist,
            var other => throw TableStoreException.Invalid($"condition.row_existence {(int)other} is not IGNORE (0), EXPECT_EXIST (1) or EXPECT_NOT_EXIST (2)."),
        };
        return (existence, ColumnConditions.ParseOptional(condition.HasColumnCondition, condition.ColumnCondition, $"{field} condition.column_condition"));
    }

    /// <summary>What a write's response carries as <c>row</c> for its ReturnContent, or null for none.</summary>
    /// <remarks>
    /// RT_PK: the key as stored (auto-increment values filled in). RT_AFTER_MODIFY: the key and the incremented cells
    /// named in return_column_names, all of them when none is named.
    /// </remarks>
    public static ByteString? ReturnedRow(Proto.ReturnContent? content, RowWriteResult result)
    {
        var type = content is { HasReturnType: true } ? content.ReturnType : Proto.ReturnType.RtNone;
        switch (type)
        {
            case Proto.ReturnType.RtNone:
                return null;
            case Proto.ReturnType.RtPk:
                return ByteString.CopyFrom(PlainBufferWriter.WritePrimaryKey(result.PrimaryKey!));
            case Proto.ReturnType.RtAfterModify:
                var names = content!.ReturnColumnNames;
                var cells = (result.ReturnColumns ?? []).Where(cell => names.Count == 0 || names.Contains(cell.Name)).ToList();
                return ByteString.CopyFrom(PlainBufferWriter.WriteReadRow(new Row(result.PrimaryKey!, cells)));
            default:
                throw new UnreachableException($"{nameof(CheckReturnContent)} refuses return type {(int)type} before anything is written.");
        }
    }

    /// <summary>Checks a ReturnContent before anything is written, so a bad one never follows a committed write.</summary>
    public static void CheckReturnContent(Proto.ReturnContent? content, string field)
    {
        if (content is { HasReturnType: true } && !Enum.IsDefined(content.ReturnType))
            throw TableStoreException.Invalid($"{field} return_content.return_type {(int)content.ReturnType} is not RT_NONE (0), RT_PK (1) or RT_AFTER_MODIFY (2).");
    }

    /// <summary>Capacity units for <paramref name="bytes"/> read or written: 1 per started 4 KB, at least 1.</summary>
    public static int Units(long bytes) => (int)Math.Max(1, (bytes + CapacityUnitBytes - 1) / CapacityUnitBytes);

    public static Proto.ConsumedCapacity Consumed(int read, int write) =>
        new() { CapacityUnit = new Proto.CapacityUnit { Read = read, Write = write } };

    /// <summary>Transactions are not emulated: a request inside one would silently lose its isolation.</summary>
    public static void RejectTransaction(bool hasTransactionId)
    {
        if (hasTransactionId)
            throw TableStoreException.Invalid("transaction_id: transactions are not supported by the console.");
    }

    private static void RejectValue(PlainBufferCell cell, string field)
    {
        if (cell.Value is not null)
            throw TableStoreException.Invalid($"{field}: column '{cell.Name}' is deleted ({OperationName(cell.Operation)}) and must not carry a value.");
    }

    private static string OperationName(CellOperation operation) => operation switch
    {
        CellOperation.DeleteAllVersions => "DELETE_ALL_VERSION",
        CellOperation.DeleteOneVersion => "DELETE_ONE_VERSION",
        CellOperation.Increment => "INCREMENT",
        _ => "PUT",
    };
}

using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Rules;

/// <summary>The service's rules for one row write or read against a table's schema.</summary>
public static class RowRules
{
    public const int MaxKeyValueBytes = 1024;
    public const int MaxCellValueBytes = 2 * 1024 * 1024;
    public const int MaxColumnsPerWrite = 1024;
    public const int MaxColumnsToGet = 128;

    /// <summary>Null when <paramref name="key"/> is a complete key of <paramref name="table"/>, else the error.</summary>
    /// <param name="allowAutoIncrement">PutRow may leave the auto-increment column to the server.</param>
    public static string? CheckKey(TableMeta table, IReadOnlyList<KeyColumn>? key, bool allowAutoIncrement)
    {
        if (key is null || key.Count != table.PrimaryKey.Count)
            return $"The primary key of table '{table.Name}' has {table.PrimaryKey.Count} column(s) ({KeyNames(table)}); the request gave {key?.Count ?? 0}.";
        for (var i = 0; i < key.Count; i++)
        {
            var (schema, given) = (table.PrimaryKey[i], key[i]);
            if (given.Name != schema.Name)
                return $"Primary key column {i + 1} of table '{table.Name}' is '{schema.Name}', not '{given.Name}' (the key is {KeyNames(table)}, in that order).";
            if (given.Value.Kind == ValueKind.AutoIncrement)
            {
                if (!schema.AutoIncrement)
                    return $"Primary key column '{schema.Name}' is not auto-increment.";
                if (!allowAutoIncrement)
                    return $"Primary key column '{schema.Name}' needs its value here; only PutRow can leave it to auto-increment.";
                continue;
            }
            if ((int)given.Value.Kind != (int)schema.Type)
                return $"Primary key column '{schema.Name}' is {schema.Type.ToString().ToUpperInvariant()}, not {given.Value.TypeName}.";
            if (!IsValidText(given.Value))
                return $"Primary key column '{schema.Name}' is not valid Unicode text (it has an unpaired surrogate).";
            if (given.Value.Size > MaxKeyValueBytes)
                return $"Primary key column '{schema.Name}' is {given.Value.Size} bytes; at most {MaxKeyValueBytes} are allowed.";
        }
        return null;
    }

    /// <summary>Null when <paramref name="bound"/> is a valid GetRange bound: key columns in order, INF_MIN/INF_MAX allowed.</summary>
    public static string? CheckBound(TableMeta table, IReadOnlyList<KeyColumn>? bound, string what)
    {
        if (bound is null || bound.Count != table.PrimaryKey.Count)
            return $"{what} must have all {table.PrimaryKey.Count} primary key column(s) of table '{table.Name}' ({KeyNames(table)}), using INF_MIN/INF_MAX where open.";
        for (var i = 0; i < bound.Count; i++)
        {
            var (schema, given) = (table.PrimaryKey[i], bound[i]);
            if (given.Name != schema.Name)
                return $"{what}: column {i + 1} is '{schema.Name}', not '{given.Name}'.";
            if (given.Value.Kind is ValueKind.InfMin or ValueKind.InfMax)
                continue;
            if ((int)given.Value.Kind != (int)schema.Type)
                return $"{what}: column '{schema.Name}' is {schema.Type.ToString().ToUpperInvariant()}, not {given.Value.TypeName}.";
        }
        return null;
    }

    /// <summary>Null when the attribute cells of a write are valid for <paramref name="table"/> at <paramref name="now"/> (ms).</summary>
    public static string? CheckWrite(TableMeta table, RowWrite write, long now)
    {
        var count = write.Puts.Count + write.DeleteVersions.Count + write.DeleteAll.Count + write.Increments.Count;
        if (count > MaxColumnsPerWrite)
            return $"A row write may touch at most {MaxColumnsPerWrite} attribute columns, not {count}.";
        if (write.Type == WriteType.Update && write.Condition == RowExistence.ExpectNotExist)
            return "UpdateRow accepts the condition IGNORE or EXPECT_EXIST, not EXPECT_NOT_EXIST.";
        if (write.Type == WriteType.Delete && write.Condition == RowExistence.ExpectNotExist)
            return "DeleteRow accepts the condition IGNORE or EXPECT_EXIST, not EXPECT_NOT_EXIST.";
        if (write.Type != WriteType.Update && (write.DeleteVersions.Count > 0 || write.DeleteAll.Count > 0))
            return "Only UpdateRow can delete columns.";
        if (write.Type == WriteType.Delete && write.Puts.Count > 0)
            return "DeleteRow takes no columns.";
        foreach (var put in write.Puts)
        {
            if (CheckColumnName(table, put.Name) is { } nameError)
                return nameError;
            if (put.Value.IsPlaceholder)
                return $"Column '{put.Name}' cannot hold {put.Value.TypeName}.";
            if (!IsValidText(put.Value))
                return $"Column '{put.Name}' is not valid Unicode text (it has an unpaired surrogate).";
            if (put.Value.Size > MaxCellValueBytes)
                return $"Column '{put.Name}' is {put.Value.Size} bytes; at most {MaxCellValueBytes} are allowed.";
            if (put.Timestamp is { } timestamp && CheckTimestamp(table, put.Name, timestamp, now) is { } timeError)
                return timeError;
        }
        foreach (var delete in write.DeleteVersions)
            if (CheckColumnName(table, delete.Name) is { } nameError)
                return nameError;
        foreach (var name in write.DeleteAll)
            if (CheckColumnName(table, name) is { } nameError)
                return nameError;
        return CheckIncrements(table, write) ?? ColumnConditionRules.Check(write.ColumnCondition);
    }

    /// <summary>
    /// An incremented column is read and rewritten by the write itself, so no other operation of the same write may
    /// touch it, and only UpdateRow increments.
    /// </summary>
    private static string? CheckIncrements(TableMeta table, RowWrite write)
    {
        if (write.Increments.Count == 0)
            return null;
        if (write.Type != WriteType.Update)
            return "Only UpdateRow can increment columns.";
        var incremented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var increment in write.Increments)
        {
            if (CheckColumnName(table, increment.Name) is { } nameError)
                return nameError;
            if (!incremented.Add(increment.Name))
                return $"Column '{increment.Name}' is incremented twice in one write.";
        }
        foreach (var put in write.Puts)
            if (incremented.Contains(put.Name))
                return $"Column '{put.Name}' is both incremented and put in one write.";
        foreach (var delete in write.DeleteVersions)
            if (incremented.Contains(delete.Name))
                return $"Column '{delete.Name}' is both incremented and deleted in one write.";
        foreach (var name in write.DeleteAll)
            if (incremented.Contains(name))
                return $"Column '{name}' is both incremented and deleted in one write.";
        return null;
    }

    public static string? CheckMaxVersions(int maxVersions) =>
        maxVersions < 1 ? $"maxVersions must be at least 1, not {maxVersions}." : null;

    public static string? CheckColumnsToGet(IReadOnlyList<string>? columns) =>
        columns is { Count: > MaxColumnsToGet } ? $"columnsToGet may name at most {MaxColumnsToGet} columns, not {columns.Count}." : null;

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>STRING values are stored as UTF-8, which cannot hold an unpaired surrogate without changing it.</summary>
    private static bool IsValidText(Value value)
    {
        if (value.Kind != ValueKind.String || !value.AsString.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
            return true;
        try
        {
            StrictUtf8.GetByteCount(value.AsString);
            return true;
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }
    }

    private static string? CheckColumnName(TableMeta table, string name)
    {
        if (SchemaRules.CheckName(name, "Column name") is { } error)
            return error;
        var isKey = false;
        for (var i = 0; i < table.PrimaryKey.Count && !isKey; i++)
            isKey = table.PrimaryKey[i].Name == name;
        return isKey
            ? $"Column '{name}' is a primary key column of table '{table.Name}'; attribute columns need other names."
            : null;
    }

    private static string? CheckTimestamp(TableMeta table, string column, long timestamp, long now)
    {
        var deviation = table.Options.MaxTimeDeviation * 1000;
        if (timestamp < now - deviation || timestamp >= now + deviation)
            return $"The timestamp {timestamp} of column '{column}' is more than maxTimeDeviation ({table.Options.MaxTimeDeviation} s) from the server's time {now}.";
        if (table.Options.TimeToLive != -1 && timestamp < now - table.Options.TimeToLive * 1000L)
            return $"The timestamp {timestamp} of column '{column}' is older than the table's timeToLive ({table.Options.TimeToLive} s).";
        return null;
    }

    private static string KeyNames(TableMeta table) => string.Join(", ", table.PrimaryKey.Select(k => k.Name));
}

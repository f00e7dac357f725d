using System.Globalization;
using System.Text;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.TableStore.Tests.Operations;

/// <summary>Short forms of the operations the tests repeat, and text forms of rows for exact comparisons.</summary>
internal static class StoreAssertions
{
    public static Value S(string value) => Value.String(value);
    public static Value I(long value) => Value.Integer(value);

    public static IReadOnlyList<KeyColumn> Update(this TableStoreSet store, string table, IReadOnlyList<KeyColumn> key,
        IReadOnlyList<ColumnPut>? puts = null, IReadOnlyList<ColumnVersion>? deleteVersions = null,
        IReadOnlyList<string>? deleteAll = null, RowExistence condition = RowExistence.Ignore) =>
        store.Writer.WriteRow(table, new RowWrite(WriteType.Update, key, puts, deleteVersions, deleteAll, condition));

    public static IReadOnlyList<KeyColumn> Delete(this TableStoreSet store, string table, IReadOnlyList<KeyColumn> key,
        RowExistence condition = RowExistence.Ignore) =>
        store.Writer.WriteRow(table, new RowWrite(WriteType.Delete, key, Condition: condition));

    /// <summary>Every row of the table in key order (all pages), with up to <paramref name="maxVersions"/> versions.</summary>
    public static List<Row> Rows(this TableStoreSet store, string table, int maxVersions = 1000)
    {
        var rows = new List<Row>();
        var width = store.Tables.Table(table).PrimaryKey.Count;
        IReadOnlyList<KeyColumn>? start = Bound(store, table, Value.InfMin);
        while (start is not null)
        {
            var page = store.LiveRows.GetRange(new GetRangeRequest(table, Direction.Forward, start, Bound(store, table, Value.InfMax),
                MaxVersions: maxVersions));
            rows.AddRange(page.Rows);
            start = page.NextStartPrimaryKey;
        }
        Assert.All(rows, r => Assert.Equal(width, r.PrimaryKey.Count));
        return rows;
    }

    /// <summary>A bound with <paramref name="value"/> (INF_MIN or INF_MAX) in every key column.</summary>
    public static KeyColumn[] Bound(this TableStoreSet store, string table, Value value) =>
        [.. store.Tables.Table(table).PrimaryKey.Select(k => new KeyColumn(k.Name, value))];

    public static List<ChangeRecord> Changes(this TableStoreSet store, long after = 0) => [.. store.ChangeLog.ReadChanges(after, int.MaxValue)];

    /// <summary>
    /// Everything a failed write must leave alone: the last sequence, the change log, and for each table its row
    /// count and every version of every cell.
    /// </summary>
    public static string Dump(this TableStoreSet store, params string[] tables)
    {
        var text = new StringBuilder();
        text.Append("seq=").Append(store.ChangeLog.LastSequence).Append(" changes=").Append(store.Changes(store.ChangeLog.TrimmedThrough).Count).AppendLine();
        foreach (var table in tables)
        {
            text.Append(table).Append(" rows=").Append(store.Tables.DescribeTable(table).RowCount).AppendLine();
            foreach (var row in store.Rows(table))
                text.AppendLine(Format(row));
        }
        return text.ToString();
    }

    public static string Format(Row row) => Format(row.PrimaryKey) + " => " + Format(row.Columns);

    public static string Format(IEnumerable<KeyColumn> key) => string.Join(",", key.Select(k => $"{k.Name}={Format(k.Value)}"));

    public static string Format(IEnumerable<Cell> cells) => string.Join(",", cells.Select(c => $"{c.Name}={Format(c.Value)}@{c.Timestamp}"));

    public static string Format(Value value) => value.Kind switch
    {
        ValueKind.Integer => "I:" + value.AsInteger.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => "S:" + value.AsString,
        ValueKind.Binary => "B:" + Convert.ToHexString(value.AsBinary),
        ValueKind.Double => "D:" + value.AsDouble.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.Boolean => value.AsBoolean ? "T" : "F",
        _ => value.TypeName,
    };

    /// <summary>Asserts the action fails with <paramref name="code"/> and leaves <paramref name="tables"/> and the log as they were.</summary>
    public static TableStoreError FailsWithoutChange(this TableStoreSet store, string code, Action action, params string[] tables)
    {
        var before = store.Dump(tables);
        var error = Assert.Throws<TableStoreException>(action).Error;
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, store.Dump(tables));
        return error;
    }
}

using System.Globalization;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// What a task must deliver, worked out independently of the engine from the table's change log: the table as
/// of a change sequence (BASE's rows) and the Put/Update changes after one (INC's rows), each as the text
/// "resolved prefix|value|value|..." in schema order, so delivered and expected rows compare as multisets.
/// Handles puts, updates that put or delete whole columns, and row deletes.
/// </summary>
internal sealed class ChangeOracle(ChangeLog changeLog, string tableName, IReadOnlyList<SchemaColumn> schema, Func<long, string> prefixAt)
{
    private readonly List<ChangeRecord> _changes = ReadAll(changeLog, tableName);

    public List<string> SnapshotRows(long throughSequence, long snapshotTime)
    {
        var rows = new Dictionary<string, (IReadOnlyList<KeyColumn> Key, Dictionary<string, Cell> Cells)>();
        foreach (var change in _changes.Where(c => c.Sequence <= throughSequence))
        {
            var id = string.Join(",", change.PrimaryKey.Select(k => k.Value.ToString()));
            if (change.Action == ChangeAction.DeleteRow)
            {
                rows.Remove(id);
                continue;
            }
            if (change.Action == ChangeAction.PutRow || !rows.ContainsKey(id))
                rows[id] = (change.PrimaryKey, []);
            var cells = rows[id].Cells;
            foreach (var column in change.Columns)
            {
                if (column.Type == ColumnChangeType.Put)
                    cells[column.Name] = new Cell(column.Name, column.Value!.Value, column.Timestamp!.Value);
                else if (column.Type == ColumnChangeType.DeleteAllVersions)
                    cells.Remove(column.Name);
                else
                    throw new NotSupportedException("The oracle models whole-column deletes only.");
            }
        }
        return [.. rows.Values.Select(row =>
        {
            var delivered = row.Cells.Values.Where(c => Delivered(c.Name, c.Value)).ToList();
            var writeTime = delivered.Count == 0 ? snapshotTime : delivered.Max(c => c.Timestamp);
            return Text(writeTime, row.Key, row.Cells.ToDictionary(c => c.Key, c => c.Value.Value));
        })];
    }

    /// <summary>The random-writes table <c>mix</c> as delivered under <paramref name="prefix"/>.</summary>
    public static ChangeOracle ForMix(EngineHost host, string prefix) =>
        new(host.ChangeLog, "mix", EngineRequests.Columns(RandomWrites.Schema), EngineRequests.PrefixAt(prefix));

    /// <summary>BASE_INC's rows: the snapshot's, then every change after it.</summary>
    public List<string> SnapshotAndChangeRows(Delivery.Engine.TaskState state) =>
        [.. SnapshotRows(state.SnapshotSequence, state.SnapshotTime), .. ChangeRows(state.SnapshotSequence)];

    public List<string> ChangeRows(long afterSequence) =>
        [.. _changes
            .Where(c => c.Sequence > afterSequence && (c.Action == ChangeAction.PutRow
                || c.Action == ChangeAction.UpdateRow && c.Columns.Any(column => column.Type == ColumnChangeType.Put)))
            .Select(c => Text(c.CommitTime, c.PrimaryKey, c.Columns.Where(column => column.Type == ColumnChangeType.Put)
                .GroupBy(column => column.Name).ToDictionary(g => g.Key, g => g.Last().Value!.Value)))];

    private bool Delivered(string name, Value value) =>
        schema.Any(column => column.ColumnName == name && CellConversion.For(column).TryConvert(value, out _));

    private string Text(long time, IReadOnlyList<KeyColumn> key, Dictionary<string, Value> cells)
    {
        var all = key.ToDictionary(k => k.Name, k => k.Value);
        foreach (var (name, value) in cells)
            all[name] = value;
        // The delivered value is the cell's stored form (FLOAT already rounded), not the source value.
        var values = schema.Select(column => all.TryGetValue(column.ColumnName, out var v) && CellConversion.For(column).TryConvert(v, out var stored)
            ? Format(ToObject(stored)) : "null");
        return prefixAt(time) + "|" + string.Join("|", values);
    }

    public static object ToObject(Value value) => value.Kind switch
    {
        ValueKind.Integer => value.AsInteger,
        ValueKind.String => value.AsString,
        ValueKind.Double => value.AsDouble,
        ValueKind.Boolean => value.AsBoolean,
        _ => throw new NotSupportedException(),
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static List<ChangeRecord> ReadAll(ChangeLog changeLog, string tableName)
    {
        var all = new List<ChangeRecord>();
        for (var after = 0L; ;)
        {
            var page = changeLog.ReadChanges(after, 5000);
            if (page.Count == 0)
                return all;
            all.AddRange(page.Where(c => c.TableName == tableName));
            after = page[^1].Sequence;
        }
    }
}

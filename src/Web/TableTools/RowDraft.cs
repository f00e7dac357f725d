using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// One input row as the parsers fill it in: key values by position, attribute cells, and the errors found on the
/// way. <see cref="Finish"/> adds the store's own key and write rules, so a preview shows every error the write
/// would meet and "Import valid rows" only sends rows that will be accepted.
/// </summary>
internal sealed class RowDraft(TableMeta table, int line, List<ImportError> errors)
{
    private readonly Value?[] _key = new Value?[table.PrimaryKey.Count];
    private readonly List<ColumnPut> _puts = [];
    private readonly HashSet<string> _failedColumns = new(StringComparer.Ordinal);
    private bool _failed;

    public int Line => line;

    public void SetKey(int index, Value value) => _key[index] = value;

    public void Put(string column, Value value) => _puts.Add(new ColumnPut(column, value));

    public void Fail(string? column, string problem)
    {
        errors.Add(new ImportError(line, column, problem));
        _failed = true;
        if (column is not null)
            _failedColumns.Add(column);
    }

    /// <summary>The row to write, or null when it has errors (all of them recorded).</summary>
    public ImportedRow? Finish()
    {
        var key = new KeyColumn[_key.Length];
        for (var i = 0; i < key.Length; i++)
        {
            var column = table.PrimaryKey[i];
            if (_key[i] is { } value)
                key[i] = new KeyColumn(column.Name, value);
            else if (column.AutoIncrement)
                key[i] = new KeyColumn(column.Name, Value.AutoIncrement);
            else if (!_failedColumns.Contains(column.Name)) // a value that did not parse is not "missing" too
                Fail(column.Name, $"key '{column.Name}' is missing");
        }
        if (_failed)
            return null;
        var write = new RowWrite(WriteType.Put, key, _puts);
        // Sizes, names and text encoding: the store's words, checked before anything is written.
        if ((RowRules.CheckKey(table, key, allowAutoIncrement: true) ?? RowRules.CheckWrite(table, write, now: 0)) is { } rule)
        {
            Fail(null, rule);
            return null;
        }
        return new ImportedRow(line, write);
    }
}

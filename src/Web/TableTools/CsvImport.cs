using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// Reads CSV rows for a table. The first record is the header of column names; a name may carry a type
/// (<c>price:DOUBLE</c>). Key columns are read as their key type and must all be there (an auto-increment one may
/// be left out or empty: the store assigns it). A defined column is read as its declared type unless the header
/// types it; other columns are inferred (INTEGER, DOUBLE, true/false, else STRING). An empty field leaves the
/// cell out; a quoted empty field (<c>""</c>) is an empty STRING.
/// </summary>
public static class CsvImport
{
    public static ImportPreview Parse(TableMeta table, string text)
    {
        var rows = new List<ImportedRow>();
        var errors = new List<ImportError>();
        var rowCount = 0;
        Header? header = null;
        foreach (var record in CsvRecords.Read(text))
        {
            if (header is null)
            {
                if (record.Error is not null)
                    errors.Add(new ImportError(record.Line, null, $"the header cannot be read: {record.Error}"));
                else
                    header = Header.Read(table, record, errors);
                if (header is null)
                    return new ImportPreview([], errors, CountRecordsAfterHeader(text));
                continue;
            }
            rowCount++;
            if (ReadRow(table, header, record, errors) is { } row)
                rows.Add(row);
        }
        return new ImportPreview(rows, errors, rowCount);
    }

    private static ImportedRow? ReadRow(TableMeta table, Header header, CsvRecord record, List<ImportError> errors)
    {
        var draft = new RowDraft(table, record.Line, errors);
        if (record.Error is not null)
        {
            draft.Fail(null, record.Error);
            return null;
        }
        if (record.Fields.Count != header.Columns.Count)
        {
            draft.Fail(null, $"the row has {record.Fields.Count} field(s); the header has {header.Columns.Count}");
            return null;
        }
        for (var i = 0; i < header.Columns.Count; i++)
            header.Columns[i].Read(draft, record.Fields[i]);
        return draft.Finish();
    }

    private static int CountRecordsAfterHeader(string text) => Math.Max(0, CsvRecords.Read(text).Count() - 1);

    /// <summary>How one header column turns a field into a key value or a cell.</summary>
    private sealed record HeaderColumn(string Name, int KeyIndex, PrimaryKeyColumn? Key, ColumnType? Type)
    {
        public void Read(RowDraft draft, CsvField field)
        {
            var absent = field.Text.Length == 0 && !field.Quoted;
            if (Key is { } key)
            {
                if (absent)
                    return; // left to Finish: missing, or assigned when auto-increment
                if (CellText.TryParseKey(key.Type, field.Text, out var keyValue))
                    draft.SetKey(KeyIndex, keyValue);
                else
                    draft.Fail(Name, $"key '{Name}' must be {CellText.Expected((ColumnType)key.Type)}, not {CellText.Quote(field.Text)}");
                return;
            }
            if (absent)
                return;
            if (Type is not { } type)
                draft.Put(Name, field.Quoted && field.Text.Length == 0 ? Value.String("") : CellText.Infer(field.Text));
            else if (CellText.TryParse(type, field.Text, out var value))
                draft.Put(Name, value);
            else
                draft.Fail(Name, $"column '{Name}' must be {CellText.Expected(type)}, not {CellText.Quote(field.Text)}");
        }
    }

    private sealed record Header(IReadOnlyList<HeaderColumn> Columns)
    {
        /// <summary>The header's columns, or null with its errors recorded: without a good header no row can be read.</summary>
        public static Header? Read(TableMeta table, CsvRecord record, List<ImportError> errors)
        {
            var columns = new List<HeaderColumn>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var before = errors.Count;
            void Fail(string? column, string problem) => errors.Add(new ImportError(record.Line, column, $"header: {problem}"));
            foreach (var field in record.Fields)
            {
                var parts = field.Text.Split(':', 2);
                var name = parts[0].Trim();
                if (SchemaRules.CheckName(name, "column name") is { } nameError)
                {
                    Fail(name, nameError.TrimEnd('.'));
                    continue;
                }
                if (!seen.Add(name))
                {
                    Fail(name, $"column '{name}' appears more than once");
                    continue;
                }
                ColumnType? typed = null;
                if (parts.Length == 2)
                {
                    if (!CellText.TryParseTypeName(parts[1], out var type))
                    {
                        Fail(name, $"column '{name}' has the unknown type '{parts[1].Trim()}'; use {CellText.TypeNames}");
                        continue;
                    }
                    typed = type;
                }
                var keyIndex = IndexOfKey(table, name);
                if (keyIndex >= 0)
                {
                    var key = table.PrimaryKey[keyIndex];
                    if (typed is { } t && (int)t != (int)key.Type)
                        Fail(name, $"key '{name}' is {TableTypes.Name((ColumnType)key.Type)}; the header says {TableTypes.Name(t)}");
                    columns.Add(new HeaderColumn(name, keyIndex, key, null));
                    continue;
                }
                var defined = table.DefinedColumns.FirstOrDefault(c => c.Name == name);
                columns.Add(new HeaderColumn(name, -1, null, typed ?? defined?.Type));
            }
            foreach (var key in table.PrimaryKey)
                if (!key.AutoIncrement && !seen.Contains(key.Name))
                    Fail(key.Name, $"there is no column for key '{key.Name}' (the key is {string.Join(", ", table.PrimaryKey.Select(k => k.Name))})");
            return errors.Count == before ? new Header(columns) : null;
        }

        private static int IndexOfKey(TableMeta table, string name)
        {
            for (var i = 0; i < table.PrimaryKey.Count; i++)
                if (table.PrimaryKey[i].Name == name)
                    return i;
            return -1;
        }
    }
}

using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.Web.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables;

/// <summary>
/// "Add row" (a PutRow that expects no row with that key) and "Edit row" (an UpdateRow that puts the changed
/// attributes and deletes the removed ones). Values are typed text parsed by <see cref="ValueText"/>, the JSON
/// API's parser, and the write is built by <see cref="RowWrites"/> as the API builds it. Closes with the key written.
/// </summary>
public partial class RowDialog
{
    public static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private TableService Store { get; set; } = default!;

    [Parameter, EditorRequired]
    public TableMeta Table { get; set; } = default!;

    /// <summary>The row to edit; null to add a row.</summary>
    [Parameter]
    public IReadOnlyList<KeyColumn>? ExistingKey { get; set; }

    private bool IsEdit => ExistingKey is not null;

    private List<KeyDraft> _keys = [];
    private readonly List<AttributeDraft> _attributes = [];
    // The attributes as read, to tell what an edit changed.
    private Dictionary<string, Value> _original = [];
    private bool _missing;
    private string? _error;

    private sealed class KeyDraft(PrimaryKeyColumn column, string text, bool assignedOnWrite)
    {
        public PrimaryKeyColumn Column { get; } = column;
        public bool AssignedOnWrite { get; } = assignedOnWrite;
        public string Text { get; set; } = text;
        public string? Error { get; set; }
    }

    private sealed class AttributeDraft
    {
        public string Name { get; set; } = "";
        public ColumnType Type { get; set; } = ColumnType.String;
        public string Text { get; set; } = "";
        public string? NameError { get; set; }
        public string? ValueError { get; set; }

        /// <summary>Prefilled from the table's defined columns: only the value is left to type.</summary>
        public bool Defined { get; init; }
    }

    protected override void OnInitialized()
    {
        if (ExistingKey is null)
        {
            _keys = [.. Table.PrimaryKey.Select(k => new KeyDraft(k, "", k.AutoIncrement))];
            _attributes.AddRange(Table.DefinedColumns.Select(c => new AttributeDraft { Name = c.Name, Type = c.Type, Defined = true }));
            return;
        }
        _keys = [.. Table.PrimaryKey.Select((k, i) => new KeyDraft(k, ExistingKey[i].Value.ToString(), false))];
        // Read the row afresh: the page may be older than the row.
        var row = Store.GetRow(Table.Name, ExistingKey);
        if (row is null)
        {
            _missing = true;
            return;
        }
        foreach (var cell in row.Columns.GroupBy(c => c.Name).Select(g => g.First()))
        {
            _original[cell.Name] = cell.Value;
            _attributes.Add(new AttributeDraft { Name = cell.Name, Type = TableTypes.TypeOf(cell.Value), Text = cell.Value.ToString() });
        }
    }

    /// <summary>What a value of <paramref name="type"/> is typed as; a new row leaves out a value left empty.</summary>
    private string ValueHint(ColumnType type)
    {
        var hint = type switch
        {
            ColumnType.Integer => "A whole number",
            ColumnType.Double => "A number, NaN or Infinity",
            ColumnType.Boolean => "true or false",
            ColumnType.Binary => "base64",
            _ => "Text",
        };
        return IsEdit ? hint : $"{hint}; empty: left out";
    }

    /// <summary>A new attribute starts as the next defined column not in the row yet, as a hint.</summary>
    private void AddAttribute()
    {
        var hint = Table.DefinedColumns.FirstOrDefault(c => _attributes.All(a => a.Name != c.Name));
        _attributes.Add(hint is null ? new AttributeDraft() : new AttributeDraft { Name = hint.Name, Type = hint.Type });
    }

    private void Save()
    {
        _error = null;
        var key = ParseKey();
        var puts = ParseAttributes();
        if (key is null || puts is null)
        {
            _error = "Fix the marked fields; nothing was written.";
            return;
        }
        try
        {
            var written = IsEdit ? Update(key, puts) : Add(key, puts);
            Dialog.Close(DialogResult.Ok(written));
        }
        catch (TableStoreException e)
        {
            _error = e.Code == TableStoreError.ConditionCheckFail
                ? IsEdit ? "This row no longer exists: it was deleted after the page was read. Nothing was written."
                         : "A row with this primary key already exists; edit that row instead. Nothing was written."
                : $"Nothing was written: {e.Message}";
        }
    }

    // A new row must not replace an existing one; a row with an auto-increment placeholder is always new, and the
    // service then only accepts IGNORE.
    private IReadOnlyList<KeyColumn> Add(IReadOnlyList<KeyColumn> key, List<ColumnPut> puts) =>
        Store.WriteRow(Table.Name, RowWrites.Put(key, puts,
            key.Any(k => k.Value.Kind == ValueKind.AutoIncrement) ? RowExistence.Ignore : RowExistence.ExpectNotExist));

    private IReadOnlyList<KeyColumn> Update(IReadOnlyList<KeyColumn> key, List<ColumnPut> puts)
    {
        var changed = puts.Where(p => !_original.TryGetValue(p.Name, out var before) || before != p.Value).ToList();
        var removed = _original.Keys.Where(name => puts.All(p => p.Name != name)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
            return key;
        return Store.WriteRow(Table.Name, RowWrites.Update(key, changed, null, removed, RowExistence.ExpectExist));
    }

    /// <summary>The typed key, or null after marking the fields that are wrong.</summary>
    private List<KeyColumn>? ParseKey()
    {
        var key = new List<KeyColumn>();
        foreach (var draft in _keys)
        {
            draft.Error = null;
            if (draft.AssignedOnWrite)
            {
                key.Add(new KeyColumn(draft.Column.Name, Value.AutoIncrement));
                continue;
            }
            if (ValueText.TryParse(TableTypes.Kind(draft.Column.Type), draft.Text, out var value) is { } rule)
                draft.Error = $"{draft.Column.Name} {rule}.";
            key.Add(new KeyColumn(draft.Column.Name, value));
        }
        return _keys.Any(k => k.Error is not null) ? null : key;
    }

    /// <summary>The typed attributes, or null after marking the fields that are wrong.</summary>
    private List<ColumnPut>? ParseAttributes()
    {
        var puts = new List<ColumnPut>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in _attributes)
        {
            (draft.NameError, draft.ValueError) = (null, null);
            // Add row offers every defined column; the ones left empty are not part of the new row.
            if (!IsEdit && draft.Text.Length == 0)
                continue;
            draft.NameError = SchemaRules.CheckName(draft.Name, "Attribute name")
                ?? (Table.PrimaryKey.Any(k => k.Name == draft.Name) ? $"'{draft.Name}' is a primary key column; attributes need other names." : null)
                ?? (names.Add(draft.Name) ? null : $"Attribute name '{draft.Name}' appears twice.");
            draft.ValueError = ValueText.TryParse(TableTypes.Kind(draft.Type), draft.Text, out var value) is { } rule
                ? draft.Name.Length > 0 ? $"Value of {draft.Name} {rule}." : $"Value {rule}."
                : null;
            puts.Add(new ColumnPut(draft.Name, value));
        }
        return _attributes.Any(a => a.NameError is not null || a.ValueError is not null) ? null : puts;
    }
}

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>
/// The row as typed in the <see cref="RowDialog"/>: a field per key column and a line per attribute. Parsing
/// marks the fields that are wrong, with <see cref="ValueText"/> (the JSON API's parser), and yields the key and
/// attributes only when none is.
/// </summary>
public sealed class TypedRow
{
    // The attributes as read, to tell what an edit changed.
    private readonly Dictionary<string, Value> _original = [];

    private TypedRow(TableMeta table, bool isNew, List<KeyDraft> keys) => (Table, IsNew, Keys) = (table, isNew, keys);

    public TableMeta Table { get; }

    /// <summary>A new row leaves out the values left empty; an edit keeps its key as it is.</summary>
    public bool IsNew { get; }

    public IReadOnlyList<KeyDraft> Keys { get; }

    public List<AttributeDraft> Attributes { get; } = [];

    /// <summary>A new row: every key to type (auto-increment ones are assigned) and every defined column offered.</summary>
    public static TypedRow ForNewRow(TableMeta table)
    {
        var draft = new TypedRow(table, true, [.. table.PrimaryKey.Select(k => new KeyDraft(k, "", k.AutoIncrement))]);
        draft.Attributes.AddRange(table.DefinedColumns.Select(c => new AttributeDraft { Name = c.Name, Type = c.Type, Defined = true }));
        return draft;
    }

    /// <summary>The row as read, to edit.</summary>
    public static TypedRow ForRow(TableMeta table, IReadOnlyList<KeyColumn> key, Row row)
    {
        var draft = new TypedRow(table, false, [.. table.PrimaryKey.Select((k, i) => new KeyDraft(k, key[i].Value.ToString(), false))]);
        foreach (var cell in row.Columns.GroupBy(c => c.Name).Select(g => g.First()))
        {
            draft._original[cell.Name] = cell.Value;
            draft.Attributes.Add(new AttributeDraft { Name = cell.Name, Type = TableTypes.TypeOf(cell.Value), Text = cell.Value.ToString() });
        }
        return draft;
    }

    /// <summary>A new attribute starts as the next defined column not in the row yet, as a hint.</summary>
    public void AddAttribute()
    {
        var hint = Table.DefinedColumns.FirstOrDefault(c => Attributes.All(a => a.Name != c.Name));
        Attributes.Add(hint is null ? new AttributeDraft() : new AttributeDraft { Name = hint.Name, Type = hint.Type });
    }

    /// <summary>The typed key, or null after marking the fields that are wrong.</summary>
    public List<KeyColumn>? ParseKey()
    {
        var key = new List<KeyColumn>();
        foreach (var draft in Keys)
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
        return Keys.Any(k => k.Error is not null) ? null : key;
    }

    /// <summary>The typed attributes, or null after marking the fields that are wrong.</summary>
    public List<ColumnPut>? ParseAttributes()
    {
        var puts = new List<ColumnPut>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in Attributes)
        {
            (draft.NameError, draft.ValueError) = (null, null);
            // Add row offers every defined column; the ones left empty are not part of the new row.
            if (IsNew && draft.Text.Length == 0)
                continue;
            draft.NameError = SchemaRules.CheckName(draft.Name, "Attribute name")
                ?? (Table.PrimaryKey.Any(k => k.Name == draft.Name) ? $"'{draft.Name}' is a primary key column; attributes need other names." : null)
                ?? (names.Add(draft.Name) ? null : $"Attribute name '{draft.Name}' appears twice.");
            draft.ValueError = ValueText.TryParse(TableTypes.Kind(draft.Type), draft.Text, out var value) is { } rule
                ? draft.Name.Length > 0 ? $"Value of {draft.Name} {rule}." : $"Value {rule}."
                : null;
            puts.Add(new ColumnPut(draft.Name, value));
        }
        return Attributes.Any(a => a.NameError is not null || a.ValueError is not null) ? null : puts;
    }

    /// <summary>What an edit writes: the attributes new or changed since the row was read, and those removed.</summary>
    public (List<ColumnPut> Changed, List<string> Removed) ChangesFrom(IReadOnlyList<ColumnPut> puts) =>
        ([.. puts.Where(p => !_original.TryGetValue(p.Name, out var before) || before != p.Value)],
         [.. _original.Keys.Where(name => puts.All(p => p.Name != name))]);
}

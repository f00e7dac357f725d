using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>
/// "Add row" (a PutRow that expects no row with that key) and "Edit row" (an UpdateRow that puts the changed
/// attributes and deletes the removed ones). The typed row is a <see cref="TypedRow"/>. Closes with the key written.
/// </summary>
public partial class RowDialog
{
    public static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private LiveRows LiveRows { get; set; } = default!;

    [Inject]
    private RowWriter Writer { get; set; } = default!;

    [Parameter, EditorRequired]
    public TableMeta Table { get; set; } = default!;

    /// <summary>The row to edit; null to add a row.</summary>
    [Parameter]
    public IReadOnlyList<KeyColumn>? ExistingKey { get; set; }

    private bool IsEdit => ExistingKey is not null;

    // Null when the row to edit no longer exists.
    private TypedRow? _draft;
    private string? _error;

    protected override void OnInitialized()
    {
        if (ExistingKey is null)
        {
            _draft = TypedRow.ForNewRow(Table);
            return;
        }
        // Read the row afresh: the page may be older than the row.
        if (LiveRows.GetRow(Table.Name, ExistingKey) is { } row)
            _draft = TypedRow.ForRow(Table, ExistingKey, row);
    }

    private void Save()
    {
        if (_draft is null)
            return;
        _error = null;
        var key = _draft.ParseKey();
        var puts = _draft.ParseAttributes();
        if (key is null || puts is null)
        {
            _error = "Fix the marked fields; nothing was written.";
            return;
        }
        try
        {
            var written = IsEdit ? Update(_draft, key, puts) : Add(key, puts);
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
        Writer.WriteRow(Table.Name, new RowWrite(WriteType.Put, key, puts,
            Condition: key.Any(k => k.Value.Kind == ValueKind.AutoIncrement) ? RowExistence.Ignore : RowExistence.ExpectNotExist));

    private IReadOnlyList<KeyColumn> Update(TypedRow draft, IReadOnlyList<KeyColumn> key, List<ColumnPut> puts)
    {
        var (changed, removed) = draft.ChangesFrom(puts);
        if (changed.Count == 0 && removed.Count == 0)
            return key;
        return Writer.WriteRow(Table.Name, new RowWrite(WriteType.Update, key, changed, DeleteAll: removed, Condition: RowExistence.ExpectExist));
    }
}

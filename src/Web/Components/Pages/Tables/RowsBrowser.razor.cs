using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables;

/// <summary>
/// A table's rows, a page at a time with GetRange. Going forward pushes the page's start key on a stack, going
/// back pops it, so paging never counts or skips rows. Jumping to a key also pushes, so "Previous page" returns
/// to where the user was.
/// </summary>
public partial class RowsBrowser
{
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];
    private const int ShownCharacters = 80;

    [Parameter, EditorRequired]
    public TableMeta Table { get; set; } = default!;

    /// <summary>Raised after this browser wrote or deleted a row, so the page can update the row count.</summary>
    [Parameter]
    public EventCallback RowsChanged { get; set; }

    [Inject]
    private TableService Store { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private int _pageSize = PageSizes[0];
    private readonly Stack<IReadOnlyList<KeyColumn>> _previousStarts = new();
    private IReadOnlyList<KeyColumn> _start = [];
    private GetRangeResult? _page;
    private List<string> _attributeColumns = [];
    private string? _error;
    private readonly Dictionary<string, string> _jumpText = [];
    private readonly Dictionary<string, string> _jumpErrors = [];

    protected override void OnInitialized()
    {
        foreach (var key in Table.PrimaryKey)
            _jumpText[key.Name] = "";
        _start = Bound(Value.InfMin);
        Load();
    }

    /// <summary>Reads the current page again, e.g. after another tab wrote rows.</summary>
    public Task ReloadAsync() => InvokeAsync(() =>
    {
        Load();
        StateHasChanged();
    });

    private void Load()
    {
        try
        {
            _page = Store.GetRange(new GetRangeRequest(Table.Name, TableStore.Model.Direction.Forward, _start, Bound(Value.InfMax), _pageSize));
            _error = null;
        }
        catch (TableStoreException e)
        {
            (_page, _error) = (null, e.Message);
            return;
        }
        // The last rows of a later page were deleted: show the page before it rather than an empty one.
        if (_page.Rows.Count == 0 && _previousStarts.Count > 0)
        {
            _start = _previousStarts.Pop();
            Load();
            return;
        }
        _attributeColumns = [.. _page.Rows.SelectMany(r => r.Columns).Select(c => c.Name).Distinct(StringComparer.Ordinal)];
    }

    private List<KeyColumn> Bound(Value value) => [.. Table.PrimaryKey.Select(k => new KeyColumn(k.Name, value))];

    private void NextPage()
    {
        if (_page?.NextStartPrimaryKey is not { } next)
            return;
        _previousStarts.Push(_start);
        _start = next;
        Load();
    }

    private void PreviousPage()
    {
        if (_previousStarts.Count == 0)
            return;
        _start = _previousStarts.Pop();
        Load();
    }

    private void PageSizeChanged(int size)
    {
        _pageSize = size;
        _previousStarts.Clear();
        _start = Bound(Value.InfMin);
        Load();
    }

    private void JumpTextChanged(string column, string text)
    {
        _jumpText[column] = text ?? "";
        _jumpErrors.Remove(column);
    }

    /// <summary>Starts the page at the typed key; an empty field means that column's smallest value.</summary>
    private void JumpToKey()
    {
        _jumpErrors.Clear();
        var start = new List<KeyColumn>();
        foreach (var key in Table.PrimaryKey)
        {
            var text = _jumpText[key.Name];
            if (text.Length == 0)
            {
                start.Add(new KeyColumn(key.Name, Value.InfMin));
                continue;
            }
            if (ValueText.TryParse(TableTypes.Kind(key.Type), text, out var value) is { } rule)
                _jumpErrors[key.Name] = $"{key.Name} {rule}.";
            start.Add(new KeyColumn(key.Name, value));
        }
        if (_jumpErrors.Count > 0)
            return;
        _previousStarts.Push(_start);
        _start = start;
        Load();
    }

    private async Task AddRowAsync()
    {
        var dialog = await Dialogs.ShowAsync<RowDialog>("Add row",
            new DialogParameters<RowDialog> { { d => d.Table, Table } }, RowDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: IReadOnlyList<KeyColumn> key })
        {
            Snackbar.Add($"Row {KeyText(key)} added.", Severity.Success);
            await RowsWrittenAsync();
        }
    }

    private async Task EditRowAsync(Row row)
    {
        var dialog = await Dialogs.ShowAsync<RowDialog>("Edit row",
            new DialogParameters<RowDialog> { { d => d.Table, Table }, { d => d.ExistingKey, row.PrimaryKey } }, RowDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: IReadOnlyList<KeyColumn> key })
        {
            Snackbar.Add($"Row {KeyText(key)} saved.", Severity.Success);
            await RowsWrittenAsync();
        }
    }

    private async Task DeleteRowAsync(Row row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete row",
            $"Delete the row {KeyText(row.PrimaryKey)}? This cannot be undone.", yesText: "Delete", cancelText: "Cancel",
            options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
            return;
        try
        {
            Store.WriteRow(Table.Name, new RowWrite(WriteType.Delete, row.PrimaryKey));
            Snackbar.Add($"Row {KeyText(row.PrimaryKey)} deleted.", Severity.Success);
        }
        catch (TableStoreException e)
        {
            Snackbar.Add($"The row was not deleted: {e.Message}", Severity.Error);
        }
        await RowsWrittenAsync();
    }

    private async Task RowsWrittenAsync()
    {
        Load();
        await RowsChanged.InvokeAsync();
    }

    public static string KeyText(IReadOnlyList<KeyColumn> key) => string.Join(", ", key.Select(k => $"{k.Name}={k.Value}"));

    private static string Shorten(Value value)
    {
        var text = value.ToString();
        return text.Length <= ShownCharacters ? text : string.Concat(text.AsSpan(0, ShownCharacters), "…");
    }
}

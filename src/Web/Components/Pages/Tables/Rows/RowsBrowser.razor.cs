using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>
/// The rows tab: a page of the table's rows (<see cref="RowPages"/>) with the toolbar and "Go to key" above it,
/// and the row actions: "Add row" and "Edit row" open the <see cref="RowDialog"/>, "Delete row" asks first.
/// </summary>
public partial class RowsBrowser
{
    [Parameter, EditorRequired]
    public TableMeta Table { get; set; } = default!;

    /// <summary>Raised after this browser wrote or deleted a row, so the page can update the row count.</summary>
    [Parameter]
    public EventCallback RowsChanged { get; set; }

    [Inject]
    private LiveRows LiveRows { get; set; } = default!;

    [Inject]
    private RowWriter Writer { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private RowPages _pages = default!;

    protected override void OnInitialized() => _pages = new RowPages(LiveRows, Table);

    /// <summary>Reads the current page again, e.g. after another tab wrote rows.</summary>
    public Task ReloadAsync() => InvokeAsync(() =>
    {
        _pages.Load();
        StateHasChanged();
    });

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
            Writer.WriteRow(Table.Name, new RowWrite(WriteType.Delete, row.PrimaryKey));
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
        _pages.Load();
        await RowsChanged.InvokeAsync();
    }

    public static string KeyText(IReadOnlyList<KeyColumn> key) => string.Join(", ", key.Select(k => $"{k.Name}={k.Value}"));
}

using DeliveryConsole.TableStore;
using DeliveryConsole.Web.TableTools;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DeliveryConsole.Web.Components.Pages.Tables.Import;

/// <summary>
/// The import tab: CSV or JSON Lines from a file or pasted text (<see cref="ImportSource"/>); "Preview" shows the
/// first rows and every row's errors, "Import valid rows" writes the rows without errors in batches and says how
/// many were written and skipped. Parsing and writing run on the thread pool, so a big file never holds up the circuit.
/// </summary>
public partial class ImportPanel
{
    private readonly ImportSource _source = new();
    private string? _inputError;
    private ImportPreview? _preview;
    private ImportOutcome? _outcome;
    private long _skipped;
    private bool _busy;

    [Parameter, EditorRequired]
    public TableDescription Table { get; set; } = default!;

    /// <summary>Raised after rows were written, so the host can reload what it shows.</summary>
    [Parameter]
    public EventCallback RowsChanged { get; set; }

    [Inject]
    private RowWriter Writer { get; set; } = default!;

    private void FormatChanged(ImportFormat format)
    {
        _source.Format = format;
        (_preview, _outcome, _inputError) = (null, null, null);
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs change)
    {
        (_preview, _outcome, _inputError) = (null, null, null);
        _busy = true;
        try
        {
            await _source.ReadFileAsync(change.File);
        }
        finally
        {
            _busy = false;
        }
    }

    private void ClearFile()
    {
        _source.ClearFile();
        (_preview, _outcome) = (null, null);
    }

    private async Task PreviewAsync()
    {
        _outcome = null;
        _preview = await ParseAsync();
    }

    private async Task ImportAsync()
    {
        _outcome = null;
        var preview = await ParseAsync();
        if (preview is null)
            return;
        _preview = preview;
        _busy = true;
        try
        {
            var tableName = Table.Table.Name;
            _outcome = await Task.Run(() => ImportWriter.Write(Writer, tableName, preview.Rows, CancellationToken.None));
            _skipped = preview.InvalidRowCount + _outcome.Refused.Count;
        }
        catch (ObjectDisposedException e)
        {
            // The store closed under the import (the app is stopping): report it instead of failing the circuit.
            _inputError = $"The import could not finish: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
        if (_outcome is { Written: > 0 })
            await RowsChanged.InvokeAsync();
    }

    /// <summary>The input read for this table, or null (with the reason shown) when there is nothing to read.</summary>
    private async Task<ImportPreview?> ParseAsync()
    {
        _inputError = null;
        var text = _source.TextToRead;
        if (string.IsNullOrWhiteSpace(text))
        {
            _inputError = "There is nothing to import: choose a file or paste rows into \"Rows to import\".";
            return null;
        }
        var (table, format) = (Table.Table, _source.Format);
        _busy = true;
        try
        {
            return await Task.Run(() => format == ImportFormat.Csv ? CsvImport.Parse(table, text) : JsonLinesImport.Parse(table, text));
        }
        finally
        {
            _busy = false;
        }
    }
}

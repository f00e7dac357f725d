using System.Text;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Shared;
using DeliveryConsole.Web.TableTools;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DeliveryConsole.Web.Components.Pages.Tables.Import;

/// <summary>
/// The import tab: CSV or JSON Lines from a file or pasted text; "Preview" shows the first rows and every row's
/// errors, "Import valid rows" writes the rows without errors in batches and says how many were written and
/// skipped. Parsing and writing run on the thread pool, so a big file never holds up the circuit.
/// </summary>
public partial class ImportPanel
{
    /// <summary>The largest file the tab reads: 16 MiB.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private ImportFormat _format = ImportFormat.Csv;
    private string? _text;
    private LoadedFile? _file;
    private string? _fileError;
    private string? _inputError;
    private ImportPreview? _preview;
    private ImportOutcome? _outcome;
    private long _skipped;
    private bool _busy;

    private sealed record LoadedFile(string Name, long Size, string Text);

    [Parameter, EditorRequired]
    public TableDescription Table { get; set; } = default!;

    /// <summary>Raised after rows were written, so the host can reload what it shows.</summary>
    [Parameter]
    public EventCallback RowsChanged { get; set; }

    [Inject]
    private TableService Store { get; set; } = default!;

    private static string FileLimitText => Bytes(MaxFileBytes);

    private string Example => _format == ImportFormat.Csv
        ? $"CSV: the first line names the columns, a type may follow a name. E.g. {string.Join(",", Table.Table.PrimaryKey.Select(k => k.Name))},name,price:DOUBLE"
        : $"JSON Lines: one object per line. E.g. {{{string.Join(", ", Table.Table.PrimaryKey.Select(k => $"\"{k.Name}\": {ExampleValue(k.Type)}"))}, \"name\": \"Ada\"}}";

    private static string ExampleValue(PrimaryKeyType type) => type switch
    {
        PrimaryKeyType.String => "\"a\"",
        PrimaryKeyType.Binary => "{\"binary\": \"AQI=\"}",
        _ => "1",
    };

    private void FormatChanged(ImportFormat format)
    {
        _format = format;
        (_preview, _outcome, _inputError) = (null, null, null);
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs change)
    {
        (_file, _fileError, _preview, _outcome, _inputError) = (null, null, null, null, null);
        var file = change.File;
        if (file.Size > MaxFileBytes)
        {
            _fileError = $"The file '{file.Name}' is {file.Size:N0} bytes; at most {FileLimitText} ({MaxFileBytes:N0} bytes) can be imported at once. Split it into smaller files.";
            return;
        }
        _busy = true;
        try
        {
            await using var stream = file.OpenReadStream(MaxFileBytes);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            _file = new LoadedFile(file.Name, file.Size, await reader.ReadToEndAsync());
            if (FormatOf(file.Name) is { } format)
                _format = format;
        }
        catch (IOException e)
        {
            _fileError = $"The file '{file.Name}' could not be read: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private void ClearFile() => (_file, _fileError, _preview, _outcome) = (null, null, null, null);

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
            _outcome = await Task.Run(() => ImportWriter.Write(Store, tableName, preview.Rows, CancellationToken.None));
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
        var text = _file?.Text ?? _text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _inputError = "There is nothing to import: choose a file or paste rows into \"Rows to import\".";
            return null;
        }
        var (table, format) = (Table.Table, _format);
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

    private static ImportFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
        _ => null,
    };

    private static string Bytes(long bytes)
    {
        if (bytes < 1024)
            return $"{bytes:N0} bytes";
        var (value, unit) = DisplayText.InBinaryUnits(bytes);
        return $"{value:0.#} {unit}";
    }
}

using System.Text;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Shared;
using DeliveryConsole.Web.TableTools;
using Microsoft.AspNetCore.Components.Forms;

namespace DeliveryConsole.Web.Components.Pages.Tables.Import;

/// <summary>
/// What the import tab reads: CSV or JSON Lines, from a chosen file or from the pasted text. While a file is
/// loaded it is what is read, and the text is set aside.
/// </summary>
public sealed class ImportSource
{
    /// <summary>The largest file the tab reads: 16 MiB.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public sealed record LoadedFile(string Name, long Size, string Text);

    public ImportFormat Format { get; set; } = ImportFormat.Csv;

    /// <summary>The pasted rows.</summary>
    public string? Text { get; set; }

    public LoadedFile? File { get; private set; }

    /// <summary>Why the chosen file was not loaded.</summary>
    public string? FileError { get; private set; }

    /// <summary>The rows to read: the loaded file's, else the pasted text.</summary>
    public string? TextToRead => File?.Text ?? Text;

    public static string FileLimitText => Bytes(MaxFileBytes);

    /// <summary>Loads <paramref name="file"/> in place of any file before; its extension picks the format.</summary>
    public async Task ReadFileAsync(IBrowserFile file)
    {
        ClearFile();
        if (file.Size > MaxFileBytes)
        {
            FileError = $"The file '{file.Name}' is {file.Size:N0} bytes; at most {FileLimitText} ({MaxFileBytes:N0} bytes) can be imported at once. Split it into smaller files.";
            return;
        }
        try
        {
            await using var stream = file.OpenReadStream(MaxFileBytes);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            File = new LoadedFile(file.Name, file.Size, await reader.ReadToEndAsync());
            if (FormatOf(file.Name) is { } format)
                Format = format;
        }
        catch (IOException e)
        {
            FileError = $"The file '{file.Name}' could not be read: {e.Message}";
        }
    }

    public void ClearFile() => (File, FileError) = (null, null);

    /// <summary>What the rows look like in the chosen format for <paramref name="table"/>.</summary>
    public string Example(TableMeta table) => Format == ImportFormat.Csv
        ? $"CSV: the first line names the columns, a type may follow a name. E.g. {string.Join(",", table.PrimaryKey.Select(k => k.Name))},name,price:DOUBLE"
        : $"JSON Lines: one object per line. E.g. {{{string.Join(", ", table.PrimaryKey.Select(k => $"\"{k.Name}\": {ExampleValue(k.Type)}"))}, \"name\": \"Ada\"}}";

    private static string ExampleValue(PrimaryKeyType type) => type switch
    {
        PrimaryKeyType.String => "\"a\"",
        PrimaryKeyType.Binary => "{\"binary\": \"AQI=\"}",
        _ => "1",
    };

    private static ImportFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
        _ => null,
    };

    public static string Bytes(long bytes)
    {
        if (bytes < 1024)
            return $"{bytes:N0} bytes";
        var (value, unit) = DisplayText.InBinaryUnits(bytes);
        return $"{value:0.#} {unit}";
    }
}

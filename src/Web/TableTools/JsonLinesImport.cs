using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// Reads JSON Lines rows for a table: one object per line, key columns and attribute columns side by side
/// (<c>{"id": 7, "name": "Ada", "price": 9.5}</c>). Values follow the JSON API's conventions, read by its own
/// <see cref="ValueJsonConverter"/> (a string is STRING, an integer literal INTEGER, <c>{"binary": "..."}</c>
/// BINARY, ...). A key must have its key type; a defined column its declared type, except that an integer is
/// taken as a DOUBLE where one is declared. null leaves a cell out; an auto-increment key may be left out.
/// </summary>
public static partial class JsonLinesImport
{
    private static readonly ValueJsonConverter Values = new();

    public static ImportPreview Parse(TableMeta table, string text)
    {
        var rows = new List<ImportedRow>();
        var errors = new List<ImportError>();
        var rowCount = 0;
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
                continue;
            rowCount++;
            var draft = new RowDraft(table, lineNumber, errors);
            if (ReadObject(table, Encoding.UTF8.GetBytes(line.ToArray()), draft) && draft.Finish() is { } row)
                rows.Add(row);
        }
        return new ImportPreview(rows, errors, rowCount);
    }

    /// <summary>Fills <paramref name="draft"/> from one line; false when the line could not be read to its end.</summary>
    private static bool ReadObject(TableMeta table, byte[] line, RowDraft draft)
    {
        var reader = new Utf8JsonReader(line);
        string? column = null;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                draft.Fail(null, $"a line must be one JSON object of column: value, not {ValueJsonConverter.Describe(reader.TokenType)}");
                return false;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var ok = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                column = reader.GetString()!;
                reader.Read();
                if (!seen.Add(column))
                {
                    draft.Fail(column, $"column '{column}' appears more than once");
                    reader.Skip();
                    ok = false;
                    continue;
                }
                if (reader.TokenType == JsonTokenType.Null)
                    continue;
                ok &= Accept(table, draft, column, Values.Read(ref reader, typeof(Value), ServiceJson.Options));
            }
            column = null;
            // Anything after the object (a second object, stray text) is a reader error: one object per line.
            while (reader.Read())
            {
            }
            return ok;
        }
        catch (JsonException e)
        {
            // The value converter throws JsonException itself; the reader throws a subclass for broken JSON.
            var problem = WithoutPosition(e.Message);
            if (column is not null && e.GetType() == typeof(JsonException))
                draft.Fail(column, $"column '{column}': {problem}");
            else
                draft.Fail(null, $"not valid JSON: {problem}");
            return false;
        }
    }

    private static bool Accept(TableMeta table, RowDraft draft, string column, Value value)
    {
        for (var i = 0; i < table.PrimaryKey.Count; i++)
        {
            var key = table.PrimaryKey[i];
            if (key.Name != column)
                continue;
            if ((int)value.Kind == (int)key.Type || (value.Kind == ValueKind.AutoIncrement && key.AutoIncrement))
            {
                draft.SetKey(i, value);
                return true;
            }
            draft.Fail(column, $"key '{column}' must be {CellText.Expected((ColumnType)key.Type)}, not {Describe(value)}");
            return false;
        }
        var defined = table.DefinedColumns.FirstOrDefault(c => c.Name == column);
        if (defined is not null && defined.Type == ColumnType.Double && value.Kind == ValueKind.Integer)
            value = Value.Double(value.AsInteger);
        if (defined is not null && (int)value.Kind != (int)defined.Type)
        {
            draft.Fail(column, $"column '{column}' must be {CellText.Expected(defined.Type)}, not {Describe(value)}");
            return false;
        }
        draft.Put(column, value);
        return true;
    }

    private static string Describe(Value value) =>
        value.IsPlaceholder ? value.TypeName : $"the {value.TypeName} {CellText.Quote(value.ToString())}";

    // The reader's messages end with its position in the line's bytes; the error already names the line.
    private static string WithoutPosition(string message) => ReaderPosition().Replace(message, "").TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex ReaderPosition();
}

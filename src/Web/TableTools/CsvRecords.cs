using System.Text;

namespace DeliveryConsole.Web.TableTools;

/// <summary>One field of a CSV record; <paramref name="Quoted"/> tells <c>""</c> (an empty text) from nothing at all.</summary>
public readonly record struct CsvField(string Text, bool Quoted);

/// <summary>One CSV record: the physical line it starts on, its fields, or why it could not be read.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields, string? Error = null);

/// <summary>
/// Splits text into RFC 4180 records: fields separated by commas, records by CRLF or LF; a field in double quotes
/// may hold commas, line breaks and <c>""</c> for a quote. Blank lines are skipped. A malformed record (an
/// unclosed quote, text after a closing quote) is returned with its error and reading goes on with the next line,
/// so one broken row never hides the others.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var startLine = line;
            var fields = new List<CsvField>();
            string? error = null;
            while (true)
            {
                var field = position < text.Length && text[position] == '"'
                    ? ReadQuoted(text, ref position, ref line, out error)
                    : ReadPlain(text, ref position);
                fields.Add(field);
                if (error is not null)
                {
                    SkipRestOfLine(text, ref position, ref line);
                    break;
                }
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (position < text.Length && text[position] != '\r' && text[position] != '\n')
                {
                    error = $"field {fields.Count} has text after its closing quote; double a quote inside a quoted field (\"\")";
                    SkipRestOfLine(text, ref position, ref line);
                    break;
                }
                EndLine(text, ref position, ref line);
                break;
            }
            if (error is null && IsBlank(fields))
                continue;
            yield return new CsvRecord(startLine, fields, error);
        }
    }

    private static CsvField ReadPlain(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
            position++;
        return new CsvField(text[start..position], Quoted: false);
    }

    private static CsvField ReadQuoted(string text, ref int position, ref int line, out string? error)
    {
        var value = new StringBuilder();
        var (quoteAt, quoteLine) = (position, line);
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    value.Append('"');
                    position += 2;
                    continue;
                }
                position++;
                error = null;
                return new CsvField(value.ToString(), Quoted: true);
            }
            if (c == '\n')
                line++;
            value.Append(c);
            position++;
        }
        // Without its closing quote the field would swallow every later row: report it on its own line and let
        // reading go on from the next one.
        error = "a quoted field is never closed (a \" is missing before the end of the input)";
        var lineEnd = text.IndexOfAny(['\r', '\n'], quoteAt);
        (position, line) = (lineEnd < 0 ? text.Length : lineEnd, quoteLine);
        return new CsvField(value.ToString(), Quoted: true);
    }

    private static void EndLine(string text, ref int position, ref int line)
    {
        if (position < text.Length && text[position] == '\r')
            position++;
        if (position < text.Length && text[position] == '\n')
            position++;
        line++;
    }

    private static void SkipRestOfLine(string text, ref int position, ref int line)
    {
        while (position < text.Length && text[position] is not ('\r' or '\n'))
            position++;
        if (position < text.Length)
            EndLine(text, ref position, ref line);
    }

    private static bool IsBlank(List<CsvField> fields) =>
        fields is [{ Quoted: false } only] && string.IsNullOrWhiteSpace(only.Text);
}

using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>The text formats the import panel reads.</summary>
public enum ImportFormat
{
    Csv,
    JsonLines,
}

/// <summary>A row that passed every check, ready to write, with the line it started on.</summary>
public sealed record ImportedRow(int Line, RowWrite Write);

/// <summary>
/// Why one row cannot be imported: the line it starts on, the column at fault (null when the row as a whole is
/// wrong) and the rule it breaks.
/// </summary>
public sealed record ImportError(int Line, string? Column, string Problem)
{
    public override string ToString() => $"line {Line}: {Problem}";
}

/// <summary>
/// What a parser made of the input: the valid rows in input order, every error, and how many rows (non-empty
/// records after the header) the input held, so "skipped" can be counted without re-reading.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors, int RowCount)
{
    /// <summary>Rows with at least one error: they are left out of the import as a whole.</summary>
    public int InvalidRowCount => RowCount - Rows.Count;
}

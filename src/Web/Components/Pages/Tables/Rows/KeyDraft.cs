using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>One key column's field in the <see cref="RowDialog"/>: the typed text and its message.</summary>
public sealed class KeyDraft(PrimaryKeyColumn column, string text, bool assignedOnWrite)
{
    public PrimaryKeyColumn Column { get; } = column;

    /// <summary>An auto-increment column of a new row: the table assigns the value, nothing is typed.</summary>
    public bool AssignedOnWrite { get; } = assignedOnWrite;

    public string Text { get; set; } = text;
    public string? Error { get; set; }
}

using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>One attribute's line in the <see cref="RowDialog"/>: name, type and typed value, each with its message.</summary>
public sealed class AttributeDraft
{
    public string Name { get; set; } = "";
    public ColumnType Type { get; set; } = ColumnType.String;
    public string Text { get; set; } = "";
    public string? NameError { get; set; }
    public string? ValueError { get; set; }

    /// <summary>Prefilled from the table's defined columns: only the value is left to type.</summary>
    public bool Defined { get; init; }
}

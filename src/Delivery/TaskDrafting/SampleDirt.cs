using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>How many of a column's sampled cells would be dirty under a schema entry.</summary>
/// <param name="Dirty">Cells <see cref="SchemaMapper"/> would deliver as null and report.</param>
/// <param name="Sampled">Sampled rows that have a cell in the column (the key columns: every row).</param>
public sealed record SampleDirt(int Dirty, int Sampled)
{
    /// <summary>
    /// Maps each sampled row with a one-column <see cref="SchemaMapper"/> for <paramref name="column"/>: the
    /// engine's own rule decides what is dirty, not a second copy of it.
    /// </summary>
    public static SampleDirt Count(SchemaColumn column, IReadOnlyList<Row> sample)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(sample);
        var mapper = new SchemaMapper([column]);
        Span<Value?> slot = new Value?[1];
        int dirty = 0, sampled = 0;
        foreach (var row in sample)
        {
            var cells = SourceCells.FromRow(row);
            if (!cells.Any(cell => cell.Name == column.ColumnName))
                continue;
            sampled++;
            dirty += mapper.MapInto(cells, slot);
        }
        return new SampleDirt(dirty, sampled);
    }

    /// <summary>"0 dirty" when nothing is, else "3 dirty of 20 sampled".</summary>
    public override string ToString() => Dirty == 0 ? "0 dirty" : $"{Dirty} dirty of {Sampled} sampled";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>How many dirty cells a task has had per column and actual type (table DirtyCounts); kept forever.</summary>
public sealed class DirtyCountRow
{
    public required string TaskName { get; set; }
    public required string ColumnName { get; set; }
    public required string ActualType { get; set; }
    public long Count { get; set; }
}

internal sealed class DirtyCountRowConfiguration : IEntityTypeConfiguration<DirtyCountRow>
{
    public void Configure(EntityTypeBuilder<DirtyCountRow> count)
    {
        count.ToTable("DirtyCounts");
        count.HasKey(c => new { c.TaskName, c.ColumnName, c.ActualType });
        count.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(c => c.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

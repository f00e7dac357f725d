using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>One resolved prefix of a task (table Partitions): its <see cref="PartitionState"/>.</summary>
public sealed class PartitionRow
{
    public required string TaskName { get; set; }
    public required string Prefix { get; set; }
    public long NextSequenceId { get; set; }
    public long FullDeliveredThrough { get; set; }
    public long ChangeDeliveredThrough { get; set; }

    public PartitionState ToState() => new(Prefix, NextSequenceId, FullDeliveredThrough, ChangeDeliveredThrough);

    public void Apply(PartitionState state)
    {
        NextSequenceId = state.NextSequenceId;
        FullDeliveredThrough = state.FullDeliveredThrough;
        ChangeDeliveredThrough = state.ChangeDeliveredThrough;
    }
}

internal sealed class PartitionRowConfiguration : IEntityTypeConfiguration<PartitionRow>
{
    public void Configure(EntityTypeBuilder<PartitionRow> partition)
    {
        partition.ToTable("Partitions");
        partition.HasKey(p => new { p.TaskName, p.Prefix });
        partition.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(p => p.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

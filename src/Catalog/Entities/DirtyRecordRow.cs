using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>One dirty cell (table DirtyRecords); a task keeps its newest <see cref="SqliteTaskCatalog.DirtyRecordsKept"/>.</summary>
public sealed class DirtyRecordRow
{
    public long Id { get; set; }
    public required string TaskName { get; set; }

    /// <summary>The row's primary key as JSON text.</summary>
    public required string PrimaryKey { get; set; }
    public required string ColumnName { get; set; }
    public required string ExpectedType { get; set; }
    public required string ActualType { get; set; }
    public required string Value { get; set; }
    public TaskPhase Phase { get; set; }
    public long Position { get; set; }
    public DateTimeOffset Time { get; set; }

    public static DirtyRecordRow From(string taskName, DirtyRecord record) => new()
    {
        TaskName = taskName,
        PrimaryKey = record.PrimaryKey,
        ColumnName = record.ColumnName,
        ExpectedType = record.ExpectedType,
        ActualType = record.ActualType,
        Value = record.Value,
        Phase = record.Phase,
        Position = record.Position,
        Time = record.Time,
    };

    public DirtyRecord ToRecord() => new(PrimaryKey, ColumnName, ExpectedType, ActualType, Value, Phase, Position, Time);
}

internal sealed class DirtyRecordRowConfiguration : IEntityTypeConfiguration<DirtyRecordRow>
{
    public void Configure(EntityTypeBuilder<DirtyRecordRow> record)
    {
        record.ToTable("DirtyRecords");
        record.HasKey(r => r.Id);
        record.HasIndex(r => new { r.TaskName, r.Id });
        record.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(r => r.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

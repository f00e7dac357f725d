using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>An upload recorded before it happens and not yet committed (table Intents): an <see cref="ObjectIntent"/>.</summary>
public sealed class IntentRow
{
    public required string TaskName { get; set; }
    public required string Key { get; set; }
    public required string Prefix { get; set; }
    public long SequenceId { get; set; }
    public TaskPhase Phase { get; set; }
    public long FirstPosition { get; set; }
    public long LastPosition { get; set; }
    public long Rows { get; set; }
    public string? DirtyKey { get; set; }
    public string? DirtyPrefix { get; set; }
    public long DirtySequenceId { get; set; }

    /// <summary>The task's config version that mapped the object's rows.</summary>
    public int ConfigVersion { get; set; } = 1;

    public static IntentRow From(string taskName, ObjectIntent intent) => new()
    {
        TaskName = taskName,
        Key = intent.Key,
        Prefix = intent.Prefix,
        SequenceId = intent.SequenceId,
        Phase = intent.Phase,
        FirstPosition = intent.FirstPosition,
        LastPosition = intent.LastPosition,
        Rows = intent.Rows,
        DirtyKey = intent.DirtyKey,
        DirtyPrefix = intent.DirtyPrefix,
        DirtySequenceId = intent.DirtySequenceId,
        ConfigVersion = intent.ConfigVersion,
    };

    public ObjectIntent ToIntent() =>
        new(Key, Prefix, SequenceId, Phase, FirstPosition, LastPosition, Rows, DirtyKey, DirtyPrefix, DirtySequenceId, ConfigVersion);
}

internal sealed class IntentRowConfiguration : IEntityTypeConfiguration<IntentRow>
{
    public void Configure(EntityTypeBuilder<IntentRow> intent)
    {
        intent.ToTable("Intents");
        intent.HasKey(i => new { i.TaskName, i.Key });
        intent.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(i => i.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

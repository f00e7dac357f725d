using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>
/// An uploaded object (table DeliveredObjects): its intent's fields and what the upload produced. Ids grow with
/// every commit, so (TaskName, Id) pages a task's objects newest first.
/// </summary>
public sealed class DeliveredObjectRow
{
    public long Id { get; set; }
    public required string TaskName { get; set; }
    public required string Key { get; set; }
    public required string Prefix { get; set; }
    public long SequenceId { get; set; }
    public TaskPhase Phase { get; set; }
    public long FirstPosition { get; set; }
    public long LastPosition { get; set; }
    public long Rows { get; set; }
    public long Bytes { get; set; }
    public DateTimeOffset MinPartitionTime { get; set; }
    public DateTimeOffset MaxPartitionTime { get; set; }
    public long FirstCommitTime { get; set; }
    public long LastCommitTime { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public string? DirtyKey { get; set; }
    public string? DirtyPrefix { get; set; }
    public long DirtySequenceId { get; set; }

    /// <summary>The task's config version that mapped the object's rows.</summary>
    public int ConfigVersion { get; set; } = 1;
    public long DirtyBytes { get; set; }

    /// <summary>
    /// The task's current sync time (ms) saved with this object: the task page's freshness when it was written is
    /// <see cref="WrittenAt"/> minus this, as its freshness now is now minus the task's current sync time.
    /// </summary>
    public long SyncTime { get; set; }

    public static DeliveredObjectRow From(string taskName, DeliveredObject delivered, long syncTime) => new()
    {
        TaskName = taskName,
        Key = delivered.Intent.Key,
        Prefix = delivered.Intent.Prefix,
        SequenceId = delivered.Intent.SequenceId,
        Phase = delivered.Intent.Phase,
        FirstPosition = delivered.Intent.FirstPosition,
        LastPosition = delivered.Intent.LastPosition,
        Rows = delivered.Intent.Rows,
        Bytes = delivered.Bytes,
        MinPartitionTime = delivered.MinPartitionTime,
        MaxPartitionTime = delivered.MaxPartitionTime,
        FirstCommitTime = delivered.FirstCommitTime,
        LastCommitTime = delivered.LastCommitTime,
        WrittenAt = delivered.WrittenAt,
        DirtyKey = delivered.Intent.DirtyKey,
        DirtyPrefix = delivered.Intent.DirtyPrefix,
        DirtySequenceId = delivered.Intent.DirtySequenceId,
        ConfigVersion = delivered.Intent.ConfigVersion,
        DirtyBytes = delivered.DirtyBytes,
        SyncTime = syncTime,
    };

    public DeliveredObject ToDeliveredObject() => new(
        new ObjectIntent(Key, Prefix, SequenceId, Phase, FirstPosition, LastPosition, Rows, DirtyKey, DirtyPrefix, DirtySequenceId, ConfigVersion),
        Bytes, MinPartitionTime, MaxPartitionTime, FirstCommitTime, LastCommitTime, WrittenAt, DirtyBytes);
}

internal sealed class DeliveredObjectRowConfiguration : IEntityTypeConfiguration<DeliveredObjectRow>
{
    public void Configure(EntityTypeBuilder<DeliveredObjectRow> delivered)
    {
        delivered.ToTable("DeliveredObjects");
        delivered.HasKey(o => o.Id);
        delivered.HasIndex(o => new { o.TaskName, o.Key }).IsUnique();
        delivered.HasIndex(o => new { o.TaskName, o.Id });
        delivered.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(o => o.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

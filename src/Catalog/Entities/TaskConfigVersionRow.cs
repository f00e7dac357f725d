using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>One config version of a task (table TaskConfigVersions): a <see cref="TaskConfigVersion"/>.</summary>
public sealed class TaskConfigVersionRow
{
    public required string TaskName { get; set; }
    public int Version { get; set; }

    /// <summary>The request with every default written out (<see cref="CatalogJson"/>), as DeliveryTasks keeps the newest.</summary>
    public required string RequestJson { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public DateTimeOffset? EffectiveAt { get; set; }

    public static TaskConfigVersionRow From(string taskName, TaskConfigVersion version) => new()
    {
        TaskName = taskName,
        Version = version.Version,
        RequestJson = CatalogJson.Serialize(version.Request),
        SavedAt = version.SavedAt,
        EffectiveAt = version.EffectiveAt,
    };

    public TaskConfigVersion ToVersion() => new(Version, CatalogJson.DeserializeRequest(RequestJson), SavedAt, EffectiveAt);
}

internal sealed class TaskConfigVersionRowConfiguration : IEntityTypeConfiguration<TaskConfigVersionRow>
{
    public void Configure(EntityTypeBuilder<TaskConfigVersionRow> version)
    {
        version.ToTable("TaskConfigVersions");
        version.HasKey(v => new { v.TaskName, v.Version });
        version.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(v => v.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

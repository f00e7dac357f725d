using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeliveryConsole.Catalog.Entities;

/// <summary>One line of a task's timeline (table TaskEvents); a task keeps its newest <see cref="SqliteTaskCatalog.EventsKept"/>.</summary>
public sealed class TaskEventRow
{
    public long Id { get; set; }
    public required string TaskName { get; set; }
    public DateTimeOffset Time { get; set; }

    /// <summary><see cref="TaskEvent.Info"/> or <see cref="TaskEvent.Error"/>.</summary>
    public required string Level { get; set; }
    public required string Message { get; set; }

    public static TaskEventRow From(string taskName, TaskEvent taskEvent) => new()
    {
        TaskName = taskName,
        Time = taskEvent.Time,
        Level = taskEvent.Level,
        Message = taskEvent.Message,
    };

    public TaskEvent ToEvent() => new(Time, Level, Message);
}

internal sealed class TaskEventRowConfiguration : IEntityTypeConfiguration<TaskEventRow>
{
    public void Configure(EntityTypeBuilder<TaskEventRow> taskEvent)
    {
        taskEvent.ToTable("TaskEvents");
        taskEvent.HasKey(e => e.Id);
        taskEvent.HasIndex(e => new { e.TaskName, e.Id });
        taskEvent.HasOne<DeliveryTaskRow>().WithMany().HasForeignKey(e => e.TaskName).OnDelete(DeleteBehavior.Cascade);
    }
}

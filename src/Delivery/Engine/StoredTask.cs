using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// A created task as the catalog keeps it: the request with every default written out (so a later change of an
/// instance default does not change the task), when it was created, and the change sequence it starts after.
/// </summary>
/// <param name="StartSequence">The newest change when the task was created: INC delivers the changes after it.</param>
public sealed record StoredTask(
    string TaskName,
    string TableName,
    DeliveryTaskType TaskType,
    CreateDeliveryTaskRequest Request,
    DateTimeOffset CreatedAt,
    long StartSequence);

using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// One configuration of a task: version 1 is the one it was created with, each UpdateDeliveryTask adds the next.
/// A version is in effect from <paramref name="EffectiveAt"/>: the task maps the rows it reads after that with it,
/// and every object it writes records the version that mapped its rows. A version replaced by a newer one before
/// the task reached an object boundary never takes effect (null).
/// </summary>
/// <param name="Request">The request with every default written out, as the catalog keeps a task's request.</param>
/// <param name="SavedAt">When the create or update was accepted.</param>
public sealed record TaskConfigVersion(int Version, CreateDeliveryTaskRequest Request, DateTimeOffset SavedAt, DateTimeOffset? EffectiveAt);

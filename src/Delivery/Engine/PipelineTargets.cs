using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>Where a pipeline's objects and commits go, and what it needs from its runner.</summary>
/// <param name="EncodeKey">Encodes a primary key for the FULL checkpoint (the table's order-preserving key).</param>
/// <param name="Committed">Called after each commit with the state it saved.</param>
internal sealed record PipelineTargets(
    string TaskName,
    IBucketEndpoint Endpoint,
    string Bucket,
    ITaskCatalog Catalog,
    DeliveryOptions Options,
    TimeProvider Time,
    Func<IReadOnlyList<KeyColumn>, byte[]> EncodeKey,
    Func<TaskState, Task> Committed);

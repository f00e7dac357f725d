using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// CreateDeliveryTask, UpdateDeliveryTask, ListDeliveryTask, DescribeDeliveryTask and DeleteDeliveryTask over the delivery engine. The
/// engine's <see cref="DeliveryTaskError"/> becomes the wire's error answer here, with its code.
/// </summary>
public static class DeliveryOperations
{
    public static IReadOnlyList<WireOperation> All { get; } =
    [
        // A create, update or delete runs to its end even when the client goes away: stopping halfway could leave half a task.
        WireOperation.Of("CreateDeliveryTask", Proto.CreateDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            Done(await wire.Service<DeliveryEngine>().CreateTaskAsync(DeliveryMessages.ToModel(request), CancellationToken.None));
            return (IMessage)new Proto.CreateDeliveryTaskResponse();
        }),
        WireOperation.Of("UpdateDeliveryTask", Proto.UpdateDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            // The message names its table field `table`; the engine's rules say tableName.
            if (!request.HasTable)
                throw Failure(DeliveryTaskError.Invalid("table", "table is required."));
            Done(await wire.Service<DeliveryEngine>().UpdateTaskAsync(DeliveryMessages.ToModel(request), CancellationToken.None));
            return (IMessage)new Proto.UpdateDeliveryTaskResponse();
        }),
        WireOperation.Of("ListDeliveryTask", Proto.ListDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            var tasks = await wire.Service<DeliveryEngine>().ListTasksAsync(request.HasTableName ? request.TableName : null, wire.Aborted);
            return (IMessage)new Proto.ListDeliveryTaskResponse { Tasks = { tasks.Select(DeliveryMessages.ToMessage) } };
        }),
        WireOperation.Of("DescribeDeliveryTask", Proto.DescribeDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            var (table, task) = Names(request);
            var status = await wire.Service<DeliveryEngine>().DescribeTaskAsync(table, task, wire.Aborted)
                ?? throw Failure(DeliveryTaskError.NoSuchTask(table, task));
            return (IMessage)DeliveryMessages.ToMessage(status);
        }),
        WireOperation.Of("DeleteDeliveryTask", Proto.DeleteDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            var (table, task) = Names(request);
            Done(await wire.Service<DeliveryEngine>().DeleteTaskAsync(table, task, CancellationToken.None));
            return (IMessage)new Proto.DeleteDeliveryTaskResponse();
        }),
    ];

    /// <summary>The table and task a request names, both required.</summary>
    private static (string TableName, string TaskName) Names(Proto.ITaskNames request)
    {
        string? tableName = request.HasTableName ? request.TableName : null, taskName = request.HasTaskName ? request.TaskName : null;
        Done(DeliveryTaskError.MissingName(tableName, taskName));
        return (tableName!, taskName!);
    }

    /// <summary>The engine's answer as the wire's: nothing when it is null, else its error, thrown to the endpoint that answers it.</summary>
    private static void Done(DeliveryTaskError? error)
    {
        if (error is not null)
            throw Failure(error);
    }

    private static Exception Failure(DeliveryTaskError error) => WireErrors.Error(error.Code, error.Message);
}

using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.Web.Api;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>CreateDeliveryTask, ListDeliveryTask, DescribeDeliveryTask and DeleteDeliveryTask over the delivery engine.</summary>
public static class DeliveryOperations
{
    public static IReadOnlyList<WireOperation> All { get; } =
    [
        WireOperation.Of("CreateDeliveryTask", Proto.CreateDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            await DeliveryTaskCalls.CreateAsync(wire.Service<DeliveryEngine>(), DeliveryMessages.ToModel(request));
            return (IMessage)new Proto.CreateDeliveryTaskResponse();
        }),
        WireOperation.Of("ListDeliveryTask", Proto.ListDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            var tasks = await DeliveryTaskCalls.ListAsync(wire.Service<DeliveryEngine>(), wire.Service<TableService>(),
                request.HasTableName ? request.TableName : null, wire.Aborted);
            return (IMessage)new Proto.ListDeliveryTaskResponse { Tasks = { tasks.Select(DeliveryMessages.ToMessage) } };
        }),
        WireOperation.Of("DescribeDeliveryTask", Proto.DescribeDeliveryTaskRequest.Parser, async (request, wire) =>
            (IMessage)DeliveryMessages.ToMessage(await DeliveryTaskCalls.DescribeAsync(wire.Service<DeliveryEngine>(),
                request.HasTableName ? request.TableName : null, request.HasTaskName ? request.TaskName : null, wire.Aborted))),
        WireOperation.Of("DeleteDeliveryTask", Proto.DeleteDeliveryTaskRequest.Parser, async (request, wire) =>
        {
            await DeliveryTaskCalls.DeleteAsync(wire.Service<DeliveryEngine>(),
                request.HasTableName ? request.TableName : null, request.HasTaskName ? request.TaskName : null);
            return (IMessage)new Proto.DeleteDeliveryTaskResponse();
        }),
    ];
}

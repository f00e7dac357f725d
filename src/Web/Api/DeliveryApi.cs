using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Errors;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// CreateDeliveryTask, UpdateDeliveryTask, ListDeliveryTask, DescribeDeliveryTask and DeleteDeliveryTask over the delivery engine, with
/// the same envelope as the table operations. The engine judges every request (the first broken rule, naming its
/// field) and answers with a <see cref="DeliveryTaskError"/>, which keeps its code here: a broken rule is 400, a
/// missing table or task 404, a taken task name 409.
/// </summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Delivery tasks");
        // A create, update or delete runs to its end even when the client goes away: stopping halfway could leave half a task.
        Map<CreateDeliveryTaskBody, EmptyBody>(api, "CreateDeliveryTask", async (engine, body, _) =>
            (new EmptyBody(), await engine.CreateTaskAsync(body.Request, CancellationToken.None)));
        // The same body as a create; a taskType or emulator block left out keeps the task's.
        Map<CreateDeliveryTaskBody, EmptyBody>(api, "UpdateDeliveryTask", async (engine, body, _) =>
            (new EmptyBody(), await engine.UpdateTaskAsync(body.Request, CancellationToken.None)));
        Map<ListDeliveryTaskBody, ListDeliveryTaskResult>(api, "ListDeliveryTask", async (engine, body, cancel) =>
            (new ListDeliveryTaskResult([.. (await engine.ListTasksAsync(body.TableName, cancel)).Select(DeliveryTaskSummaryJson.From)]), null));
        Map<DeliveryTaskBody, DescribeDeliveryTaskResult>(api, "DescribeDeliveryTask", async (engine, body, cancel) =>
            DeliveryTaskError.MissingName(body.TableName, body.TaskName) is { } missing ? (null, missing)
            : await engine.DescribeTaskAsync(body.TableName!, body.TaskName!, cancel) is { } status ? (DescribeDeliveryTaskResult.From(status), null)
            : (null, DeliveryTaskError.NoSuchTask(body.TableName!, body.TaskName!)));
        Map<DeliveryTaskBody, EmptyBody>(api, "DeleteDeliveryTask", async (engine, body, _) =>
            (new EmptyBody(), DeliveryTaskError.MissingName(body.TableName, body.TaskName)
                ?? await engine.DeleteTaskAsync(body.TableName!, body.TaskName!, CancellationToken.None)));
    }

    /// <summary>Maps one operation whose handler answers with its result, or with the engine's error (which wins).</summary>
    private static void Map<TBody, TResult>(RouteGroupBuilder api, string operation,
        Func<DeliveryEngine, TBody, CancellationToken, Task<(TResult? Result, DeliveryTaskError? Error)>> handle)
        where TBody : notnull where TResult : notnull =>
        api.MapOperation<TBody, TResult>(operation, async (context, body) =>
        {
            try
            {
                var engine = context.RequestServices.GetRequiredService<DeliveryEngine>();
                var (result, error) = await handle(engine, body, context.RequestAborted);
                return error is not null
                    ? ServiceErrors.Result(context, error.Code, error.Message)
                    : Results.Json(result, ServiceJson.Options);
            }
            catch (TableStoreException e) // the store's own answer, such as a table that does not exist
            {
                return ServiceErrors.Result(context, e.Code, e.Message);
            }
        });
}

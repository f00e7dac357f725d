using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// CreateDeliveryTask, ListDeliveryTask, DescribeDeliveryTask and DeleteDeliveryTask over the delivery engine, with
/// the same envelope as the table operations. The engine judges every request (the first broken rule, naming its
/// field); its errors keep their codes: a broken rule is 400, a missing table or task 404, a taken task name 409.
/// </summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Delivery tasks");
        // A create or delete runs to its end even when the client goes away: stopping it halfway could leave half a task.
        Map<CreateDeliveryTaskBody, EmptyBody>(api, "CreateDeliveryTask", async (engine, _, body, _) =>
            Done(await engine.CreateTaskAsync(body.Request, CancellationToken.None)));
        Map<ListDeliveryTaskBody, ListDeliveryTaskResult>(api, "ListDeliveryTask", async (engine, services, body, cancel) =>
        {
            // As the real service: the tasks of a table that does not exist are an error, not an empty list.
            if (body.TableName is { } tableName)
                services.GetRequiredService<TableService>().Table(tableName);
            var tasks = await engine.ListTasksAsync(body.TableName, cancel);
            return new ListDeliveryTaskResult([.. tasks.Select(DeliveryTaskSummaryJson.From)]);
        });
        Map<DeliveryTaskBody, DescribeDeliveryTaskResult>(api, "DescribeDeliveryTask", async (engine, _, body, cancel) =>
        {
            var (tableName, taskName) = Names(body);
            return await engine.DescribeTaskAsync(tableName, taskName, cancel) is { } status
                ? DescribeDeliveryTaskResult.From(status)
                : throw new TableStoreException(new TableStoreError(TableStoreError.ObjectNotExist,
                    $"Table '{tableName}' has no delivery task named '{taskName}'."));
        });
        Map<DeliveryTaskBody, EmptyBody>(api, "DeleteDeliveryTask", async (engine, _, body, _) =>
        {
            var (tableName, taskName) = Names(body);
            return Done(await engine.DeleteTaskAsync(tableName, taskName, CancellationToken.None));
        });
    }

    private static (string TableName, string TaskName) Names(DeliveryTaskBody body) =>
        (body.TableName ?? throw Required("tableName"), body.TaskName ?? throw Required("taskName"));

    private static TableStoreException Required(string field) =>
        new(TableStoreError.Invalid($"{field} is required."));

    /// <summary>The empty answer of a change the engine made, or its error (null means done).</summary>
    private static EmptyBody Done(DeliveryTaskError? error) =>
        error is null ? new EmptyBody() : throw new TableStoreException(new TableStoreError(error.Code, error.Message));

    private static void Map<TBody, TResult>(RouteGroupBuilder api, string operation,
        Func<DeliveryEngine, IServiceProvider, TBody, CancellationToken, Task<TResult>> handle) where TBody : notnull where TResult : notnull =>
        api.MapOperation<TBody, TResult>(operation, async (context, body) =>
        {
            try
            {
                var engine = context.RequestServices.GetRequiredService<DeliveryEngine>();
                return Results.Json(await handle(engine, context.RequestServices, body, context.RequestAborted), ApiJson.Options);
            }
            catch (TableStoreException e)
            {
                return ApiErrors.Result(context, e.Code, e.Message);
            }
        });
}

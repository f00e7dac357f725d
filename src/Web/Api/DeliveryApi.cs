using DeliveryConsole.Delivery.Engine;
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
        Map<CreateDeliveryTaskBody, EmptyBody>(api, "CreateDeliveryTask", async (engine, _, body, _) =>
        {
            await DeliveryTaskCalls.CreateAsync(engine, body.Request);
            return new EmptyBody();
        });
        Map<ListDeliveryTaskBody, ListDeliveryTaskResult>(api, "ListDeliveryTask", async (engine, services, body, cancel) =>
        {
            var tasks = await DeliveryTaskCalls.ListAsync(engine, services.GetRequiredService<TableService>(), body.TableName, cancel);
            return new ListDeliveryTaskResult([.. tasks.Select(DeliveryTaskSummaryJson.From)]);
        });
        Map<DeliveryTaskBody, DescribeDeliveryTaskResult>(api, "DescribeDeliveryTask", async (engine, _, body, cancel) =>
            DescribeDeliveryTaskResult.From(await DeliveryTaskCalls.DescribeAsync(engine, body.TableName, body.TaskName, cancel)));
        Map<DeliveryTaskBody, EmptyBody>(api, "DeleteDeliveryTask", async (engine, _, body, _) =>
        {
            await DeliveryTaskCalls.DeleteAsync(engine, body.TableName, body.TaskName);
            return new EmptyBody();
        });
    }

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

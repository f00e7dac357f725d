using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// The delivery task operations as the JSON API and the wire protocol both run them: the engine's answers turned
/// into the service's errors (a broken rule 400, a missing table or task 404, a taken task name 409).
/// </summary>
public static class DeliveryTaskCalls
{
    /// <summary>Creates the task; it runs to its end even when the client goes away, as stopping it halfway could leave half a task.</summary>
    public static async Task CreateAsync(DeliveryEngine engine, CreateDeliveryTaskRequest request) =>
        Done(await engine.CreateTaskAsync(request, CancellationToken.None));

    /// <summary>The tasks of a table (every task when null); as the real service, a table that does not exist is an error.</summary>
    public static async Task<IReadOnlyList<DeliveryTaskSummary>> ListAsync(
        DeliveryEngine engine, TableService tables, string? tableName, CancellationToken cancel)
    {
        if (tableName is not null)
            tables.Table(tableName);
        return await engine.ListTasksAsync(tableName, cancel);
    }

    public static async Task<DeliveryTaskStatus> DescribeAsync(DeliveryEngine engine, string? tableName, string? taskName, CancellationToken cancel)
    {
        var (table, task) = Names(tableName, taskName);
        return await engine.DescribeTaskAsync(table, task, cancel)
            ?? throw new TableStoreException(new TableStoreError(TableStoreError.ObjectNotExist, $"Table '{table}' has no delivery task named '{task}'."));
    }

    /// <summary>Deletes the task; like a create, it runs to its end even when the client goes away.</summary>
    public static async Task DeleteAsync(DeliveryEngine engine, string? tableName, string? taskName)
    {
        var (table, task) = Names(tableName, taskName);
        Done(await engine.DeleteTaskAsync(table, task, CancellationToken.None));
    }

    private static (string TableName, string TaskName) Names(string? tableName, string? taskName) =>
        (tableName ?? throw Required("tableName"), taskName ?? throw Required("taskName"));

    private static TableStoreException Required(string field) => TableStoreException.Invalid($"{field} is required.");

    /// <summary>The engine's answer to a change: null means done, else its error.</summary>
    private static void Done(DeliveryTaskError? error)
    {
        if (error is not null)
            throw new TableStoreException(new TableStoreError(error.Code, error.Message));
    }
}

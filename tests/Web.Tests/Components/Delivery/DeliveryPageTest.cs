using DeliveryConsole.Testing;
using System.Linq.Expressions;
using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Components.Delivery;

/// <summary>The real console parts plus the few steps every delivery page test takes: tables, rows, tasks, waiting.</summary>
public abstract class DeliveryPageTest : ConsoleComponentTest
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Table <paramref name="name"/>: key <c>id</c> INTEGER; attributes <c>name</c> STRING and <c>flag</c> BOOLEAN.</summary>
    protected void CreateTable(string name, int rows = 0)
    {
        Tables.CreateTable(name, [new("id", PrimaryKeyType.Integer)]);
        WriteRows(name, 1, rows);
    }

    protected void WriteRows(string table, int firstId, int count)
    {
        for (var id = firstId; id < firstId + count; id++)
            Writer.WriteRow(table, new RowWrite(WriteType.Put, [new("id", Value.Integer(id))],
                [new ColumnPut("name", Value.String($"name-{id}")), new ColumnPut("flag", Value.Boolean(id % 2 == 0))]));
    }

    protected Task CreateBucketAsync(string bucket) => LocalEndpoint.CreateBucketAsync(bucket, Ct);

    /// <param name="schema">Default: <c>id</c> as INT64 and <c>name</c> as UTF8 (no dirty cells).</param>
    protected async Task CreateTaskAsync(string table, string task, string type = "BASE_INC", string bucket = "lake",
        string prefix = "out/$yyyy", IReadOnlyList<SchemaColumnConfig>? schema = null, string role = Role, string? dirtyPrefix = null)
    {
        var error = await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest(table, task,
            new DeliveryTaskConfig(prefix, bucket, Endpoint, role,
                schema ?? [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "UTF8")], dirtyPrefix), type), Ct);
        Assert.Null(error);
    }

    /// <summary>
    /// Polls the catalog until the task has an event that <paramref name="which"/> matches: the engine saves a state
    /// change before the event that tells of it, so a page rendered right after the state may not show the event yet.
    /// </summary>
    protected async Task WaitForEventAsync(string task, Expression<Func<TaskEventRow, bool>> which) =>
        await Eventually.UntilAsync(async () =>
        {
            await using var db = await CatalogFactory.CreateDbContextAsync(Ct);
            return await db.TaskEvents.Where(e => e.TaskName == task).AnyAsync(which, Ct);
        }, recorded => recorded, _ => $"task {task} did not record the event {which}");

    /// <summary>Polls the engine (which runs on real time) until the task's status satisfies <paramref name="until"/>.</summary>
    protected async Task<DeliveryTaskStatus> WaitForTaskAsync(string table, string task, Func<DeliveryTaskStatus, bool> until) =>
        (await Eventually.UntilAsync(() => Engine.DescribeTaskAsync(table, task, Ct), status => status is not null && until(status),
            status => $"task {task} did not reach the expected state; last: {status?.State}"))!;
}

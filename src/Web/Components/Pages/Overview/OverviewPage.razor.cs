using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Shared;
using DeliveryConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Components.Pages.Overview;

/// <summary>
/// The instance at a glance, live: tables with their rows, tasks by state (the chip labels) and the ones in error,
/// and the catalog and endpoints. Counts refresh every second; the health checks, which touch every endpoint, less often.
/// </summary>
public sealed partial class OverviewPage
{
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(10);

    private IReadOnlyList<TableLine> _tables = [];
    private IReadOnlyList<TaskLine> _tasks = [];
    private HealthReport? _report;
    private DateTimeOffset _lastHealthCheck;

    [Inject]
    private IOptions<ConsoleOptions> Options { get; set; } = default!;

    [Inject]
    private HealthReporter Health { get; set; } = default!;

    [Inject]
    private TableDefinitions Tables { get; set; } = default!;

    [Inject]
    private DeliveryEngine Engine { get; set; } = default!;

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override async Task RefreshAsync()
    {
        _tables = ReadTables();
        _tasks = await ReadTasksAsync();
        if (_report is null || Time.GetUtcNow() - _lastHealthCheck >= HealthInterval)
        {
            _report = await Health.CheckAsync(CancellationToken.None);
            _lastHealthCheck = Time.GetUtcNow();
        }
    }

    private List<TableLine> ReadTables() => [.. Tables.DescribeTables().Select(t => new TableLine(t.Table.Name, t.RowCount))];

    private async Task<List<TaskLine>> ReadTasksAsync()
    {
        var lines = new List<TaskLine>();
        foreach (var task in await Engine.ListTasksAsync(null, CancellationToken.None))
            if (await Engine.DescribeTaskAsync(task.TableName, task.TaskName, CancellationToken.None) is { } status)
                lines.Add(new TaskLine(task.TableName, task.TaskName, PhaseChip.Label(status.State),
                    $"{status.State.EmulatorErrorCode()}: {status.State.Detail}"));
        return lines;
    }

    private static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private sealed record TableLine(string Name, long Rows);

    private sealed record TaskLine(string Table, string Name, string Label, string Detail);
}

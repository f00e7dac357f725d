using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace DeliveryConsole.Web.Components.Pages.Delivery;

/// <summary>
/// Every delivery task, filtered by table and phase (both also in the URL), 50 per page. Each tick re-lists the
/// tasks (the engine's in-memory list) and describes only the tasks on the page, unless the phase filter needs
/// every task's state to decide which match.
/// </summary>
public partial class DeliveryListPage : LiveComponent
{
    public const int PageSize = 50;

    [Inject] private DeliveryEngine Engine { get; set; } = default!;
    [Inject] private TableDefinitions Tables { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The chosen table, "" for all; the chosen phase label, "" for all.</summary>
    private string _table = "";
    private string _phase = "";
    private string? _queryProblem;
    private int _page;
    private int _totalTasks;
    private List<string> _tableNames = [];
    private IReadOnlyList<DeliveryTaskSummary> _matching = [];
    private List<DeliveryTaskStatus> _shown = [];

    private string CreateHref => _table == "" ? "/delivery/new" : $"/delivery/new?table={Uri.EscapeDataString(_table)}";

    protected override async Task OnParametersSetAsync()
    {
        ReadQuery();
        await RefreshAsync();
    }

    protected override async Task RefreshAsync()
    {
        var ct = CancellationToken.None;
        var all = await Engine.ListTasksAsync(null, ct);
        _totalTasks = all.Count;
        _tableNames = [.. Tables.ListTable().Concat(all.Select(t => t.TableName)).Append(_table)
            .Where(name => name != "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        IReadOnlyList<DeliveryTaskSummary> matching = _table == "" ? all : [.. all.Where(t => t.TableName == _table)];
        if (_phase == "")
        {
            _matching = matching;
            ClampPage();
            _shown = await DescribeAsync(_matching.Skip(_page * PageSize).Take(PageSize), ct);
        }
        else
        {
            // The phase lives in each runner's state: filtering by it needs every candidate's (in-memory) status.
            var described = (await DescribeAsync(matching, ct)).Where(s => PhaseChip.Label(s.State) == _phase).ToList();
            _matching = [.. described.Select(s => new DeliveryTaskSummary(s.Definition.TableName, s.Definition.TaskName, s.Definition.TaskType))];
            ClampPage();
            _shown = [.. described.Skip(_page * PageSize).Take(PageSize)];
        }
    }

    private async Task<List<DeliveryTaskStatus>> DescribeAsync(IEnumerable<DeliveryTaskSummary> tasks, CancellationToken ct)
    {
        var statuses = new List<DeliveryTaskStatus>();
        foreach (var task in tasks)
        {
            // A task deleted since the list was taken is simply not shown.
            if (await Engine.DescribeTaskAsync(task.TableName, task.TaskName, ct) is { } status)
                statuses.Add(status);
        }
        return statuses;
    }

    private void ClampPage()
    {
        var lastPage = Math.Max(0, (_matching.Count - 1) / PageSize);
        _page = Math.Clamp(_page, 0, lastPage);
    }

    private void ReadQuery()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        _table = query.TryGetValue("table", out var table) ? table.ToString() : "";
        var phase = query.TryGetValue("phase", out var p) ? p.ToString() : "";
        var known = PhaseChip.Labels.FirstOrDefault(label => string.Equals(label, phase, StringComparison.OrdinalIgnoreCase));
        _queryProblem = phase != "" && known is null
            ? $"Phase '{phase}' is not a phase; choose one of {string.Join(", ", PhaseChip.Labels)}. Showing every phase."
            : null;
        _phase = known ?? "";
    }

    private async Task TableChangedAsync(string table)
    {
        _table = table ?? "";
        await FiltersChangedAsync();
    }

    private async Task PhaseChangedAsync(string phase)
    {
        _phase = phase ?? "";
        _queryProblem = null;
        await FiltersChangedAsync();
    }

    private async Task FiltersChangedAsync()
    {
        _page = 0;
        // Replace, not push: the filters are part of the address (shareable, survive a reload) without flooding history.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["table"] = _table == "" ? null : _table,
            ["phase"] = _phase == "" ? null : _phase,
        }), replace: true);
        await RefreshAsync();
    }

    private async Task PageChangedAsync(int page)
    {
        _page = page;
        await RefreshAsync();
    }
}

using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>
/// The task creation wizard. Each step's fields are judged as typed with the engine's own rules; "Next" shows a
/// step's messages and stays while any is broken; "Create task" hands the request to the engine, which judges it
/// once more, and its error is shown on the step and field it names. Nothing is created unless the engine accepts.
/// At <c>/delivery/{table}/{task}/edit</c> the same steps edit a task: filled from its config, with what an update
/// cannot change read-only, a review that says what changes and from when, and "Save" through the engine's update
/// (the path the API's UpdateDeliveryTask takes).
/// </summary>
public sealed partial class CreateTaskPage
{
    [Inject] private TableDefinitions Tables { get; set; } = default!;
    [Inject] private LiveRows LiveRows { get; set; } = default!;
    [Inject] private DeliveryEngine Engine { get; set; } = default!;
    [Inject] private BucketEndpoints Endpoints { get; set; } = default!;
    [Inject] private IOptions<ConsoleOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The table to preselect (<c>/delivery/new?table=orders</c>).</summary>
    [SupplyParameterFromQuery(Name = "table")]
    public string? Table { get; set; }

    /// <summary>The table and name of the task to edit; null when creating.</summary>
    [Parameter] public string? EditTable { get; set; }
    [Parameter] public string? EditTask { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private WizardState _state = default!;
    private IReadOnlyList<string> _tables = [];
    private WizardStep _step;

    /// <summary>The stepper's index of <see cref="_step"/>.</summary>
    private int StepIndex
    {
        get => (int)_step;
        set => _step = (WizardStep)value;
    }
    private bool _creating;
    private bool _loaded;
    private bool _notFound;

    protected override async Task OnInitializedAsync()
    {
        var options = Options.Value;
        var zone = PartitionTimeZone.TryResolve(options.PartitionTimeZone, out var resolved, out _) ? resolved : PartitionTimeZone.Resolve(null);
        _state = new WizardState(options.AccountId, zone, options.ObjectExtension.Length == 0 ? null : options.ObjectExtension)
        {
            EndpointNames = [.. Endpoints.All.Select(endpoint => endpoint.Name)],
            SampleTime = Clock.GetUtcNow(),
            InstanceFlushIntervalSeconds = options.FlushIntervalSeconds,
            InstanceFlushSizeMiB = options.FlushSizeMiB,
        };
        _state.Draft.Role = $"acs:ram::{options.AccountId}:role/{DeliveryOptions.ServiceRoleName}";
        _state.Draft.Endpoint = _state.EndpointNames.FirstOrDefault() ?? "";
        _tables = Tables.ListTable();
        if (EditTable is not null && EditTask is not null)
        {
            await LoadEditedTaskAsync(EditTable, EditTask);
            return;
        }
        if (Table is { } table && _tables.Contains(table, StringComparer.Ordinal))
        {
            _state.Draft.TableName = table;
            LoadTable();
        }
        var tasks = await Engine.ListTasksAsync(null, CancellationToken.None);
        _state.TaskNamesInUse = tasks.Select(task => task.TaskName).ToHashSet(StringComparer.Ordinal);
        _loaded = true;
    }

    private async Task LoadEditedTaskAsync(string tableName, string taskName)
    {
        if (await Engine.DescribeTaskAsync(tableName, taskName, CancellationToken.None) is not { } task)
        {
            _notFound = true;
            return;
        }
        _state.Edit(task);
        LoadTable();
        _loaded = true;
    }

    /// <summary>Saves the edit as the task's next config version, through the engine's update; opens the task's page.</summary>
    private async Task SaveAsync()
    {
        if (_state.FirstInvalidStepBefore(WizardStep.Review) is { } invalid)
        {
            _step = invalid;
            return;
        }
        _creating = true;
        try
        {
            _state.CreateError = await Engine.UpdateTaskAsync(_state.Draft.ToRequest(), CancellationToken.None);
            if (_state.CreateError is { } error)
            {
                _step = WizardState.StepOf(error.Field);
                return;
            }
            Navigation.NavigateTo($"/delivery/{Uri.EscapeDataString(EditTable!)}/{Uri.EscapeDataString(EditTask!)}");
        }
        finally
        {
            _creating = false;
        }
    }

    private void OnTableOrFieldChanged()
    {
        if (_state.Draft.TableName != _state.Table?.Name)
            LoadTable();
        StateHasChanged();
    }

    /// <summary>Reads the chosen table's schema and a sample of its rows; a table deleted meanwhile is reported on its field.</summary>
    private void LoadTable()
    {
        try
        {
            _state.Table = _state.Draft.TableName is { } name ? Tables.Table(name) : null;
            _state.Sample = _state.Table is { } table ? RowSample.Read(Tables, LiveRows, table.Name) : [];
        }
        catch (TableStoreException e)
        {
            _state.Table = null;
            _state.Sample = [];
            _state.CreateError = DeliveryTaskError.Of(e.Code, new TaskField(WizardState.TableNameField, _state.Draft.TableName), $"could not be read: {e.Message}");
        }
    }

    private Task BackAsync()
    {
        _step = _step == WizardStep.Basics ? _step : _step - 1;
        return Task.CompletedTask;
    }

    private Task NextAsync()
    {
        _state.TouchStep(_step);
        if (_state.StepIsValid(_step))
            _step++;
        return Task.CompletedTask;
    }

    /// <summary>Clicking a later step in the header is a "Next" for every step before it.</summary>
    private Task OnStepChangeAsync(StepperInteractionEventArgs change)
    {
        if (_state.FirstInvalidStepBefore((WizardStep)change.StepIndex) is { } invalid)
        {
            change.Cancel = true;
            _step = invalid;
        }
        return Task.CompletedTask;
    }

    private async Task CreateAsync()
    {
        if (_state.FirstInvalidStepBefore(WizardStep.Review) is { } invalid)
        {
            _step = invalid;
            return;
        }
        _creating = true;
        try
        {
            var request = _state.Draft.ToRequest();
            _state.CreateError = await Engine.CreateTaskAsync(request, CancellationToken.None);
            if (_state.CreateError is { } error)
            {
                _step = WizardState.StepOf(error.Field);
                return;
            }
            await ShowStatementsAsync(request.TableName, request.TaskName);
        }
        finally
        {
            _creating = false;
        }
    }

    private async Task ShowStatementsAsync(string tableName, string taskName)
    {
        var draft = _state.Draft;
        var endpoint = Endpoints.Find(draft.Endpoint)!;
        // The engine accepted the draft, so its prefix is valid.
        var location = TableStatements.Location(endpoint, draft.Bucket!, _state.Prefix!);
        var parameters = new DialogParameters<StatementDialog>
        {
            { d => d.TableName, tableName },
            { d => d.TaskName, taskName },
            { d => d.HiveStatement, TableStatements.Hive(taskName, [.. draft.Schema.Select(row => row.ToColumn())], location) },
            { d => d.DuckDbStatement, TableStatements.DuckDb(taskName, location) },
        };
        await Dialogs.ShowAsync<StatementDialog>("Statement to create table", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }
}

using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Detail;

/// <summary>
/// One task: its configuration, where it is, what it delivered, its dirty cells and its timeline. Each tick asks
/// the engine for the status (in memory); the sections that read the catalog reload only when the status shows
/// that something new was committed (<see cref="_catalogRevision"/>) or that an event may have been added
/// (<see cref="_eventsRevision"/>).
/// </summary>
public partial class TaskDetailPage : LiveComponent
{
    /// <summary>
    /// The engine saves a state change before it adds the matching event: the timeline is read again on this many
    /// ticks after a change, so an event that lands just after the state is not missed.
    /// </summary>
    private const int EventRechecks = 2;

    [Parameter] public string TableName { get; set; } = "";
    [Parameter] public string TaskName { get; set; } = "";

    [Inject] private DeliveryEngine Engine { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private DeliveryOptions Instance { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private DeliveryTaskStatus? _status;
    private bool _deleted;
    private bool _deleting;
    private string? _deleteError;
    private long _catalogRevision;
    private long _eventsRevision;
    private int _eventRechecksLeft;
    private (long Objects, long Dirty, long Rows)? _commitSignature;
    private (TaskPhase, bool, TaskErrorCode, DateTimeOffset?, long)? _eventSignature;

    protected override async Task OnParametersSetAsync()
    {
        _commitSignature = null;
        _eventSignature = null;
        _deleted = false;
        await RefreshAsync();
    }

    protected override async Task RefreshAsync()
    {
        var status = await Engine.DescribeTaskAsync(TableName, TaskName, CancellationToken.None);
        if (status is null)
        {
            _deleted |= _status is not null;
            _status = null;
            return;
        }
        _status = status;
        var state = status.State;
        var commits = (state.ObjectsWritten, state.DirtyCells, state.RowsDelivered);
        if (commits != _commitSignature)
        {
            _commitSignature = commits;
            _catalogRevision++;
        }
        var events = (state.Phase, state.Finished, state.ErrorCode, state.LastErrorTime, state.ObjectsWritten);
        if (events != _eventSignature)
        {
            _eventSignature = events;
            _eventRechecksLeft = EventRechecks + 1;
        }
        if (_eventRechecksLeft > 0)
        {
            _eventRechecksLeft--;
            _eventsRevision++;
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete task",
            $"Delete task '{TaskName}'? It stops delivering and its progress, dirty records and events are removed. " +
            "Objects already delivered stay in the bucket.",
            yesText: "Delete", cancelText: "Cancel", options: new DialogOptions { CloseOnEscapeKey = true });
        if (confirmed != true)
            return;
        _deleting = true;
        try
        {
            var error = await Engine.DeleteTaskAsync(TableName, TaskName, CancellationToken.None);
            if (error is null)
            {
                Navigation.NavigateTo("/delivery");
                return;
            }
            _deleteError = $"The task was not deleted: {error.Message}";
        }
        finally
        {
            _deleting = false;
        }
    }
}

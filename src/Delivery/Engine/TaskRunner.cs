using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using Microsoft.Extensions.Logging;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>What every runner of an engine shares.</summary>
internal sealed record TaskRunnerContext(
    ChangeLog ChangeLog,
    SavedSnapshots SavedSnapshots,
    ITaskCatalog Catalog,
    BucketEndpoints Endpoints,
    DeliveryOptions Options,
    TimeProvider Time,
    ILogger Logger,
    Action<string> EndpointReachable,
    Func<CreateDeliveryTaskRequest, RuleResult<DeliveryTaskSpec>> Reparse);

/// <summary>
/// Runs one task: INIT (take the snapshot, or note where the changes start), FULL (deliver the snapshot), INCR
/// (deliver changes as they come). Any failure is recorded on the task, waited out with a backoff of 1 s doubling
/// to a minute, and retried from the saved checkpoint, so a failure never loses or repeats a row and never stops
/// the host. A graceful stop flushes what is buffered; abandoning (task deleted) does not. An update
/// (<see cref="Update"/>) takes effect at the next object boundary (TaskRunner.Versions.cs).
/// </summary>
/// <param name="versions">The task's config versions, oldest first; the newest is <paramref name="definition"/>'s request,
/// parsed as <paramref name="validation"/>.</param>
internal sealed partial class TaskRunner(StoredTask definition, IReadOnlyList<TaskConfigVersion> versions,
    RuleResult<DeliveryTaskSpec> validation, TaskRunnerContext context, TaskState state)
{
    private static readonly TimeSpan StopFlushLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _abandon = new();
    private volatile TaskState _state = state;
    private long _scanned;
    private DeliveryPipeline? _pipeline;
    private DateTimeOffset? _failingSince;
    private int _failures;

    /// <summary>Cancelled to end the wait before a retry early: set while waiting out an unreachable endpoint.</summary>
    private volatile CancellationTokenSource? _endpointWake;

    /// <summary>The task with its newest config (which may not be in effect yet).</summary>
    public StoredTask Definition => _newest.Definition;

    /// <summary>Completes when the runner has stopped: finished, stopped by the host, or abandoned.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private string HoldName => DeliveryEngine.HoldPrefix + Definition.TaskName;

    public void Start(CancellationToken stopping) => Completion = Task.Run(() => RunAsync(stopping));

    /// <summary>Stops at once without flushing (the task is being deleted) and waits until it has.</summary>
    public async Task AbandonAsync()
    {
        await _abandon.CancelAsync();
        await Completion;
    }

    /// <summary>
    /// <paramref name="endpoint"/> was seen reachable: when this task waits to retry because it could not reach
    /// that endpoint, it retries now instead of waiting out its backoff.
    /// </summary>
    public void EndpointReachable(string endpoint)
    {
        if (string.Equals(Definition.Request.TaskConfig.OssEndpoint, endpoint, StringComparison.OrdinalIgnoreCase))
            _endpointWake?.Cancel();
    }

    public DeliveryTaskStatus Describe()
    {
        var state = _state;
        var lag = state.CurrentSyncTime > 0
            ? context.Time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(state.CurrentSyncTime)
            : TimeSpan.Zero;
        return new DeliveryTaskStatus(Definition, state, lag < TimeSpan.Zero ? TimeSpan.Zero : lag,
            Math.Max(state.SnapshotRowsScanned, Interlocked.Read(ref _scanned)), Volatile.Read(ref _pipeline)?.BufferedRows ?? 0,
            Volatile.Read(ref _versions));
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _abandon.Token);
        var token = linked.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var checkpoint = await context.Catalog.LoadCheckpointAsync(Definition.TaskName, token);
                _state = checkpoint.State;
                await DeliverAsync(checkpoint, stopping, token);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                if (!await RecordFailureAsync(failure, token))
                    return;
            }
        }
    }

    /// <summary>Shows the failure on the task and waits before the next try; false when stopped meanwhile.</summary>
    private async Task<bool> RecordFailureAsync(Exception failure, CancellationToken token)
    {
        // Set before the failure shows, so a wake-up by anyone who has seen it is never lost.
        var wake = failure is EndpointUnreachableException ? new CancellationTokenSource() : null;
        _endpointWake = wake;
        var now = context.Time.GetUtcNow();
        _failingSince ??= now;
        _failures++;
        var delay = TimeSpan.FromSeconds(Math.Min(context.Options.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(_failures - 1, 30))));
        var (code, fault) = DeliveryFault.CodeOf(failure, now - _failingSince.Value, context.Options.UnreachableGrace);
        var message = failure is DeliveryFault or BucketEndpointException ? failure.Message
            : $"{failure.GetType().Name}: {failure.GetBaseException().Message}";
        var state = _state with
        {
            ErrorCode = code,
            Fault = fault,
            Detail = code == TaskErrorCode.Ok ? $"retrying: {message}" : message,
            LastError = message,
            LastErrorTime = now,
            RetryAt = now + delay,
        };
        _state = state;
        context.Logger.LogWarning("Delivery task {Task} failed ({Code}), retrying in {Delay}: {Message}",
            Definition.TaskName, state.EmulatorErrorCode(), delay, message);
        try
        {
            await context.Catalog.SaveStateAsync(Definition.TaskName, state, token);
            if (_failures == 1)
                await context.Catalog.AddEventAsync(Definition.TaskName, new TaskEvent(now, TaskEvent.Error, message), token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception saveFailure)
        {
            // The catalog itself is failing: the retry still happens; the state shows it once the catalog is back.
            context.Logger.LogWarning(saveFailure, "Delivery task {Task} could not save its error", Definition.TaskName);
        }
        var waited = await DelayAsync(delay, token, wake?.Token ?? CancellationToken.None);
        _endpointWake = null;
        return waited;
    }

    /// <summary>Waits <paramref name="delay"/>, or less when woken; false when stopped meanwhile.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken token, CancellationToken wake = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(token, wake);
        try
        {
            await Task.Delay(delay, context.Time, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return !token.IsCancellationRequested;
        }
    }

    /// <summary>After a commit: a failing task is delivering again, and INCR's hold follows its checkpoint.</summary>
    private async Task Committed(TaskState state)
    {
        _state = state;
        if (state.Phase == TaskPhase.Incr)
            context.ChangeLog.SetChangeHold(HoldName, state.ChangeResumeSequence);
        if (_failures > 0)
            await RecoveredAsync(CancellationToken.None);
    }

    /// <summary>
    /// The task got past what failed: it committed an object, or reached its endpoint and caught up with nothing
    /// to deliver. The caller has cleared the error from the state.
    /// </summary>
    private async Task RecoveredAsync(CancellationToken token)
    {
        _failures = 0;
        _failingSince = null;
        await EventAsync("Delivering again.", token);
        // This task reached its endpoint: others waiting out a failure to reach it may retry now.
        context.EndpointReachable(Definition.Request.TaskConfig.OssEndpoint);
    }

    private async Task SaveAsync(TaskState state, CancellationToken token)
    {
        await context.Catalog.SaveStateAsync(Definition.TaskName, state, token);
        _state = state;
    }

    private Task EventAsync(string message, CancellationToken token) =>
        context.Catalog.AddEventAsync(Definition.TaskName, new TaskEvent(context.Time.GetUtcNow(), TaskEvent.Info, message), token);
}

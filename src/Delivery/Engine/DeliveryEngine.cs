using System.Collections.Concurrent;
using System.Text.Json;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Runs the instance's delivery tasks: one <see cref="TaskRunner"/> per task, started when the host starts and
/// when a task is created, stopped gracefully (buffers flushed, checkpoints saved) when the host stops. Creating
/// and deleting tasks goes through here, so the catalog, the change-log hold and the runners always agree.
/// </summary>
public sealed class DeliveryEngine(
    TableDefinitions tables,
    ChangeLog changeLog,
    SavedSnapshots savedSnapshots,
    ITaskCatalog catalog,
    BucketEndpoints endpoints,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryEngine> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, TaskRunner> _runners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;

    /// <summary>The prefix of the change-log hold each task keeps on what it has not delivered.</summary>
    public const string HoldPrefix = "delivery:";

    /// <summary>Validates and creates a task, then starts it. Null on success, else the broken rule.</summary>
    public async Task<DeliveryTaskError?> CreateTaskAsync(CreateDeliveryTaskRequest request, CancellationToken cancellationToken)
    {
        await _loaded.Task.WaitAsync(cancellationToken);
        await _changes.WaitAsync(cancellationToken);
        try
        {
            var context = options.ValidationContext(EndpointNames, FindTable, _runners.ContainsKey);
            var validation = DeliveryTaskValidator.Validate(request, context);
            if (!validation.IsValid)
                return validation.Error;
            var spec = validation.Value;
            var hold = HoldPrefix + spec.TaskName;
            var start = changeLog.LastSequence;
            // Held before the task exists, so no change after `start` can be trimmed before the task reads it.
            changeLog.SetChangeHold(hold, start);
            var stored = new StoredTask(spec.TaskName, spec.TableName, spec.TaskType, spec.ToRequest(), time.GetUtcNow(), start);
            if (!await catalog.TryAddTaskAsync(stored, cancellationToken))
            {
                changeLog.RemoveChangeHold(hold);
                return DeliveryTaskValidator.NameTaken(spec.TaskName);
            }
            await catalog.AddEventAsync(spec.TaskName, new TaskEvent(stored.CreatedAt, TaskEvent.Info,
                $"Created: {spec.TaskType.WireName()} of table {spec.TableName} to {spec.OssEndpoint}/{spec.OssBucket}/{spec.OssPrefix.Text}."),
                cancellationToken);
            Start(stored, [new TaskConfigVersion(1, stored.Request, stored.CreatedAt, stored.CreatedAt)], validation, new TaskState());
            return null;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Validates <paramref name="request"/> as a create, refuses a change of what may not change
    /// (<see cref="DeliveryTaskUpdateRules"/>), and keeps it as the task's next config version, which the task puts
    /// in effect at its next object boundary. Null on success, else the broken rule; a refused update changes nothing,
    /// and so does one that gives the task's config again.
    /// </summary>
    public async Task<DeliveryTaskError?> UpdateTaskAsync(CreateDeliveryTaskRequest request, CancellationToken cancellationToken)
    {
        if (DeliveryTaskError.MissingName(request.TableName, request.TaskName) is { } missing)
            return missing;
        await _loaded.Task.WaitAsync(cancellationToken);
        await _changes.WaitAsync(cancellationToken);
        try
        {
            // Found by name alone (names are unique per instance), so a changed table is refused as a change.
            if (!_runners.TryGetValue(request.TaskName, out var runner))
                return DeliveryTaskError.NoSuchTask(request.TableName, request.TaskName);
            var current = runner.Definition;
            var context = options.ValidationContext(EndpointNames, FindTable, _ => false);
            var validation = DeliveryTaskValidator.Reparse(DeliveryTaskUpdateRules.Completed(request, current.Request), context);
            if (!validation.IsValid)
                return validation.Error;
            var currentSpec = DeliveryTaskValidator.Reparse(current.Request, context);
            if (currentSpec.IsValid && DeliveryTaskUpdateRules.Unchangeable(currentSpec.Value, validation.Value) is { } unchangeable)
                return unchangeable;
            if (runner.Describe().State.Finished)
                return DeliveryTaskError.Invalid("taskName",
                    $"Task '{current.TaskName}' is a BASE task that has delivered its snapshot: no row is left to deliver with a new config.");
            var next = validation.Value.ToRequest();
            // The same config again (every default written out in both) is no change: no version is saved.
            if (JsonSerializer.Serialize(next) == JsonSerializer.Serialize(current.Request))
                return null;
            var version = await catalog.AddConfigVersionAsync(current.TaskName, next, time.GetUtcNow(), CancellationToken.None);
            runner.Update(version, validation);
            await catalog.AddEventAsync(current.TaskName, new TaskEvent(version.SavedAt, TaskEvent.Info,
                $"Config version {version.Version} saved; it takes effect when the objects being written are done."), CancellationToken.None);
            return null;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// The tasks of <paramref name="tableName"/> (every task when null), in name order. As in the real service, a
    /// table that does not exist is an error: the store's <see cref="TableStoreException"/> (OTSObjectNotExist).
    /// </summary>
    public async Task<IReadOnlyList<DeliveryTaskSummary>> ListTasksAsync(string? tableName, CancellationToken cancellationToken)
    {
        if (tableName is not null)
            tables.Table(tableName);
        await _loaded.Task.WaitAsync(cancellationToken);
        return [.. _runners.Values
            .Select(runner => runner.Definition)
            .Where(task => tableName is null || task.TableName == tableName)
            .OrderBy(task => task.TaskName, StringComparer.Ordinal)
            .Select(task => new DeliveryTaskSummary(task.TableName, task.TaskName, task.TaskType))];
    }

    /// <summary>The task's configuration and status, or null when the table has no task of that name.</summary>
    public async Task<DeliveryTaskStatus?> DescribeTaskAsync(string tableName, string taskName, CancellationToken cancellationToken)
    {
        await _loaded.Task.WaitAsync(cancellationToken);
        return Find(tableName, taskName)?.Describe();
    }

    /// <summary>
    /// Stops the task and removes everything kept about it; delivered objects stay. Null on success; a task in
    /// INIT cannot be deleted yet (as in the real service), and a missing one is OTSObjectNotExist.
    /// </summary>
    public async Task<DeliveryTaskError?> DeleteTaskAsync(string tableName, string taskName, CancellationToken cancellationToken)
    {
        await _loaded.Task.WaitAsync(cancellationToken);
        await _changes.WaitAsync(cancellationToken);
        try
        {
            if (Find(tableName, taskName) is not { } runner)
                return DeliveryTaskError.NoSuchTask(tableName, taskName);
            if (runner.Describe().State.Phase == TaskPhase.Init)
                return DeliveryTaskError.Invalid("taskName", $"Task '{taskName}' is initializing, retry later.");
            await runner.AbandonAsync();
            _runners.TryRemove(taskName, out _);
            await catalog.RemoveTaskAsync(taskName, CancellationToken.None);
            Forget(taskName);
            return null;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Says that endpoint <paramref name="endpoint"/> is reachable again (a health check or another call succeeded):
    /// every task waiting out its backoff after failing to reach it retries now, rather than up to a minute later.
    /// </summary>
    public void EndpointReachable(string endpoint)
    {
        foreach (var runner in _runners.Values)
            runner.EndpointReachable(endpoint);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            EmptySpool();
            RemoveUploadLeftovers();
            var stored = await catalog.ListTasksAsync(stoppingToken);
            var names = stored.Select(task => task.TaskName).ToHashSet(StringComparer.Ordinal);
            foreach (var orphan in changeLog.ChangeHoldConsumers.Where(c => c.StartsWith(HoldPrefix, StringComparison.Ordinal))
                         .Select(c => c[HoldPrefix.Length..]).Concat(savedSnapshots.SavedSnapshotNames).Where(n => !names.Contains(n)).ToList())
                Forget(orphan);
            foreach (var task in stored)
            {
                var context = options.ValidationContext(EndpointNames, FindTable, _ => false);
                // Loaded before the engine answers, so a task never shows a blank state while its runner starts.
                var state = (await catalog.LoadCheckpointAsync(task.TaskName, stoppingToken)).State;
                var versions = await catalog.ListConfigVersionsAsync(task.TaskName, stoppingToken);
                Start(task, versions, DeliveryTaskValidator.Reparse(task.Request, context), state);
            }
        }
        finally
        {
            _loaded.TrySetResult();
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: every runner flushes what it holds and saves its checkpoint.
        }
        await Task.WhenAll(_runners.Values.Select(runner => runner.Completion));
    }

    private void Start(StoredTask task, IReadOnlyList<TaskConfigVersion> versions, RuleResult<DeliveryTaskSpec> validation, TaskState state)
    {
        var context = new TaskRunnerContext(changeLog, savedSnapshots, catalog, endpoints, options, time, logger, EndpointReachable,
            request => DeliveryTaskValidator.Reparse(request, options.ValidationContext(EndpointNames, FindTable, _ => false)));
        var runner = new TaskRunner(task, versions, validation, context, state);
        _runners[task.TaskName] = runner;
        runner.Start(_stopping);
    }

    private TaskRunner? Find(string tableName, string taskName) =>
        _runners.TryGetValue(taskName ?? "", out var runner) && runner.Definition.TableName == tableName ? runner : null;

    /// <summary>Spool files left by a process that was killed belong to uploads that will be redone.</summary>
    private void EmptySpool()
    {
        if (!Directory.Exists(options.SpoolFolder))
            return;
        foreach (var file in Directory.EnumerateFiles(options.SpoolFolder, "object-*.spool"))
            File.Delete(file);
    }

    /// <summary>
    /// Temp files of local uploads a killed process left behind would stay forever; their objects are uploaded
    /// again from the tasks' checkpoints. Done before any runner starts; an upload that a page or the API started
    /// meanwhile through the same endpoint is its own and is kept.
    /// </summary>
    private void RemoveUploadLeftovers()
    {
        foreach (var local in endpoints.All.OfType<LocalFolderEndpoint>())
        {
            try
            {
                if (local.RemoveUploadLeftovers() is var removed and > 0)
                    logger.LogInformation("Removed {Count} temp files of interrupted uploads from endpoint {Endpoint} ({Folder})",
                        removed, local.Name, local.Folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the temp files of interrupted uploads from endpoint {Endpoint}", local.Name);
            }
        }
    }

    private void Forget(string taskName)
    {
        changeLog.RemoveChangeHold(HoldPrefix + taskName);
        savedSnapshots.DropSavedSnapshot(taskName);
    }

    private IReadOnlyCollection<string> EndpointNames => [.. endpoints.All.Select(endpoint => endpoint.Name)];

    private TableMeta? FindTable(string name)
    {
        try
        {
            return tables.Table(name);
        }
        catch (TableStoreException)
        {
            return null;
        }
    }
}

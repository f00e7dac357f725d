using System.Threading.Channels;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;

namespace DeliveryConsole.Delivery.Engine;

internal sealed partial class TaskRunner
{
    private const int ChangeBatch = 1024;
    private const int ScanBatch = 512;
    private static readonly TimeSpan IdleSaveInterval = TimeSpan.FromSeconds(1);

    private async Task DeliverAsync(TaskCheckpoint checkpoint, CancellationToken stopping, CancellationToken token)
    {
        if (_state.Phase == TaskPhase.Incr)
        {
            // A process stopped between saving INCR and letting go would otherwise keep these forever.
            context.SavedSnapshots.DropSavedSnapshot(Definition.TaskName);
            if (_state.Finished)
            {
                context.ChangeLog.RemoveChangeHold(HoldName);
                return;
            }
        }
        // The bucket, endpoint and role are the same in every version: the newest is checked.
        var newest = _newest.Validation;
        if (!newest.IsValid)
            throw new DeliveryFault(TaskErrorCode.InvalidOssBucket, newest.Error.Message);
        var task = newest.Value;
        if (!string.Equals(task.OssStsRole, context.Options.ServiceRoleArn, StringComparison.OrdinalIgnoreCase))
            throw new DeliveryFault(TaskErrorCode.Unauthorized,
                $"role '{task.OssStsRole}' cannot be assumed; this instance delivers with {context.Options.ServiceRoleArn}.");
        var endpoint = context.Endpoints.Find(task.OssEndpoint)
            ?? throw new DeliveryFault(TaskErrorCode.InvalidOssBucket, $"endpoint '{task.OssEndpoint}' is no longer configured.");
        if (!await endpoint.BucketExistsAsync(task.OssBucket, token))
            throw new BucketNotFoundException(endpoint.Name, task.OssBucket);

        if (_state.Phase == TaskPhase.Init)
            checkpoint = checkpoint with { State = await InitAsync(token) };
        if (_state.Phase == TaskPhase.Full)
        {
            if (!await FullAsync(SpecOf(_state.ConfigVersion), endpoint, checkpoint, stopping, token))
                return;
            // The snapshot's objects moved the prefixes' sequences on: INCR starts from what is saved now.
            checkpoint = await context.Catalog.LoadCheckpointAsync(Definition.TaskName, token);
        }
        if (_state.Phase == TaskPhase.Incr && !_state.Finished)
            await IncrAsync(SpecOf(_state.ConfigVersion), endpoint, checkpoint, stopping, token);
    }

    private async Task<TaskState> InitAsync(CancellationToken token)
    {
        if (Definition.TaskType == DeliveryTaskType.Inc)
        {
            await SaveAsync(_state with { Phase = TaskPhase.Incr, ChangeResumeSequence = Definition.StartSequence,
                CurrentSyncTime = Definition.CreatedAt.ToUnixTimeMilliseconds() }, token);
            await EventAsync($"Delivering changes after change {Definition.StartSequence}.", token);
            return _state;
        }
        var saved = context.SavedSnapshots.SaveSnapshot(Definition.TaskName);
        long rows;
        using (var snapshot = context.SavedSnapshots.OpenSavedSnapshot(Definition.TaskName))
            rows = snapshot.RowCount(Definition.TableName);
        if (Definition.TaskType == DeliveryTaskType.BaseInc)
            context.ChangeLog.SetChangeHold(HoldName, saved.Sequence);
        await SaveAsync(_state with
        {
            Phase = TaskPhase.Full, SnapshotSequence = saved.Sequence, SnapshotTime = saved.Time, SnapshotRowsTotal = rows,
            CurrentSyncTime = saved.Time, FullResumeOrdinal = 1, FullResumeKey = null,
        }, token);
        await EventAsync($"Snapshot taken after change {saved.Sequence}: {rows} rows to deliver.", token);
        return _state;
    }

    /// <summary>Delivers the snapshot from the checkpoint on; false when stopped before its end.</summary>
    private async Task<bool> FullAsync(DeliveryTaskSpec task, IBucketEndpoint endpoint, TaskCheckpoint checkpoint,
        CancellationToken stopping, CancellationToken token)
    {
        using var snapshot = context.SavedSnapshots.OpenSavedSnapshot(Definition.TaskName);
        var table = snapshot.Table(Definition.TableName);
        using var pipeline = Watch(new DeliveryPipeline(task, TaskPhase.Full, checkpoint, Targets(endpoint, key => KeyCodec.Encode(table.Id, key))));
        await ApplyNewerConfigAsync(pipeline, token);
        var from = _state.FullResumeKey is { } key ? KeyCodec.Decode(key, table.PrimaryKey) : null;
        var ordinal = _state.FullResumeOrdinal;
        var snapshotTime = _state.SnapshotTime;

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(token);
        var rows = Channel.CreateBounded<Row[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        // Reading the snapshot overlaps mapping and writing: the reader is the slowest stage.
        var reader = Task.Run(() => ReadSnapshot(snapshot, Definition.TableName, from, rows.Writer, reading.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in rows.Reader.ReadAllAsync(token))
            {
                foreach (var row in batch)
                {
                    // A row whose every cell outlived the table's time to live is expired data: not delivered.
                    if (row.Columns.Count == 0 && table.Options.TimeToLive > 0)
                    {
                        pipeline.MarkRead(ordinal++, snapshotTime, row.PrimaryKey);
                        continue;
                    }
                    var writeTime = WriteTime(row, pipeline.Mapper, snapshotTime);
                    await pipeline.AddAsync(new SourceRow(ordinal++, row.PrimaryKey, SourceCells.FromRow(row), writeTime, writeTime), token);
                }
                Interlocked.Exchange(ref _scanned, ordinal - 1);
                await pipeline.FlushDueAsync(token);
                await ApplyNewerConfigAsync(pipeline, token);
                if (stopping.IsCancellationRequested)
                {
                    await StopGracefullyAsync(pipeline);
                    return false;
                }
            }
        }
        finally
        {
            await reading.CancelAsync();
            // The reader must be done before the snapshot closes: its iterator is a native handle.
            await reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await reader;
        await pipeline.FlushAllAsync(token);
        var finished = pipeline.Checkpointed(pipeline.State) with
        {
            Phase = TaskPhase.Incr,
            ChangeResumeSequence = _state.SnapshotSequence,
            SnapshotRowsScanned = ordinal - 1,
            Finished = Definition.TaskType == DeliveryTaskType.Base,
        };
        // A snapshot with nothing to write commits no object: reaching its end is what shows the task recovered.
        var recovered = _failures > 0;
        if (recovered)
            finished = finished.Delivering();
        await SaveAsync(finished, token);
        if (recovered)
            await RecoveredAsync(token);
        if (finished.Finished)
            context.ChangeLog.RemoveChangeHold(HoldName);
        context.SavedSnapshots.DropSavedSnapshot(Definition.TaskName);
        await EventAsync($"Snapshot delivered: {ordinal - 1} rows read; {finished.DeliveredText()} so far.", token);
        return true;
    }

    private static void ReadSnapshot(TableSnapshot snapshot, string tableName, IReadOnlyList<KeyColumn>? from,
        ChannelWriter<Row[]> output, CancellationToken token)
    {
        try
        {
            var batch = new List<Row>(ScanBatch);
            foreach (var row in snapshot.Scan(tableName, from))
            {
                batch.Add(row);
                if (batch.Count < ScanBatch)
                    continue;
                output.WriteAsync([.. batch], token).AsTask().GetAwaiter().GetResult();
                batch.Clear();
            }
            if (batch.Count > 0)
                output.WriteAsync([.. batch], token).AsTask().GetAwaiter().GetResult();
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    /// <summary>BASE's write time: the newest timestamp among the cells delivered, or the snapshot time when none is.</summary>
    private static long WriteTime(Row row, SchemaMapper mapper, long snapshotTime)
    {
        var newest = long.MinValue;
        foreach (var cell in row.Columns)
        {
            if (cell.Timestamp > newest && mapper.Delivers(cell.Name, cell.Value))
                newest = cell.Timestamp;
        }
        return newest == long.MinValue ? snapshotTime : newest;
    }

    private async Task IncrAsync(DeliveryTaskSpec task, IBucketEndpoint endpoint, TaskCheckpoint checkpoint,
        CancellationToken stopping, CancellationToken token)
    {
        using var pipeline = Watch(new DeliveryPipeline(task, TaskPhase.Incr, checkpoint, Targets(endpoint, _ => [])));
        var position = _state.ChangeResumeSequence;
        pipeline.MarkRead(position, _state.CurrentSyncTime);
        await ApplyNewerConfigAsync(pipeline, token);
        var lastSave = context.Time.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            var changes = context.ChangeLog.ReadChanges(position, ChangeBatch);
            foreach (var change in changes)
            {
                position = change.Sequence;
                if (Delivers(change))
                    await pipeline.AddAsync(new SourceRow(change.Sequence, change.PrimaryKey, SourceCells.FromChange(change),
                        change.CommitTime, change.CommitTime), token);
                else
                    pipeline.MarkRead(change.Sequence, change.CommitTime);
            }
            await pipeline.FlushDueAsync(token);
            await ApplyNewerConfigAsync(pipeline, token);
            if (changes.Count == ChangeBatch)
                continue;
            // Caught up: with nothing buffered, the checkpoint moves to the newest change and the sync time to now.
            if (pipeline.IsEmpty)
            {
                var now = context.Time.GetUtcNow();
                var idle = pipeline.Checkpointed(_state) with { CurrentSyncTime = now.ToUnixTimeMilliseconds() };
                var recovered = _failures > 0;
                if (recovered)
                    idle = idle.Delivering();
                pipeline.SetState(idle);
                _state = idle;
                if (recovered)
                    await RecoveredAsync(token);
                if (recovered || now - lastSave >= IdleSaveInterval)
                {
                    await context.Catalog.SaveStateAsync(Definition.TaskName, idle, token);
                    context.ChangeLog.SetChangeHold(HoldName, idle.ChangeResumeSequence);
                    lastSave = now;
                }
            }
            if (!await DelayAsync(context.Options.PollInterval, stopping))
                break;
        }
        await StopGracefullyAsync(pipeline);
    }

    /// <summary>A put delivers the row; an update delivers it when it put a column; a delete never delivers.</summary>
    private bool Delivers(ChangeRecord change) =>
        change.TableName == Definition.TableName && change.Action switch
        {
            ChangeAction.PutRow => true,
            ChangeAction.UpdateRow => change.Columns.Any(column => column.Type == ColumnChangeType.Put),
            _ => false,
        };

    /// <summary>The host is stopping: writes what is buffered (within a limit) so a restart has little to redo.</summary>
    private async Task StopGracefullyAsync(DeliveryPipeline pipeline)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_abandon.Token);
        limit.CancelAfter(StopFlushLimit);
        try
        {
            await pipeline.FlushAllAsync(limit.Token);
            await SaveAsync(pipeline.Checkpointed(_state), limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or BucketEndpointException)
        {
            // What was not written is redone from the saved checkpoint at the next start.
        }
    }

    /// <summary>Makes <paramref name="pipeline"/> the one Describe reads buffered rows from.</summary>
    private DeliveryPipeline Watch(DeliveryPipeline pipeline)
    {
        Volatile.Write(ref _pipeline, pipeline);
        return pipeline;
    }

    private PipelineTargets Targets(IBucketEndpoint endpoint, Func<IReadOnlyList<KeyColumn>, byte[]> encodeKey) =>
        new(Definition.TaskName, endpoint, _newest.Validation.Value!.OssBucket, context.Catalog, context.Options, context.Time, encodeKey, Committed);
}

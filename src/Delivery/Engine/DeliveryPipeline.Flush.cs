using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Engine;

internal sealed partial class DeliveryPipeline
{
    /// <summary>
    /// Writes one buffer: records the intent (unless the buffer redoes one), uploads the Parquet object and the
    /// dirty-cell lines, then commits the object, the prefixes' new states and the task's new checkpoint at once.
    /// A failure leaves the buffer in place; the runner then restarts from the saved checkpoint.
    /// </summary>
    private async ValueTask FlushAsync(PartitionBuffer buffer, CancellationToken cancellationToken)
    {
        var intent = buffer.Intent ?? NewIntent(buffer);
        if (buffer.Intent is null)
            await _targets.Catalog.RecordIntentAsync(_targets.TaskName, intent, cancellationToken);
        var data = await buffer.CompleteAsync(cancellationToken);
        var bytes = data.Length;
        await _targets.Endpoint.PutObjectAsync(_targets.Bucket, intent.Key, data, cancellationToken);
        long dirtyBytes = 0;
        if (intent.DirtyKey is { } dirtyKey)
        {
            using var lines = DirtyLines.Write(_targets.TaskName, buffer.Dirty);
            dirtyBytes = lines.Length;
            await _targets.Endpoint.PutObjectAsync(_targets.Bucket, dirtyKey, lines, cancellationToken);
        }

        _buffers.Remove(buffer.Prefix);
        buffer.Dispose();
        Interlocked.Add(ref _bufferedRows, -buffer.RowCount);
        var changed = Advance(intent);
        var now = _targets.Time.GetUtcNow();
        var state = Checkpointed(State).Delivering() with
        {
            RowsDelivered = State.RowsDelivered + buffer.RowCount,
            ObjectsWritten = State.ObjectsWritten + 1,
            BytesWritten = State.BytesWritten + bytes,
            DirtyObjectsWritten = State.DirtyObjectsWritten + (intent.DirtyKey is null ? 0 : 1),
            DirtyBytesWritten = State.DirtyBytesWritten + dirtyBytes,
            DirtyCells = State.DirtyCells + buffer.DirtyCells,
            LastFlushTime = now,
        };
        var delivered = new DeliveredObject(intent, bytes,
            DateTimeOffset.FromUnixTimeMilliseconds(buffer.MinPartitionTime), DateTimeOffset.FromUnixTimeMilliseconds(buffer.MaxPartitionTime),
            buffer.FirstCommitTime, buffer.LastCommitTime, now, dirtyBytes);
        await _targets.Catalog.CommitFlushAsync(_targets.TaskName, new FlushCommit(delivered, changed, state, buffer.Dirty), cancellationToken);
        State = state;
        await _targets.Committed(state);
    }

    private ObjectIntent NewIntent(PartitionBuffer buffer)
    {
        var sequenceId = Partition(buffer.Prefix).NextSequenceId;
        var key = ObjectKeys.For(buffer.Prefix, _targets.TaskName, 0, sequenceId, _targets.Options.ObjectExtension);
        var intent = new ObjectIntent(key, buffer.Prefix, sequenceId, _phase, buffer.FirstPosition, buffer.LastPosition, buffer.RowCount,
            ConfigVersion: ConfigVersion);
        if (_spec.OssDirtyPrefix is not { } dirtyTemplate || buffer.Dirty.Count == 0)
            return intent;
        var dirtyPrefix = dirtyTemplate.Expand(DateTimeOffset.FromUnixTimeMilliseconds(buffer.MinPartitionTime), _spec.TimeZone);
        // One sequence per resolved prefix: when both resolve alike, the lines take the number after the data's.
        var dirtySequenceId = dirtyPrefix == buffer.Prefix ? sequenceId + 1 : Partition(dirtyPrefix).NextSequenceId;
        var dirtyKey = ObjectKeys.For(dirtyPrefix, _targets.TaskName, 0, dirtySequenceId, _targets.Options.ObjectExtension);
        return intent with { DirtyKey = dirtyKey, DirtyPrefix = dirtyPrefix, DirtySequenceId = dirtySequenceId };
    }

    /// <summary>The prefix states after <paramref name="intent"/>'s objects are delivered; also applied here.</summary>
    private List<PartitionState> Advance(ObjectIntent intent)
    {
        var data = Partition(intent.Prefix);
        data = data with
        {
            NextSequenceId = Math.Max(data.NextSequenceId, Math.Max(intent.SequenceId, intent.DirtyPrefix == intent.Prefix ? intent.DirtySequenceId : 0) + 1),
            FullDeliveredThrough = _phase == TaskPhase.Full ? Math.Max(data.FullDeliveredThrough, intent.LastPosition) : data.FullDeliveredThrough,
            ChangeDeliveredThrough = _phase == TaskPhase.Incr ? Math.Max(data.ChangeDeliveredThrough, intent.LastPosition) : data.ChangeDeliveredThrough,
        };
        _partitions[data.Prefix] = data;
        if (intent.DirtyPrefix is not { } dirtyPrefix || dirtyPrefix == intent.Prefix)
            return [data];
        var dirty = Partition(dirtyPrefix);
        dirty = dirty with { NextSequenceId = Math.Max(dirty.NextSequenceId, intent.DirtySequenceId + 1) };
        _partitions[dirtyPrefix] = dirty;
        return [data, dirty];
    }

    private PartitionState Partition(string prefix) =>
        _partitions.TryGetValue(prefix, out var state) ? state : new PartitionState(prefix, 1, 0, 0);

    /// <summary>
    /// <paramref name="state"/> with the checkpoint of what is read and not yet buffered: a restarted task
    /// resumes at the oldest buffered row, or at the newest row read when nothing is buffered.
    /// </summary>
    public TaskState Checkpointed(TaskState state)
    {
        var oldest = _buffers.Values.MinBy(b => b.FirstPosition);
        if (_phase == TaskPhase.Full)
        {
            state = state with { SnapshotRowsScanned = Math.Max(state.SnapshotRowsScanned, ReadThrough) };
            if (oldest is not null)
                return state with { FullResumeOrdinal = oldest.FirstPosition, FullResumeKey = _targets.EncodeKey(oldest.FirstKey!) };
            return _lastKey is null ? state : state with { FullResumeOrdinal = ReadThrough, FullResumeKey = _targets.EncodeKey(_lastKey) };
        }
        if (oldest is not null)
            return state with
            {
                ChangeResumeSequence = Math.Max(state.ChangeResumeSequence, oldest.FirstPosition - 1),
                CurrentSyncTime = Math.Max(state.CurrentSyncTime, _buffers.Values.Min(b => b.FirstCommitTime) - 1),
            };
        return state with
        {
            ChangeResumeSequence = Math.Max(state.ChangeResumeSequence, ReadThrough),
            CurrentSyncTime = Math.Max(state.CurrentSyncTime, ReadCommitTime),
        };
    }
}

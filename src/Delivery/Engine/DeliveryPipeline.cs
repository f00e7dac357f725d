using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Turns one phase's source rows into delivered objects: maps each row to the schema, finds its partition (write
/// or event time, expanded in the task's zone), buffers it per resolved prefix and writes a buffer when it is
/// large, old, or the task holds too much. Rows at or before a prefix's delivered-through position were delivered
/// before a restart and are skipped; rows of an upload recorded but not committed are gathered again and written
/// under the recorded key. An updated config takes over at an object boundary (<see cref="ReconfigureAsync"/>): the
/// buffers are written with the config that mapped their rows first. Not thread-safe: one runner drives it.
/// </summary>
internal sealed partial class DeliveryPipeline : IDisposable
{
    private readonly TaskPhase _phase;
    private readonly PipelineTargets _targets;
    private DeliveryTaskSpec _spec;
    private SchemaMapper _mapper;
    private ParquetObjectWriter _writer;
    private Value?[] _row;
    private readonly Dictionary<string, PartitionState> _partitions;
    private readonly Dictionary<string, ObjectIntent> _pending;
    private readonly Dictionary<string, PartitionBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _prefixByMinute = [];
    private readonly List<DirtyCell> _dirty = [];
    private long _rowsSinceBudgetCheck;
    private IReadOnlyList<KeyColumn>? _lastKey;
    private long _bufferedRows;

    /// <param name="spec">The config of the checkpoint's <see cref="TaskState.ConfigVersion"/>, which mapped the pending intents' rows.</param>
    public DeliveryPipeline(DeliveryTaskSpec spec, TaskPhase phase, TaskCheckpoint checkpoint, PipelineTargets targets)
    {
        _phase = phase;
        _targets = targets;
        (_spec, _mapper, _writer, _row) = Configured(spec);
        ConfigVersion = checkpoint.State.ConfigVersion;
        _partitions = checkpoint.Partitions.ToDictionary(p => p.Prefix, StringComparer.Ordinal);
        _pending = checkpoint.PendingIntents.Where(i => i.Phase == phase).ToDictionary(i => i.Prefix, StringComparer.Ordinal);
        if (_pending.Values.FirstOrDefault(i => i.ConfigVersion != ConfigVersion) is { } other)
            throw new InvalidOperationException(
                $"the upload of {other.Key} was recorded with config version {other.ConfigVersion}, the checkpoint is of version {ConfigVersion}");
        State = checkpoint.State;
    }

    /// <summary>The task's config version this pipeline maps rows with; each object records it.</summary>
    public int ConfigVersion { get; private set; }

    /// <summary>Maps table cells to the schema of <see cref="ConfigVersion"/>.</summary>
    public SchemaMapper Mapper => _mapper;

    /// <summary>True while an upload recorded before a restart is not redone: its rows must be mapped with this version.</summary>
    public bool RedoesUploads => _pending.Count > 0 || _buffers.Values.Any(b => b.Intent is not null);

    /// <summary>
    /// Puts config <paramref name="version"/> in effect at an object boundary: writes every buffer with the config
    /// that mapped its rows, then maps the rows read from now on with <paramref name="spec"/>. Returns the state
    /// to save with it (nothing buffered: the checkpoint is the newest row read). Not while <see cref="RedoesUploads"/>.
    /// </summary>
    public async ValueTask<TaskState> ReconfigureAsync(DeliveryTaskSpec spec, int version, CancellationToken cancellationToken)
    {
        if (RedoesUploads)
            throw new InvalidOperationException("an interrupted upload is not redone yet: its rows belong to the version that mapped them");
        await FlushAllAsync(cancellationToken);
        (_spec, _mapper, _writer, _row) = Configured(spec);
        _prefixByMinute.Clear();
        ConfigVersion = version;
        State = Checkpointed(State) with { ConfigVersion = version };
        return State;
    }

    private static (DeliveryTaskSpec, SchemaMapper, ParquetObjectWriter, Value?[]) Configured(DeliveryTaskSpec spec) =>
        (spec, new SchemaMapper(spec.Schema), new ParquetObjectWriter(spec.Schema), new Value?[spec.Schema.Count]);

    /// <summary>The task's state as of the last commit, with the checkpoint it saved.</summary>
    public TaskState State { get; private set; }

    /// <summary>The position of the newest row read (delivered, buffered or skipped); 0 before the first.</summary>
    public long ReadThrough { get; private set; }

    /// <summary>The commit time (ms) of the newest row or change read.</summary>
    public long ReadCommitTime { get; private set; }

    public bool IsEmpty => _buffers.Count == 0;

    /// <summary>Rows in buffers, not yet in a committed object; safe to read from any thread.</summary>
    public long BufferedRows => Interlocked.Read(ref _bufferedRows);

    /// <summary>
    /// Notes that the source has been read through <paramref name="position"/>, whether or not it gave a row; in
    /// FULL, <paramref name="key"/> is that row's primary key, where a restart may resume.
    /// </summary>
    public void MarkRead(long position, long commitTime, IReadOnlyList<KeyColumn>? key = null)
    {
        ReadThrough = Math.Max(ReadThrough, position);
        ReadCommitTime = Math.Max(ReadCommitTime, commitTime);
        _lastKey = key ?? _lastKey;
    }

    public async ValueTask AddAsync(SourceRow row, CancellationToken cancellationToken)
    {
        _dirty.Clear();
        var dirtyCells = _mapper.MapInto(row.Cells, _row, _dirty);
        var partitionTime = PartitionTime(row, out var eventTimeDirty);
        var prefix = PrefixAt(partitionTime);
        if (row.Position <= DeliveredThrough(prefix))
        {
            MarkRead(row.Position, row.CommitTime, row.PrimaryKey);
            return;
        }
        if (_buffers.TryGetValue(prefix, out var buffer) && buffer.Intent is { } intent && row.Position > intent.LastPosition)
        {
            // Committed before this row counts as read: the checkpoint this flush saves must not pass a row that
            // is in no buffer yet (a restart resumes INCR after the checkpoint).
            await FlushAsync(buffer, cancellationToken);
            buffer = null;
        }
        MarkRead(row.Position, row.CommitTime, row.PrimaryKey);
        buffer ??= Open(prefix, row.Position);
        buffer.Append(row, _row, partitionTime, dirtyCells + (eventTimeDirty is null ? 0 : 1));
        Interlocked.Increment(ref _bufferedRows);
        if (dirtyCells > 0 || eventTimeDirty is not null)
            RecordDirty(buffer, row, eventTimeDirty);
        if (buffer.RowGroupFull)
            await buffer.EncodeRowGroupAsync(cancellationToken);
        if (buffer.Intent is null && buffer.EstimatedBytes >= _spec.FlushSizeBytes)
            await FlushAsync(buffer, cancellationToken);
        else if (++_rowsSinceBudgetCheck >= 4096)
            await KeepWithinBudgetAsync(cancellationToken);
    }

    /// <summary>Writes the buffers whose oldest row has waited the flush interval, and redone uploads that are complete.</summary>
    public async ValueTask FlushDueAsync(CancellationToken cancellationToken)
    {
        var now = _targets.Time.GetUtcNow();
        foreach (var buffer in _buffers.Values.ToList())
        {
            var due = buffer.Intent is null ? now - buffer.OpenedAt >= _spec.FlushInterval : buffer.IntentComplete(ReadThrough);
            if (due)
                await FlushAsync(buffer, cancellationToken);
        }
    }

    /// <summary>Writes every buffer, oldest first (the end of the snapshot, or a graceful stop).</summary>
    public async ValueTask FlushAllAsync(CancellationToken cancellationToken)
    {
        foreach (var buffer in _buffers.Values.OrderBy(b => b.FirstPosition).ToList())
            await FlushAsync(buffer, cancellationToken);
    }

    /// <summary>Lets go of what is buffered and not written (a stop, or a failure the runner restarts from).</summary>
    public void Dispose()
    {
        foreach (var buffer in _buffers.Values)
            buffer.Dispose();
        _buffers.Clear();
        Interlocked.Exchange(ref _bufferedRows, 0);
    }

    /// <summary>Replaces the state between commits (a phase change, an idle checkpoint, an error).</summary>
    public void SetState(TaskState state) => State = state;

    private long PartitionTime(in SourceRow row, out DirtyRecord? eventTimeDirty)
    {
        eventTimeDirty = null;
        if (_spec.EventTimeColumn is not { } eventColumn)
            return row.WriteTime;
        foreach (var (name, value) in row.Cells)
        {
            if (name != eventColumn.ColumnName)
                continue;
            if (EventTimeParser.TryParse(eventColumn.Format, value, out var eventTime))
                return eventTime.ToUnixTimeMilliseconds();
            var text = DirtyValueText.Of(value, out _);
            eventTimeDirty = Dirty(row, eventColumn.ColumnName, eventColumn.Format.ToString(), value.TypeName, text);
            return row.WriteTime;
        }
        eventTimeDirty = Dirty(row, eventColumn.ColumnName, eventColumn.Format.ToString(), "MISSING", "");
        return row.WriteTime;
    }

    private string PrefixAt(long partitionTime)
    {
        if (!_spec.OssPrefix.HasTimeVariables)
            return _spec.OssPrefix.Text;
        var minute = Math.DivRem(partitionTime, 60_000, out var rest) - (rest < 0 ? 1 : 0);
        if (_prefixByMinute.TryGetValue(minute, out var prefix))
            return prefix;
        if (_prefixByMinute.Count >= 4096)
            _prefixByMinute.Clear();
        prefix = _spec.OssPrefix.Expand(DateTimeOffset.FromUnixTimeMilliseconds(minute * 60_000), _spec.TimeZone);
        _prefixByMinute[minute] = prefix;
        return prefix;
    }

    private long DeliveredThrough(string prefix) =>
        _partitions.TryGetValue(prefix, out var state)
            ? _phase == TaskPhase.Full ? state.FullDeliveredThrough : state.ChangeDeliveredThrough
            : 0;

    private PartitionBuffer Open(string prefix, long position)
    {
        var intent = _pending.TryGetValue(prefix, out var pending) && position <= pending.LastPosition ? pending : null;
        if (intent is not null)
            _pending.Remove(prefix);
        var spool = new ObjectSpool(_targets.Options.SpoolFolder, _targets.Options.ObjectMemoryLimit);
        var buffer = new PartitionBuffer(prefix, _writer, spool, _targets.Time.GetUtcNow(), intent);
        _buffers[prefix] = buffer;
        return buffer;
    }

    private void RecordDirty(PartitionBuffer buffer, in SourceRow row, DirtyRecord? eventTimeDirty)
    {
        foreach (var cell in _dirty)
            buffer.Dirty.Add(Dirty(row, cell.ColumnName, cell.ExpectedType.WireName(), cell.ActualType, cell.Value));
        if (eventTimeDirty is not null)
            buffer.Dirty.Add(eventTimeDirty);
    }

    private DirtyRecord Dirty(in SourceRow row, string column, string expected, string actual, string value) =>
        new(KeyText.Json(row.PrimaryKey), column, expected, actual, value, _phase, row.Position,
            DateTimeOffset.FromUnixTimeMilliseconds(row.WriteTime));

    private async ValueTask KeepWithinBudgetAsync(CancellationToken cancellationToken)
    {
        _rowsSinceBudgetCheck = 0;
        while (_buffers.Values.Sum(b => b.EstimatedBytes) > _targets.Options.MaxBufferedBytesPerTask
               && _buffers.Values.Where(b => b.Intent is null).MaxBy(b => b.EstimatedBytes) is { } largest)
            await FlushAsync(largest, cancellationToken);
    }
}

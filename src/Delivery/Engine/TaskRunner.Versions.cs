using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// A runner's config versions. The pipeline maps rows with the version its checkpoint names; a newer version
/// (an update) takes over at the next object boundary: the rows already buffered are written with the version that
/// mapped them, the rows read after it with the new one. While an upload interrupted by a restart is being redone,
/// the switch waits: those rows are mapped again with the version that mapped them the first time, so the object
/// is rewritten exactly as it was begun.
/// </summary>
internal sealed partial class TaskRunner
{
    /// <summary>The newest version of the task: its definition, its number and its request's parse.</summary>
    private sealed record NewestConfig(StoredTask Definition, int Version, RuleResult<DeliveryTaskSpec> Validation);

    private volatile NewestConfig _newest = new(definition, versions[^1].Version, validation);
    private readonly Lock _versionsLock = new();

    /// <summary>Replaced whole (under <see cref="_versionsLock"/>) by the engine's update and the runner's switch; read without a lock.</summary>
    private IReadOnlyList<TaskConfigVersion> _versions = versions;

    /// <summary>
    /// Takes <paramref name="version"/> (saved in the catalog) as the task's newest config; the runner puts it in
    /// effect at its next object boundary. <paramref name="validation"/> is its request's parse.
    /// </summary>
    public void Update(TaskConfigVersion version, RuleResult<DeliveryTaskSpec> validation)
    {
        ChangeVersions(all => [.. all, version]);
        _newest = new NewestConfig(Definition with { Request = version.Request }, version.Version, validation);
    }

    private void ChangeVersions(Func<IReadOnlyList<TaskConfigVersion>, IReadOnlyList<TaskConfigVersion>> change)
    {
        lock (_versionsLock)
            Volatile.Write(ref _versions, change(_versions));
    }

    /// <summary>The config of <paramref name="version"/>; a version that no longer parses stops the task with its rule.</summary>
    private DeliveryTaskSpec SpecOf(int version)
    {
        var newest = _newest;
        var parsed = version == newest.Version ? newest.Validation
            : context.Reparse(Volatile.Read(ref _versions).Single(v => v.Version == version).Request);
        return parsed.IsValid ? parsed.Value
            : throw new DeliveryFault(TaskErrorCode.InvalidOssBucket, $"config version {version}: {parsed.Error.Message}");
    }

    /// <summary>
    /// Puts the newest config version in effect when the pipeline maps with an older one and redoes no interrupted
    /// upload: its buffers are written first, then the version and the checkpoint are saved at once.
    /// </summary>
    private async Task ApplyNewerConfigAsync(DeliveryPipeline pipeline, CancellationToken token)
    {
        var newest = _newest;
        var from = pipeline.ConfigVersion;
        if (newest.Version <= from || pipeline.RedoesUploads || !newest.Validation.IsValid)
            return;
        var state = await pipeline.ReconfigureAsync(newest.Validation.Value, newest.Version, token);
        var now = context.Time.GetUtcNow();
        await context.Catalog.ApplyConfigVersionAsync(Definition.TaskName, state, now, token);
        ChangeVersions(all => [.. all.Select(v => v.Version == newest.Version ? v with { EffectiveAt = now } : v)]);
        _state = state;
        var where = state.Phase == TaskPhase.Full ? $"after snapshot row {pipeline.ReadThrough}" : $"after change {pipeline.ReadThrough}";
        await EventAsync($"Config version {newest.Version} in effect {where}: objects written from now on use it; " +
            $"the objects written before keep version {from}.", token);
    }
}

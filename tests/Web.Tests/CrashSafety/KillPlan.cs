using System.Globalization;
using System.Text.Json.Nodes;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>What one DescribeDeliveryTask answer says about the task's progress.</summary>
public sealed record TaskProgress(string Phase, long Scanned, long Total, long RowsDelivered, long ObjectsWritten, string ErrorCode, string Detail)
{
    public static TaskProgress Of(JsonNode described)
    {
        var sync = described["taskSyncStat"]!;
        var emulator = described["emulator"]!;
        return new TaskProgress((string)sync["taskSyncPhase"]!, (long)emulator["snapshotRowsScanned"]!, (long)emulator["snapshotRowsTotal"]!,
            (long)emulator["rowsDelivered"]!, (long)emulator["objectsWritten"]!, (string)sync["errorCode"]!, (string)sync["detail"]!);
    }

    /// <summary>The snapshot is read to its end: the last objects of FULL are being written.</summary>
    public bool ScanEnding => Phase == "FULL" && Total > 0 && Scanned >= Total * 0.995;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Phase}, scanned {Scanned:N0}/{Total:N0}, delivered {RowsDelivered:N0} rows in {ObjectsWritten:N0} objects")
        + (ErrorCode == "OK" ? "" : $", error {ErrorCode}: {Detail}");
}

/// <summary>
/// Where each kill aims, chosen by the seed and reached by the task's progress, never by the clock: a loaded machine
/// only makes the run longer. FULL gets a kill at each of 5-7 points of the snapshot scan (each after at least one
/// flush delivered since the start, so every FULL run moves the task on), up to <see cref="SwitchKills"/> kills aim
/// at the switch to INCR, INCR kills come after 1-2 objects written since the start, and two kills come at the first
/// answer after a start (the task may not have loaded its checkpoint yet).
/// </summary>
public sealed class KillPlan
{
    public const int SwitchKills = 3;

    private readonly Random _random;
    private readonly Queue<double> _fullAt;
    private readonly HashSet<int> _startCycles;
    private int _switchKills;

    public KillPlan(Random random)
    {
        _random = random;
        _fullAt = new Queue<double>(Enumerable.Range(0, random.Next(5, 8)).Select(_ => 0.02 + random.NextDouble() * 0.88).Order());
        _startCycles = [random.Next(1, 8), random.Next(8, 16)];
    }

    /// <summary>The aim of the kill in <paramref name="cycle"/> (0 = the first start).</summary>
    public KillAim Next(int cycle) => new(this, _startCycles.Contains(cycle), _fullAt.TryPeek(out var at) ? at : null,
        _random.Next(1, 3), TimeSpan.FromMilliseconds(_random.Next(0, 1000)), TimeSpan.FromMilliseconds(_random.Next(0, 400)));

    private bool SwitchAimsLeft => _switchKills < SwitchKills;

    /// <summary>
    /// One cycle's aim. It reads every answer of the restarted console and says when the task has made the progress it
    /// aims at; the kill then comes after <see cref="Jitter"/>, so kills land anywhere in a flush (buffering,
    /// uploading, committing), not only just after a commit.
    /// </summary>
    public sealed class KillAim
    {
        private readonly KillPlan _plan;
        private readonly bool _atStart;
        private readonly double? _fullAt;
        private readonly int _incrObjects;
        private readonly TimeSpan _jitter;
        private readonly TimeSpan _switchJitter;
        private long? _fullDelivered;
        private long? _incrObjectsBase;
        private bool _sawFull;

        internal KillAim(KillPlan plan, bool atStart, double? fullAt, int incrObjects, TimeSpan jitter, TimeSpan switchJitter) =>
            (_plan, _atStart, _fullAt, _incrObjects, _jitter, _switchJitter) = (plan, atStart, fullAt, incrObjects, jitter, switchJitter);

        /// <summary>How long after reaching the aim the kill comes; set once <see cref="Reached"/> said yes.</summary>
        public TimeSpan Jitter { get; private set; }

        /// <summary>Why this kill came, for the log: set once <see cref="Reached"/> said yes.</summary>
        public string Note { get; private set; } = "";

        /// <summary>Whether the task, as last described, has made the progress this kill waits for.</summary>
        public bool Reached(TaskProgress? progress)
        {
            if (progress is null)
                return false;
            if (_atStart)
                return Hit(TimeSpan.Zero, " (aimed at the start)");
            switch (progress.Phase)
            {
                case "FULL":
                    _sawFull = true;
                    _fullDelivered ??= progress.RowsDelivered;
                    if (progress.ScanEnding && _plan.SwitchAimsLeft)
                    {
                        _plan._switchKills++;
                        return Hit(_switchJitter, " (aimed at the switch)");
                    }
                    if (_fullAt is { } at && progress.Scanned >= progress.Total * at && progress.RowsDelivered > _fullDelivered)
                    {
                        _plan._fullAt.Dequeue();
                        return Hit(_jitter, string.Create(CultureInfo.InvariantCulture, $" (aimed at {at:P0} scanned)"));
                    }
                    return false;
                case "INCR":
                    if (_sawFull && _plan.SwitchAimsLeft)
                    {
                        _plan._switchKills++;
                        return Hit(TimeSpan.Zero, " (just after the switch)");
                    }
                    _incrObjectsBase ??= progress.ObjectsWritten;
                    return progress.ObjectsWritten >= _incrObjectsBase + _incrObjects
                        && Hit(_jitter, $" (aimed at {_incrObjects} INCR object{(_incrObjects == 1 ? "" : "s")})");
                default:
                    return false;
            }
        }

        private bool Hit(TimeSpan jitter, string note)
        {
            (Jitter, Note) = (jitter, note);
            return true;
        }

        public override string ToString() => _atStart ? "the first answer after a start"
            : string.Create(CultureInfo.InvariantCulture,
                $"FULL {(_fullAt is { } at ? $"{at:P0} scanned and a flush delivered" : "to end")}{(_plan.SwitchAimsLeft ? ", or the switch" : "")}, or {_incrObjects} INCR object(s)");
    }
}

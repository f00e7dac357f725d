namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// An object about to be uploaded: its key, and exactly which rows (this prefix's rows of <paramref name="Phase"/>
/// from <paramref name="FirstPosition"/> to <paramref name="LastPosition"/>) it holds. Recorded before the upload,
/// so a restarted task uploads the same rows under the same key. <paramref name="DirtyKey"/> names the JSON Lines
/// object of those rows' dirty cells, when the task delivers them. <paramref name="ConfigVersion"/> is the task's
/// config version that mapped the rows: a redone upload maps them with it again.
/// </summary>
public sealed record ObjectIntent(
    string Key,
    string Prefix,
    long SequenceId,
    TaskPhase Phase,
    long FirstPosition,
    long LastPosition,
    long Rows,
    string? DirtyKey = null,
    string? DirtyPrefix = null,
    long DirtySequenceId = 0,
    int ConfigVersion = 1);

using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>One field an edit changes, as the wizard's review lists it: the field's label, then the value before and after.</summary>
public sealed record TaskChange(string Field, string Before, string After);

/// <summary>
/// What an edit changes: the fields an update may change (<see cref="DeliveryTaskUpdateRules"/>), compared between
/// the task's stored request and the edited one, with the form's labels. Emulator settings left empty in the form
/// are the instance's, as the engine will store them.
/// </summary>
public static class TaskChanges
{
    /// <param name="instance">The instance's flush interval (s), flush size (MiB) and time zone: what an empty setting means.</param>
    public static IReadOnlyList<TaskChange> Between(CreateDeliveryTaskRequest before, CreateDeliveryTaskRequest after,
        (int FlushIntervalSeconds, int FlushSizeMiB, string TimeZone) instance)
    {
        var changes = new List<TaskChange>();
        void Compare(string field, string was, string now)
        {
            if (was != now)
                changes.Add(new TaskChange(field, was, now));
        }
        var (old, edited) = (before.TaskConfig, after.TaskConfig);
        Compare(WizardLabels.Prefix, old.OssPrefix, edited.OssPrefix);
        Compare(WizardLabels.DirtyPrefix, old.OssDirtyPrefix ?? "none", edited.OssDirtyPrefix ?? "none");
        Compare(WizardLabels.Schema, Schema(old), Schema(edited));
        Compare(WizardLabels.EventTimeColumn, EventTime(old), EventTime(edited));
        Compare(WizardLabels.FlushInterval, $"{before.Emulator?.FlushIntervalSeconds ?? instance.FlushIntervalSeconds} s",
            $"{after.Emulator?.FlushIntervalSeconds ?? instance.FlushIntervalSeconds} s");
        Compare(WizardLabels.FlushSize, $"{before.Emulator?.FlushSizeMiB ?? instance.FlushSizeMiB} MiB",
            $"{after.Emulator?.FlushSizeMiB ?? instance.FlushSizeMiB} MiB");
        Compare(WizardLabels.TimeZone, before.Emulator?.TimeZone ?? instance.TimeZone, after.Emulator?.TimeZone ?? instance.TimeZone);
        return changes;
    }

    /// <summary>The columns in Parquet order as "source → parquet TYPE ENCODING [typeExtend]", one per line.</summary>
    private static string Schema(DeliveryTaskConfig config) =>
        string.Join("\n", config.Schema.Select(column =>
            $"{column.ColumnName} → {column.OssColumnName ?? column.ColumnName} {column.Type} {column.Encode ?? "PLAIN"}"
            + (string.IsNullOrEmpty(column.TypeExtend) ? "" : $" {column.TypeExtend}")));

    private static string EventTime(DeliveryTaskConfig config) =>
        config.EventTimeColumn is { } column ? $"{column.ColumnName} ({column.TimeFormat})" : "none (write time)";
}

using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>
/// The wizard's draft with what the steps judge and preview it against: the instance's settings, the source
/// table and its row sample, and the error the engine gave on the last create. Every field's message comes from
/// the engine's rules (<see cref="FieldRules"/>), phrased with the form's labels (<see cref="WizardLabels"/>); a
/// field shows it once touched or once its step was submitted, and only while the rule is broken.
/// </summary>
public sealed class WizardState(string accountId, TimeZoneInfo instanceZone, string? objectExtension)
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<int> _touchedRows = [];
    private (string Text, string TaskName, RuleResult<PrefixTemplate> Rule)? _prefix;

    public TaskDraft Draft { get; private set; } = new();

    /// <summary>The task being edited (the wizard updates it instead of creating one); null when creating.</summary>
    public DeliveryTaskStatus? Editing { get; private set; }

    /// <summary>
    /// Edits <paramref name="task"/>: the draft is filled from its newest config; its name, table, mode, endpoint,
    /// bucket and role are shown read-only (an update cannot change them).
    /// </summary>
    public void Edit(DeliveryTaskStatus task)
    {
        Editing = task;
        Draft = TaskDraft.From(task.Definition.Request);
    }

    public bool IsEditing => Editing is not null;

    /// <summary>Says why a read-only field of an edit cannot change; null when creating.</summary>
    public string? FixedHelp => IsEditing ? "Cannot change on an existing task: create a new task for another." : null;

    /// <summary>The config version saving the edit makes: the one after the task's newest.</summary>
    public int NextVersion => (Editing?.ConfigVersions.Max(v => v.Version) ?? 0) + 1;

    /// <summary>What saving the edit changes, field by field; empty when nothing does (or when creating).</summary>
    public IReadOnlyList<TaskChange> Changes() => Editing is { } task
        ? TaskChanges.Between(task.Definition.Request, Draft.ToRequest(), (InstanceFlushIntervalSeconds, InstanceFlushSizeMiB, instanceZone.Id))
        : [];

    public string AccountId => accountId;

    /// <summary>The instance's partition time zone: a task's unless its emulator settings name another.</summary>
    public TimeZoneInfo InstanceZone => instanceZone;

    /// <summary>The zone the task's prefix expands in: the draft's when it names a valid one, else the instance's.</summary>
    public TimeZoneInfo Zone => FieldRules.TimeZone(Draft.TimeZone, instanceZone).Value ?? instanceZone;

    /// <summary>The instance's flush interval, what a task gets when its emulator settings leave it out.</summary>
    public int InstanceFlushIntervalSeconds { get; init; } = TaskValidationContext.DefaultFlushIntervalSeconds;

    /// <summary>The instance's flush size in MiB, what a task gets when its emulator settings leave it out.</summary>
    public int InstanceFlushSizeMiB { get; init; } = (int)TaskValidationContext.DefaultFlushSizeMiB;

    public string? ObjectExtension => objectExtension;

    public IReadOnlySet<string> TaskNamesInUse { get; set; } = new HashSet<string>();

    public IReadOnlyCollection<string> EndpointNames { get; set; } = [];

    public TableMeta? Table { get; set; }

    public IReadOnlyList<Row> Sample { get; set; } = [];

    /// <summary>The engine's answer to the last "Create task"; cleared by the next edit.</summary>
    public DeliveryTaskError? CreateError { get; set; }

    /// <summary>The time the destination preview resolves the prefix for.</summary>
    public DateTimeOffset SampleTime { get; set; }

    public void Touch(string field)
    {
        _touched.Add(field);
        CreateError = null;
    }

    /// <summary>The event-time column is one of the mapped columns; one no longer mapped falls back to None.</summary>
    public void ForgetUnmappedEventTime()
    {
        if (Draft.EventTimeColumn is { } column && !Draft.Schema.Any(row => row.ColumnName == column))
            Draft.EventTimeColumn = null;
    }

    /// <summary>
    /// The time a sampled row is partitioned by: its event time when that column is set and parses (the engine's
    /// <see cref="EventTimeParser"/>), else its write time, else (a row with no attribute cells) <see cref="SampleTime"/>.
    /// </summary>
    public DateTimeOffset PartitionTime(Row row)
    {
        if (Draft.EventTimeColumn is { } column
            && SourceCells.FromRow(row).FirstOrDefault(cell => cell.Name == column) is { Name: not null } cell
            && EventTimeParser.TryParse(Draft.TimeFormat, cell.Value, out var eventTime))
            return eventTime;
        return RowSample.WriteTime(row) ?? SampleTime;
    }

    /// <summary>Shows every message of the step, as when the user tries to leave it.</summary>
    public void TouchStep(WizardStep step)
    {
        foreach (var field in FieldsOf(step))
            _touched.Add(field);
    }

    /// <summary>The message to show under <paramref name="field"/> (a request path such as <c>taskConfig.ossPrefix</c>), or null.</summary>
    public string? ErrorOf(string field) =>
        (CreateError is { } error && error.Field == field ? error
        : _touched.Contains(field) ? RuleError(field) : null) is { } broken ? WizardLabels.Message(broken) : null;

    /// <summary>Shows the row's messages from now on: the user edited it. Kept by row, so it follows the row when rows move.</summary>
    public void TouchRow(SchemaRowDraft row)
    {
        _touchedRows.Add(row.Id);
        CreateError = null;
    }

    /// <summary>The broken rule to show on schema entry <paramref name="index"/>, with the field it names, or null.</summary>
    public DeliveryTaskError? SchemaRowError(int index)
    {
        var prefix = $"{SchemaField}[{index}]";
        if (CreateError is { } error && error.Field.StartsWith(prefix, StringComparison.Ordinal))
            return error;
        return _touched.Contains(SchemaField) || _touchedRows.Contains(Draft.Schema[index].Id) ? SchemaErrors().ElementAtOrDefault(index) : null;
    }

    /// <summary>True while the step shows a message: a broken rule of a field the user has met, or the engine's error.</summary>
    public bool StepHasError(WizardStep step) =>
        (CreateError is { } error && StepOf(error.Field) == step)
        || FieldsOf(step).Any(field => ErrorOf(field) is not null)
        || (step == WizardStep.Schema && Enumerable.Range(0, Draft.Schema.Count).Any(index => SchemaRowError(index) is not null));

    /// <summary>True when every rule the step's own fields can break is kept.</summary>
    public bool StepIsValid(WizardStep step) => step switch
    {
        WizardStep.Schema => Draft.Schema.Count > 0 && SchemaErrors().All(error => error is null),
        _ => FieldsOf(step).All(field => RuleError(field) is null),
    };

    /// <summary>
    /// Shows the messages of every step before <paramref name="limit"/>, as "Next" on each would, and returns the
    /// first of them that breaks a rule, or null when all keep them.
    /// </summary>
    public WizardStep? FirstInvalidStepBefore(WizardStep limit)
    {
        for (var step = WizardStep.Basics; step < limit; step++)
        {
            TouchStep(step);
            if (!StepIsValid(step))
                return step;
        }
        return null;
    }

    /// <summary>The step whose field a request path names; the review step for anything else.</summary>
    public static WizardStep StepOf(string field) => field switch
    {
        TaskNameField or TableNameField or "taskType" => WizardStep.Basics,
        _ when field.StartsWith(SchemaField, StringComparison.Ordinal) => WizardStep.Schema,
        _ when field.StartsWith("taskConfig.eventTimeColumn", StringComparison.Ordinal) => WizardStep.Time,
        _ when field.StartsWith("taskConfig.", StringComparison.Ordinal) || field.StartsWith("emulator.", StringComparison.Ordinal) => WizardStep.Destination,
        _ => WizardStep.Review,
    };

    public const string TaskNameField = "taskName";
    public const string TableNameField = "tableName";
    public const string EndpointField = "taskConfig.ossEndpoint";
    public const string BucketField = "taskConfig.ossBucket";
    public const string PrefixField = "taskConfig.ossPrefix";
    public const string RoleField = "taskConfig.ossStsRole";
    public const string DirtyPrefixField = "taskConfig.ossDirtyPrefix";
    public const string SchemaField = "taskConfig.schema";
    public const string FlushIntervalField = "emulator.flushIntervalSeconds";
    public const string FlushSizeField = "emulator.flushSizeMiB";
    public const string TimeZoneField = "emulator.timeZone";

    public IReadOnlyList<DeliveryTaskError?> SchemaErrors() => FieldRules.Schema([.. Draft.Schema.Select(row => row.ToColumn())]);

    /// <summary>The valid prefix, or null while it breaks a rule.</summary>
    public PrefixTemplate? Prefix => PrefixRule.Value;

    /// <summary>
    /// The prefix as the rules judge it, parsed once per text and task name (the key-length rule counts the name),
    /// however often the steps ask for it.
    /// </summary>
    private RuleResult<PrefixTemplate> PrefixRule
    {
        get
        {
            if (_prefix is not { } kept || kept.Text != Draft.Prefix || kept.TaskName != Draft.TaskName)
                _prefix = kept = (Draft.Prefix, Draft.TaskName, FieldRules.Prefix(Draft.Prefix, Draft.TaskName, ObjectExtension));
            return kept.Rule;
        }
    }

    /// <summary>The flush interval the task will have: the draft's when valid, else the instance's.</summary>
    public int FlushIntervalSeconds =>
        Draft.FlushIntervalSeconds is { } seconds && FieldRules.FlushInterval(seconds) is null ? seconds : InstanceFlushIntervalSeconds;

    /// <summary>The task name for previews: the draft's, or a placeholder while it is invalid.</summary>
    public string PreviewTaskName => FieldRules.TaskName(Draft.TaskName) is null ? Draft.TaskName : "<task>";

    private static IEnumerable<string> FieldsOf(WizardStep step) => step switch
    {
        WizardStep.Basics => [TaskNameField, TableNameField],
        WizardStep.Destination => [EndpointField, BucketField, PrefixField, RoleField, DirtyPrefixField, FlushIntervalField, FlushSizeField, TimeZoneField],
        WizardStep.Schema => [SchemaField],
        _ => [],
    };

    private DeliveryTaskError? RuleError(string field) => field switch
    {
        TaskNameField => FieldRules.TaskName(Draft.TaskName)
            ?? (TaskNamesInUse.Contains(Draft.TaskName) ? DeliveryTaskValidator.NameTaken(Draft.TaskName) : null),
        TableNameField => FieldRules.TableName(Draft.TableName),
        EndpointField => FieldRules.Endpoint(Draft.Endpoint, EndpointNames),
        BucketField => FieldRules.Bucket(Draft.Bucket),
        PrefixField => PrefixRule.Error,
        RoleField => FieldRules.Role(Draft.Role, AccountId),
        DirtyPrefixField => FieldRules.DirtyPrefix(Draft.DirtyPrefix, Prefix, Draft.TaskName, ObjectExtension),
        SchemaField => Draft.Schema.Count == 0 ? FieldRules.SchemaList([]) : null,
        FlushIntervalField => FieldRules.FlushInterval(Draft.FlushIntervalSeconds),
        FlushSizeField => FieldRules.FlushSize(Draft.FlushSizeMiB),
        TimeZoneField => FieldRules.TimeZone(Draft.TimeZone, instanceZone).Error,
        _ => null,
    };
}

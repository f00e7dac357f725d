using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Hosting;

/// <summary>The instance's settings, bound from the <c>Console</c> section (environment: <c>Console__Name</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The instance name shown in the app bar and used by the table store.</summary>
    public string InstanceName { get; set; } = "console";

    /// <summary>The account id that delivery roles must name (<c>acs:ram::&lt;id&gt;:role/...</c>).</summary>
    public string AccountId { get; set; } = "1234567890123456";

    /// <summary>How many tables the instance may hold (the real service's default quota).</summary>
    public int MaxTables { get; set; } = 64;

    /// <summary>Holds the SQLite files and the default local endpoint's buckets. Relative paths start at the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>How long a delivered row may wait in a buffer before its object is written (a task may override it).</summary>
    public int FlushIntervalSeconds { get; set; } = TaskValidationContext.DefaultFlushIntervalSeconds;

    /// <summary>How much Parquet data a partition buffers before its object is written (a task may override it).</summary>
    public int FlushSizeMiB { get; set; } = (int)TaskValidationContext.DefaultFlushSizeMiB;

    /// <summary>The IANA time zone in which prefix time variables expand (a task may override it).</summary>
    public string PartitionTimeZone { get; set; } = Delivery.Partitioning.PartitionTimeZone.DefaultId;

    /// <summary>Appended to every delivered object's name, such as <c>.parquet</c>; empty for none, as the real service.</summary>
    public string ObjectExtension { get; set; } = "";

    /// <summary>
    /// The instance access key's id: the console's sign-in and the JSON API's HTTP Basic user name (and, later, the
    /// key that signs Tablestore wire-protocol requests). Defaults to the well-known local key.
    /// </summary>
    public string AccessKeyId { get; set; } = Security.InstanceAccessKey.WellKnownId;

    /// <summary>The instance access key's secret; never logged or shown. Defaults to the well-known local secret.</summary>
    public string AccessKeySecret { get; set; } = Security.InstanceAccessKey.WellKnownSecret;

    /// <summary><c>AccessKey</c> (the default): sign-in and the key on every API call; <c>None</c>: no sign-in, for a purely local instance.</summary>
    public string Authentication { get; set; } = Security.InstanceAccessKey.AccessKeyMode;

    public Security.InstanceAccessKey AccessKey => new(AccessKeyId, AccessKeySecret);

    public bool AuthenticationOff => string.Equals(Authentication, Security.InstanceAccessKey.NoneMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the local endpoint the console has when no endpoint is configured.</summary>
    public const string DefaultEndpoint = "oss-cn-hangzhou.aliyuncs.com";

    /// <summary>The bucket endpoints by name; with none configured, one local endpoint named <see cref="DefaultEndpoint"/>.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fills in what configuration left out; the defaults live here so the app runs from any folder.</summary>
    public void ApplyDefaults()
    {
        if (Endpoints.Count == 0)
            Endpoints[DefaultEndpoint] = new EndpointOptions();
    }

    public string DataFolderPath => Path.GetFullPath(DataFolder);

    /// <summary>The delivery engine's settings, from validated options.</summary>
    public DeliveryOptions ToDeliveryOptions() => new()
    {
        AccountId = AccountId,
        DefaultFlushInterval = TimeSpan.FromSeconds(FlushIntervalSeconds),
        DefaultFlushSizeBytes = FlushSizeMiB * 1024L * 1024L,
        DefaultTimeZone = Delivery.Partitioning.PartitionTimeZone.Resolve(PartitionTimeZone),
        ObjectExtension = ObjectExtension.Length == 0 ? null : ObjectExtension,
        SpoolFolder = Path.Combine(DataFolderPath, "spool"),
    };
}

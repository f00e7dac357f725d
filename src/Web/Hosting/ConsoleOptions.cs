using DeliveryConsole.Delivery.Buckets;

namespace DeliveryConsole.Web.Hosting;

/// <summary>The instance's settings, bound from the <c>Console</c> section (environment: <c>Console__Name</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The instance name shown in the app bar and used by the table store.</summary>
    public string InstanceName { get; set; } = "console";

    /// <summary>The account id that delivery roles must name (<c>acs:ram::&lt;id&gt;:role/...</c>).</summary>
    public string AccountId { get; set; } = "1234567890123456";

    /// <summary>Holds the SQLite files and the default local endpoint's buckets. Relative paths start at the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The bucket endpoints by name; appsettings.json configures the default local one.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string DataFolderPath => Path.GetFullPath(DataFolder);
}

using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>Where a row partitioned at a given time lands: the engine's own prefix expansion and object naming.</summary>
/// <param name="Folder">The resolved prefix (the object's folder).</param>
/// <param name="FirstObjectKey">The first object's key there: writer 0, sequence 1.</param>
public sealed record PartitionPreview(string Folder, string FirstObjectKey)
{
    public static PartitionPreview For(PrefixTemplate prefix, string taskName, DateTimeOffset time, TimeZoneInfo zone, string? extension)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folder = prefix.Expand(time, zone);
        return new PartitionPreview(folder, ObjectKeys.For(folder, taskName, 0, 1, extension));
    }
}

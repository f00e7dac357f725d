using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Engine;

internal static class EngineRequests
{
    public static CreateDeliveryTaskRequest Task(string table, string task, string type, string prefix, CreateTaskSchema schema,
        EmulatorTaskConfig? emulator = null, string? dirtyPrefix = null, EventTimeColumnConfig? eventTime = null) => new(
        table,
        task,
        new DeliveryTaskConfig(prefix, EngineHost.Bucket, EngineHost.Endpoint, EngineHost.Role,
            [.. schema.Columns.Select((column, i) => new SchemaColumnConfig(column, schema.Types[i]))],
            OssDirtyPrefix: dirtyPrefix, EventTimeColumn: eventTime),
        type,
        emulator);

    /// <summary>The schema as the engine sees it, for the oracle.</summary>
    public static IReadOnlyList<SchemaColumn> Columns(CreateTaskSchema schema) =>
        [.. schema.Columns.Select((column, i) =>
        {
            Assert.True(ParquetTypes.TryParse(schema.Types[i], out var type));
            return new SchemaColumn(column, column, type);
        })];

    /// <summary>Expands <paramref name="prefix"/> at a time in ms, in the default partition zone.</summary>
    public static Func<long, string> PrefixAt(string prefix)
    {
        var template = PrefixTemplate.TryParse(prefix, out var parsed, out var error) ? parsed : throw new ArgumentException(error, nameof(prefix));
        var zone = PartitionTimeZone.Resolve(null);
        return ms => template.Expand(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone);
    }
}

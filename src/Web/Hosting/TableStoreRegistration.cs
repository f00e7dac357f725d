using DeliveryConsole.TableStore;

namespace DeliveryConsole.Web.Hosting;

/// <summary>How the console offers the table store to its callers: one part per need, all on one instance.</summary>
public static class TableStoreRegistration
{
    /// <summary>
    /// Registers <see cref="TableDefinitions"/>, <see cref="RowWriter"/>, <see cref="LiveRows"/>,
    /// <see cref="ChangeLog"/> and <see cref="SavedSnapshots"/>, each on the registered <see cref="TableStoreInstance"/>.
    /// The parts hold no state and own nothing: whoever registered the instance opens and disposes it.
    /// </summary>
    public static IServiceCollection AddTableStoreParts(this IServiceCollection services)
    {
        services.AddSingleton<TableDefinitions>();
        services.AddSingleton<RowWriter>();
        services.AddSingleton<LiveRows>();
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<SavedSnapshots>();
        return services;
    }
}

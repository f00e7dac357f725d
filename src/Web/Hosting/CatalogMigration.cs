using DeliveryConsole.Catalog;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Web.Hosting;

/// <summary>Brings the catalog file to the current schema before the console serves anything.</summary>
public sealed class CatalogMigration(IDbContextFactory<CatalogDb> factory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

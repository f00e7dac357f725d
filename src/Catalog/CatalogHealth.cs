using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Catalog;

/// <summary>What the catalog's state is: reachable, and at which schema version.</summary>
public sealed record CatalogHealth(bool Ok, string? SchemaVersion, int PendingMigrations, string Detail)
{
    public static async Task<CatalogHealth> CheckAsync(IDbContextFactory<CatalogDb> factory, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return new(false, null, 0, "the catalog file does not exist or cannot be opened");
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return new(pending == 0, applied.LastOrDefault(), pending,
                pending == 0 ? "up to date" : $"{pending} migration(s) not applied");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            return new(false, null, 0, $"the catalog cannot be read: {e.Message}");
        }
    }
}

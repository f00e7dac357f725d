using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Catalog;

/// <summary>
/// The task catalog: one SQLite file in the data folder. Open one short-lived context per operation
/// (through <see cref="IDbContextFactory{TContext}"/>); a context is not thread-safe.
/// </summary>
public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : DbContext(options)
{
    /// <summary>The catalog's file name inside the data folder.</summary>
    public const string FileName = "catalog.db";

    public static string ConnectionString(string dataFolder) =>
        $"Data Source={Path.Combine(Path.GetFullPath(dataFolder), FileName)}";
}

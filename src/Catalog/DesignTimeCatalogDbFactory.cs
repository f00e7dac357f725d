using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DeliveryConsole.Catalog;

/// <summary>Lets `dotnet ef` build the model without starting the web app.</summary>
public sealed class DesignTimeCatalogDbFactory : IDesignTimeDbContextFactory<CatalogDb>
{
    public CatalogDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDb>().UseSqlite("Data Source=design-time.db").Options);
}

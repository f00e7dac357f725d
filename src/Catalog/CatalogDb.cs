using DeliveryConsole.Catalog.Entities;
using DeliveryConsole.Catalog.Storage;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Delivery.Tasks;
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

    /// <summary>
    /// The catalog file's connection string. The file is in WAL mode (set by the DeliveryTasks migration), so pages
    /// read while the engine writes; a writer that finds another one busy waits up to the command timeout
    /// (Default Timeout, seconds) instead of failing.
    /// </summary>
    public static string ConnectionString(string dataFolder) =>
        $"Data Source={Path.Combine(Path.GetFullPath(dataFolder), FileName)};Default Timeout=30";

    public DbSet<DeliveryTaskRow> DeliveryTasks => Set<DeliveryTaskRow>();
    public DbSet<PartitionRow> Partitions => Set<PartitionRow>();
    public DbSet<DeliveredObjectRow> DeliveredObjects => Set<DeliveredObjectRow>();
    public DbSet<IntentRow> Intents => Set<IntentRow>();
    public DbSet<DirtyCountRow> DirtyCounts => Set<DirtyCountRow>();
    public DbSet<DirtyRecordRow> DirtyRecords => Set<DirtyRecordRow>();
    public DbSet<TaskEventRow> TaskEvents => Set<TaskEventRow>();
    public DbSet<TaskConfigVersionRow> ConfigVersions => Set<TaskConfigVersionRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // Enums by name: the catalog file stays readable with any SQLite tool.
        configurationBuilder.Properties<TaskPhase>().HaveConversion<string>();
        configurationBuilder.Properties<TaskErrorCode>().HaveConversion<string>();
        configurationBuilder.Properties<TaskFault>().HaveConversion<string>();
        configurationBuilder.Properties<DeliveryTaskType>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDb).Assembly);
}

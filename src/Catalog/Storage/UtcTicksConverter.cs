using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DeliveryConsole.Catalog.Storage;

/// <summary>
/// Every DateTimeOffset in the catalog is stored as UTC ticks (an INTEGER): SQLite orders and compares it, and
/// the instant comes back exactly (with offset zero). EF's Sqlite provider cannot ORDER BY DateTimeOffset.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// What a read (GetRow, BatchGetRow, GetRange) asks of each row beyond its key: the columns, the versions (newest
/// <see cref="MaxVersions"/>, those in a time range, or both) and a filter. The store reads the columns and enough
/// versions; <see cref="Apply"/> does the rest, so every read action shapes its rows the same way.
/// </summary>
public sealed record RowReadShape(IReadOnlyList<string> ColumnsToGet, int? MaxVersions, (long From, long To)? TimeRange, ColumnCondition? Filter)
{
    /// <summary>
    /// The read's fields as sent. As the real service: max_versions or time_range is required; start_column and
    /// end_column (wide-row paging) are not supported.
    /// </summary>
    public static RowReadShape From(RepeatedField<string> columnsToGet, bool hasMaxVersions, int maxVersions, Proto.TimeRange? timeRange,
        bool hasFilter, ByteString filter, bool hasStartColumn, bool hasEndColumn, string action)
    {
        if (hasStartColumn || hasEndColumn)
            throw TableStoreException.Invalid($"{action}: start_column and end_column are not supported by the console; read the row's columns with columns_to_get.");
        if (!hasMaxVersions && timeRange is null)
            throw TableStoreException.Invalid($"{action}: set max_versions or time_range (or both).");
        if (hasMaxVersions && RowRules.CheckMaxVersions(maxVersions) is { } error)
            throw TableStoreException.Invalid($"{action}: max_versions: {error}");
        if (RowRules.CheckColumnsToGet(columnsToGet) is { } columnsError)
            throw TableStoreException.Invalid($"{action}: columns_to_get: {columnsError}");
        return new RowReadShape([.. columnsToGet], hasMaxVersions ? maxVersions : null, Range(timeRange, action),
            ColumnConditions.ParseOptional(hasFilter, filter, $"{action} filter"));
    }

    /// <summary>
    /// The columns the store must read: those asked for plus those the filter looks at (dropped again by
    /// <see cref="Apply"/>), or null for every column.
    /// </summary>
    public IReadOnlyList<string>? StoreColumns => ColumnsToGet.Count == 0 ? null
        : Filter is null ? ColumnsToGet : [.. ColumnsToGet.Union(FilterColumns(Filter), StringComparer.Ordinal)];

    /// <summary>Versions the store must return: every kept one when a time range picks them, else the newest asked for.</summary>
    public int StoreMaxVersions => TimeRange is null ? MaxVersions!.Value : int.MaxValue;

    /// <summary>The row as the client asked for it, or null when the filter drops it.</summary>
    public Row? Apply(Row row)
    {
        IEnumerable<Cell> cells = row.Columns;
        if (TimeRange is var (from, to))
            cells = cells.Where(cell => cell.Timestamp >= from && cell.Timestamp < to);
        if (MaxVersions is { } versions && TimeRange is not null)
            // Cells come grouped by column, newest first: keep the first few of each group.
            cells = cells.GroupBy(cell => cell.Name, StringComparer.Ordinal).SelectMany(group => group.Take(versions));
        var kept = cells.ToList();
        if (Filter is not null && !ColumnConditionRules.Passes(Filter, kept))
            return null;
        if (ColumnsToGet.Count > 0 && Filter is not null)
            kept.RemoveAll(cell => !ColumnsToGet.Contains(cell.Name));
        return kept.Count == row.Columns.Count ? row : row with { Columns = kept };
    }

    // specific_time is one version exactly; [start_time, end_time) otherwise, both required.
    private static (long, long)? Range(Proto.TimeRange? range, string action)
    {
        if (range is null)
            return null;
        if (range.HasSpecificTime)
            return range.HasStartTime || range.HasEndTime
                ? throw TableStoreException.Invalid($"{action}: time_range takes specific_time or start_time and end_time, not both.")
                : (range.SpecificTime, range.SpecificTime + 1);
        if (!range.HasStartTime || !range.HasEndTime)
            throw TableStoreException.Invalid($"{action}: time_range needs both start_time and end_time (or specific_time).");
        if (range.StartTime < 0 || range.StartTime >= range.EndTime)
            throw TableStoreException.Invalid($"{action}: time_range start_time {range.StartTime} must be at least 0 and before end_time {range.EndTime}.");
        return (range.StartTime, range.EndTime);
    }

    private static IEnumerable<string> FilterColumns(ColumnCondition condition) => condition switch
    {
        SingleColumnCondition single => [single.ColumnName],
        CompositeColumnCondition composite => composite.Conditions.SelectMany(FilterColumns),
        _ => [],
    };
}

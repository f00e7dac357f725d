using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.Web.Wire.PlainBuffer;
using Google.Protobuf;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// A serialized protocol <c>Filter</c> (a write's <c>condition.column_condition</c>, a read's <c>filter</c>) as the
/// table store's <see cref="ColumnCondition"/>. Column value filters only: ColumnPaginationFilter is not supported.
/// </summary>
public static class ColumnConditions
{
    /// <summary>The condition in <paramref name="bytes"/>, checked by the store's rules; <paramref name="field"/> names it in errors.</summary>
    public static ColumnCondition Parse(ByteString bytes, string field)
    {
        var condition = Parse(RequiredFields.Parse(Proto.Filter.Parser, bytes.Span, field), field, depth: 1);
        return ColumnConditionRules.Check(condition) is { } error ? throw TableStoreException.Invalid($"{field}: {error}") : condition;
    }

    /// <summary>The condition when <paramref name="present"/>, else null (the field was not sent).</summary>
    public static ColumnCondition? ParseOptional(bool present, ByteString bytes, string field) => present ? Parse(bytes, field) : null;

    // Each level is its own serialized message, so protobuf's recursion limit does not bound the nesting: this does,
    // before a hostile body could run the stack out.
    private static ColumnCondition Parse(Proto.Filter filter, string field, int depth)
    {
        if (depth > ColumnConditionRules.MaxDepth)
            throw TableStoreException.Invalid($"{field}: a column condition may nest at most {ColumnConditionRules.MaxDepth} levels deep.");
        switch (filter.Type)
        {
            case Proto.FilterType.FtSingleColumnValue:
                var single = RequiredFields.Parse(Proto.SingleColumnValueFilter.Parser, filter.Filter_.Span, field);
                Value value;
                try
                {
                    value = PlainBufferReader.ReadVariant(single.ColumnValue.Span);
                }
                catch (PlainBufferFormatException e)
                {
                    throw TableStoreException.Invalid($"{field}: column_value of '{single.ColumnName}' is not a PlainBuffer value: {e.Message}");
                }
                return new SingleColumnCondition(single.ColumnName, (Comparison)(int)single.Comparator, value,
                    PassIfMissing: !single.FilterIfMissing, LatestVersionOnly: single.LatestVersionOnly);
            case Proto.FilterType.FtCompositeColumnValue:
                var composite = RequiredFields.Parse(Proto.CompositeColumnValueFilter.Parser, filter.Filter_.Span, field);
                return new CompositeColumnCondition((LogicalOperator)(int)composite.Combinator,
                    [.. composite.SubFilters.Select(sub => Parse(sub, field, depth + 1))]);
            case Proto.FilterType.FtColumnPagination:
                throw TableStoreException.Invalid($"{field}: ColumnPaginationFilter is not supported by the console; use column value filters.");
            default:
                throw TableStoreException.Invalid($"{field}: filter type {(int)filter.Type} is not FT_SINGLE_COLUMN_VALUE (1), FT_COMPOSITE_COLUMN_VALUE (2) or FT_COLUMN_PAGINATION (3).");
        }
    }
}

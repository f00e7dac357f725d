using System.Text;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Rules;

/// <summary>
/// Checks a <see cref="ColumnCondition"/> for validity and evaluates it against one row's cells, as the real
/// service's conditional update does. Values compare only with values of their own type: INTEGER and DOUBLE
/// numerically (an INTEGER cell never equals a DOUBLE value, the service having no documented cross-type rule),
/// STRING and BINARY by unsigned bytes (strings as UTF-8), BOOLEAN false before true.
/// </summary>
public static class ColumnConditionRules
{
    /// <summary>The service documents at most 10 column conditions in one combination.</summary>
    public const int MaxSingleConditions = 10;

    /// <summary>Bounds nesting (a chain of NOTs holds no single conditions to count) and so the recursion.</summary>
    public const int MaxDepth = 10;

    /// <summary>Null when <paramref name="condition"/> is absent or valid, else the error.</summary>
    public static string? Check(ColumnCondition? condition)
    {
        if (condition is null)
            return null;
        var singles = 0;
        return Check(condition, 1, ref singles)
            ?? (singles > MaxSingleConditions
                ? $"A column condition may combine at most {MaxSingleConditions} single-column conditions, not {singles}."
                : null);
    }

    private static string? Check(ColumnCondition condition, int depth, ref int singles)
    {
        if (depth > MaxDepth)
            return $"A column condition may nest at most {MaxDepth} levels deep.";
        switch (condition)
        {
            case SingleColumnCondition single:
                singles++;
                if (SchemaRules.CheckName(single.ColumnName, "Column condition: column name") is { } nameError)
                    return nameError;
                if (!Enum.IsDefined(single.Comparator))
                    return $"Column condition on '{single.ColumnName}': comparator {(int)single.Comparator} is not one of EQUAL, NOT_EQUAL, GREATER_THAN, GREATER_EQUAL, LESS_THAN, LESS_EQUAL.";
                if (single.Value.IsPlaceholder)
                    return $"Column condition on '{single.ColumnName}': the value cannot be {single.Value.TypeName}.";
                return null;
            case CompositeColumnCondition composite:
                if (composite.Conditions is null)
                    return "A composite column condition needs its sub-conditions.";
                switch (composite.Operator)
                {
                    case LogicalOperator.Not when composite.Conditions.Count != 1:
                        return $"A NOT column condition takes exactly one sub-condition, not {composite.Conditions.Count}.";
                    case LogicalOperator.And or LogicalOperator.Or when composite.Conditions.Count < 2:
                        return $"An {composite.Operator.ToString().ToUpperInvariant()} column condition takes at least two sub-conditions, not {composite.Conditions.Count}.";
                    case not (LogicalOperator.Not or LogicalOperator.And or LogicalOperator.Or):
                        return $"Composite column condition: logical operator {(int)composite.Operator} is not one of NOT, AND, OR.";
                }
                foreach (var part in composite.Conditions)
                {
                    if (part is null)
                        return "A composite column condition has an empty sub-condition.";
                    if (Check(part, depth + 1, ref singles) is { } error)
                        return error;
                }
                return null;
            default:
                return $"Unknown column condition {condition.GetType().Name}.";
        }
    }

    /// <summary>Whether a valid <paramref name="condition"/> holds for a row with these cells (empty for a missing row).</summary>
    public static bool Passes(ColumnCondition condition, IReadOnlyList<Cell> cells) => condition switch
    {
        SingleColumnCondition single => Passes(single, cells),
        CompositeColumnCondition { Operator: LogicalOperator.Not } not => !Passes(not.Conditions[0], cells),
        CompositeColumnCondition { Operator: LogicalOperator.And } and => and.Conditions.All(c => Passes(c, cells)),
        CompositeColumnCondition or => or.Conditions.Any(c => Passes(c, cells)),
        _ => throw new ArgumentException($"Unknown column condition {condition.GetType().Name}.", nameof(condition)),
    };

    private static bool Passes(SingleColumnCondition condition, IReadOnlyList<Cell> cells)
    {
        var found = false;
        var latest = default(Cell);
        foreach (var cell in cells)
        {
            if (cell.Name != condition.ColumnName)
                continue;
            if (!condition.LatestVersionOnly && Satisfies(cell.Value, condition))
                return true;
            if (!found || cell.Timestamp > latest.Timestamp)
                latest = cell;
            found = true;
        }
        if (!found)
            return condition.PassIfMissing;
        return condition.LatestVersionOnly && Satisfies(latest.Value, condition);
    }

    private static bool Satisfies(Value cell, SingleColumnCondition condition) =>
        Compare(cell, condition.Value) is { } order && condition.Comparator switch
        {
            Comparison.Equal => order == 0,
            Comparison.NotEqual => order != 0,
            Comparison.GreaterThan => order > 0,
            Comparison.GreaterEqual => order >= 0,
            Comparison.LessThan => order < 0,
            _ => order <= 0,
        };

    /// <summary>The order of two values of one type; null when their types differ (they never compare).</summary>
    public static int? Compare(Value left, Value right)
    {
        if (left.Kind != right.Kind)
            return null;
        return left.Kind switch
        {
            ValueKind.Integer => left.AsInteger.CompareTo(right.AsInteger),
            ValueKind.Double => left.AsDouble.CompareTo(right.AsDouble),
            ValueKind.Boolean => left.AsBoolean.CompareTo(right.AsBoolean),
            // UTF-16 ordinal order differs from UTF-8 byte order above the surrogates; the service compares bytes.
            ValueKind.String => Encoding.UTF8.GetBytes(left.AsString).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right.AsString)),
            ValueKind.Binary => left.AsBinary.AsSpan().SequenceCompareTo(right.AsBinary),
            _ => null,
        };
    }
}

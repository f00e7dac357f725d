namespace DeliveryConsole.TableStore.Model;

/// <summary>How a <see cref="SingleColumnCondition"/> compares the cell (left) with its value (right); numbered as the protocol's ComparatorType.</summary>
public enum Comparison : byte
{
    Equal = 1,
    NotEqual = 2,
    GreaterThan = 3,
    GreaterEqual = 4,
    LessThan = 5,
    LessEqual = 6,
}

/// <summary>How a <see cref="CompositeColumnCondition"/> combines its parts; numbered as the protocol's LogicalOperator.</summary>
public enum LogicalOperator : byte
{
    Not = 1,
    And = 2,
    Or = 3,
}

/// <summary>
/// A condition on a row's attribute columns (the protocol's column_condition), checked against the row as it is
/// before a write; the write happens only if it passes. See <see cref="Rules.ColumnConditionRules"/> for the rules.
/// </summary>
public abstract record ColumnCondition;

/// <summary>
/// <c>cell &lt;Comparator&gt; Value</c> on one column. A cell of another type than <paramref name="Value"/> never
/// satisfies it, whatever the comparator (NotEqual included).
/// </summary>
/// <param name="PassIfMissing">The result when the row has no such column (the protocol's !filter_if_missing).</param>
/// <param name="LatestVersionOnly">True: only the newest version is compared; false: any version satisfying it passes.</param>
public sealed record SingleColumnCondition(
    string ColumnName,
    Comparison Comparator,
    Value Value,
    bool PassIfMissing = true,
    bool LatestVersionOnly = true) : ColumnCondition;

/// <summary>NOT of exactly one condition, or AND / OR of at least two.</summary>
public sealed record CompositeColumnCondition(LogicalOperator Operator, IReadOnlyList<ColumnCondition> Conditions) : ColumnCondition;

using System.Collections.Frozen;
using DeliveryConsole.Web.Wire.Operations;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// Every action the wire endpoint serves, by its case-sensitive name. A new action is one <see cref="WireOperation"/>
/// in its group's <c>All</c>; a new group is one more line here.
/// </summary>
public static class WireOperations
{
    public static FrozenDictionary<string, WireOperation> ByAction { get; } =
        new[]
        {
            TableOperations.All,
            DeliveryOperations.All,
            RowOperations.All,
            BatchOperations.All,
            RangeOperations.All,
            StreamOperations.All,
        }.SelectMany(group => group).ToFrozenDictionary(operation => operation.Action, StringComparer.Ordinal);
}

using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// Protobuf enum values by the names the .proto gives them (<c>BASE_INC</c>, <c>INT64</c>, <c>RFC3339</c>), which are
/// the wire names the delivery engine reads; the generated C# names are PascalCased.
/// </summary>
public static class WireEnumNames
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, int>> ByName = new();

    /// <summary>The .proto name of <paramref name="value"/>, or its number when the enum has no such value (the engine then names the rule).</summary>
    public static string NameOf<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name
        ?? Convert.ToInt32(value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value the .proto names <paramref name="name"/>; the engine only keeps names it accepted.</summary>
    public static T Parse<T>(string name) where T : struct, Enum
    {
        var values = ByName.GetOrAdd(typeof(T), type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.GetCustomAttribute<OriginalNameAttribute>() is not null)
            .ToDictionary(field => field.GetCustomAttribute<OriginalNameAttribute>()!.Name, field => Convert.ToInt32(field.GetValue(null))));
        return values.TryGetValue(name, out var number)
            ? (T)Enum.ToObject(typeof(T), number)
            : throw new InvalidOperationException($"{typeof(T).Name} has no value named {name}.");
    }
}

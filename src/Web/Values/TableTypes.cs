using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Values;

/// <summary>The type names the service uses (STRING, INTEGER, ...) and the value kinds behind key and column types.</summary>
public static class TableTypes
{
    public static readonly IReadOnlyList<PrimaryKeyType> KeyTypes = [PrimaryKeyType.String, PrimaryKeyType.Integer, PrimaryKeyType.Binary];

    public static readonly IReadOnlyList<ColumnType> ColumnTypes =
        [ColumnType.String, ColumnType.Integer, ColumnType.Double, ColumnType.Boolean, ColumnType.Binary];

    public static string Name(PrimaryKeyType type) => type.ToString().ToUpperInvariant();

    public static string Name(ColumnType type) => type.ToString().ToUpperInvariant();

    // The enums share the service's type numbers, so a key or column type is the value kind of the same number.
    public static ValueKind Kind(PrimaryKeyType type) => (ValueKind)(byte)type;

    public static ValueKind Kind(ColumnType type) => (ValueKind)(byte)type;

    /// <summary>The column type of a stored value (never a placeholder).</summary>
    public static ColumnType TypeOf(Value value) => (ColumnType)(byte)value.Kind;

    public static string Describe(PrimaryKeyColumn key) => $"{key.Name} {Name(key.Type)}{(key.AutoIncrement ? " AUTO_INCREMENT" : "")}";

    public static string TimeToLive(int seconds) => seconds == -1 ? "never expires" : $"{seconds:N0} s";
}

using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class SchemaColumnRules
{
    public const string SchemaField = "taskConfig.schema";

    private const string TypeList = "BOOL, INT64, UTF8 or DOUBLE";
    private const string EncodingList = "PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY or DELTA_LENGTH_BYTE_ARRAY";

    public static IReadOnlyList<SchemaColumn> Schema(IReadOnlyList<SchemaColumnConfig?>? entries)
    {
        if (entries is null || entries.Count == 0)
            throw TaskRuleBroken.Invalid(SchemaField, $"must have at least one column.");
        var columns = new List<SchemaColumn>(entries.Count);
        var ossNames = new Dictionary<string, TaskField>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{SchemaField}[{i}]";
            var column = Column(entries[i] ?? throw TaskRuleBroken.Invalid(path, $"must be a column, not null."), path);
            if (ossNames.TryGetValue(column.OssColumnName, out var earlier))
                throw TaskRuleBroken.Invalid(new TaskField($"{path}.ossColumnName", column.OssColumnName),
                    $"repeats {earlier}; names must be unique ignoring case, as Hive folds case.");
            ossNames.Add(column.OssColumnName, new TaskField($"{path}.ossColumnName", column.OssColumnName));
            columns.Add(column);
        }
        return columns;
    }

    internal static SchemaColumn Column(SchemaColumnConfig entry, string path)
    {
        var columnName = TaskRuleBroken.Required(entry.ColumnName, $"{path}.columnName");
        if (!SchemaRules.IsName(columnName))
            throw TaskRuleBroken.Invalid(new TaskField($"{path}.columnName", columnName), $"is invalid: {SchemaRules.NameRule}");
        var ossColumnName = OssColumnName(entry.OssColumnName, columnName, $"{path}.ossColumnName");
        var type = Type(entry.Type, $"{path}.type");
        var encoding = Encoding(entry.Encode, type, $"{path}.encode");
        return new SchemaColumn(columnName, ossColumnName, type, encoding);
    }

    private static string OssColumnName(string? value, string columnName, string field)
    {
        var name = value ?? columnName;
        if (OssColumnNamePattern().IsMatch(name))
            return name;
        var source = value is null ? " (taken from columnName; give a shorter ossColumnName)" : "";
        throw TaskRuleBroken.Invalid(field,
            $"must be 1-128 letters, digits and underscores, starting with a letter or underscore, not '{name}'{source}.");
    }

    private static ParquetType Type(string? value, string field) =>
        ParquetTypes.TryParse(TaskRuleBroken.Required(value, field), out var type) ? type
        : throw TaskRuleBroken.Invalid(field, $"must be {TypeList}, not '{value}'.");

    private static ColumnEncoding Encoding(string? value, ParquetType type, string field)
    {
        if (value is null)
            return ColumnEncoding.Plain;
        if (!ColumnEncodings.TryParse(value, out var encoding))
            throw TaskRuleBroken.Invalid(field, $"must be {EncodingList}, not '{value}'.");
        if (ParquetEncodings.WhyNot(type, encoding) is not { } reason)
            return encoding;
        var allowed = string.Join(", ", ParquetEncodings.For(type).Select(e => e.WireName()));
        throw TaskRuleBroken.Invalid(field,
            $"{value} cannot be used with type {type.WireName()}: {reason} (use {allowed}).");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex OssColumnNamePattern();
}

using System.Globalization;
using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Rules;

namespace DeliveryConsole.Delivery.Tasks;

internal static partial class SchemaColumnRules
{
    public const string SchemaField = "taskConfig.schema";
    public const int MaxTypeExtendLength = 256;

    // Derived from the enums, so a type or encoding added there is offered here too.
    private static readonly string TypeList = WireNames.Alternatives(ParquetTypes.All, ParquetTypes.WireName);
    private static readonly string EncodingList = WireNames.Alternatives(ColumnEncodings.All, ColumnEncodings.WireName);

    /// <summary>The request's schema, entry by entry: each entry's own rules, then its destination name against the earlier ones.</summary>
    public static RuleResult<IReadOnlyList<SchemaColumn>> Schema(IReadOnlyList<SchemaColumnConfig?>? entries)
    {
        if (entries is null || entries.Count == 0)
            return NoColumns();
        var columns = new List<SchemaColumn>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = EntryPath(i);
            if (entries[i] is not { } entry)
                return BrokenRule.Invalid(path, $"must be a column, not null.");
            if (!Column(entry, path).TryGet(out var column, out var error))
                return error;
            columns.Add(column);
            if (RepeatedName(columns, i) is { } repeated)
                return repeated;
        }
        return columns;
    }

    public static DeliveryTaskError NoColumns() => BrokenRule.Invalid(SchemaField, $"must have at least one column.");

    /// <summary>The path of schema entry <paramref name="index"/>, such as <c>taskConfig.schema[2]</c>.</summary>
    public static string EntryPath(int index) => $"{SchemaField}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// The rules of an entry a form holds already typed: its names, then its encoding for its type. Its type and
    /// encoding need no parsing, so only the rules that judge their pair apply.
    /// </summary>
    public static DeliveryTaskError? ColumnError(SchemaColumn column, string path) =>
        ColumnName(column.ColumnName, path).Error
        ?? OssColumnName(column.OssColumnName, column.ColumnName, path).Error
        ?? TypeExtend(column.TypeExtend, column.Type, path).Error
        ?? EncodingFits(column, path).Error;

    /// <summary>
    /// The error when entry <paramref name="index"/>'s destination name repeats an earlier entry's, ignoring case;
    /// it names the later entry.
    /// </summary>
    public static DeliveryTaskError? RepeatedName(IReadOnlyList<SchemaColumn> columns, int index)
    {
        var name = columns[index].OssColumnName;
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (string.Equals(columns[earlier].OssColumnName, name, StringComparison.OrdinalIgnoreCase))
                return BrokenRule.Invalid(OssColumnNameOf(index, name),
                    $"repeats {OssColumnNameOf(earlier, columns[earlier].OssColumnName)}; names must be unique ignoring case, as Hive folds case.");
        }
        return null;
    }

    private static TaskField OssColumnNameOf(int index, string name) => new($"{EntryPath(index)}.ossColumnName", name);

    /// <summary>An entry as the request gives it: its names, then its type and encoding parsed from their wire names.</summary>
    private static RuleResult<SchemaColumn> Column(SchemaColumnConfig entry, string path)
    {
        if (!ColumnName(entry.ColumnName, path).TryGet(out var columnName, out var error))
            return error;
        if (!OssColumnName(entry.OssColumnName, columnName, path).TryGet(out var ossColumnName, out error))
            return error;
        if (!Type(entry.Type, path).TryGet(out var type, out error))
            return error;
        if (!Encoding(entry.Encode, path).TryGet(out var encoding, out error))
            return error;
        if (!TypeExtend(entry.TypeExtend, type, path).TryGet(out var typeExtend, out error))
            return error;
        return EncodingFits(new SchemaColumn(columnName, ossColumnName, type, encoding, typeExtend), path);
    }

    private static RuleResult<string> ColumnName(string? value, string path)
    {
        var field = $"{path}.columnName";
        return string.IsNullOrEmpty(value) ? BrokenRule.Required(field)
            : SchemaRules.IsName(value) ? value
            : BrokenRule.Invalid(new TaskField(field, value), $"is invalid: {SchemaRules.NameRule}");
    }

    /// <summary>The destination name; null (absent) means <paramref name="columnName"/>.</summary>
    private static RuleResult<string> OssColumnName(string? value, string columnName, string path)
    {
        var name = value ?? columnName;
        if (OssColumnNamePattern().IsMatch(name))
            return name;
        var source = value is null ? " (taken from columnName; give a shorter ossColumnName)" : "";
        return BrokenRule.Invalid($"{path}.ossColumnName",
            $"must be 1-128 letters, digits and underscores, starting with a letter or underscore, not '{name}'{source}.");
    }

    private static RuleResult<ParquetType> Type(string? value, string path)
    {
        var field = $"{path}.type";
        return string.IsNullOrEmpty(value) ? BrokenRule.Required(field)
            : ParquetTypes.TryParse(value, out var type) ? type
            : ParquetTypes.WhyRefused(value) is { } reason ? BrokenRule.Invalid(new TaskField(field, value), $"cannot be delivered: {reason}.")
            : BrokenRule.Invalid(field, $"must be {TypeList}, not '{value}'.");
    }

    /// <summary>The text as given (null when absent); DECIMAL's must give a precision and scale, other types' is kept only.</summary>
    private static RuleResult<string?> TypeExtend(string? value, ParquetType type, string path)
    {
        var field = $"{path}.typeExtend";
        if (value is { Length: > MaxTypeExtendLength })
            return BrokenRule.Invalid(field, $"must be at most {MaxTypeExtendLength} characters, not {value.Length}.");
        return type != ParquetType.Decimal || DecimalShape.TryParse(value, out _) ? value
            : BrokenRule.Invalid(new TaskField(field, value), $"{DecimalShape.Rule}.");
    }

    /// <summary>The encoding its wire name gives; null (absent) means PLAIN.</summary>
    private static RuleResult<ColumnEncoding> Encoding(string? value, string path) =>
        value is null ? ColumnEncoding.Plain
        : ColumnEncodings.TryParse(value, out var encoding) ? encoding
        : BrokenRule.Invalid($"{path}.encode", $"must be {EncodingList}, not '{value}'.");

    /// <summary>The column when the Parquet writer honours its encoding for its type.</summary>
    private static RuleResult<SchemaColumn> EncodingFits(SchemaColumn column, string path)
    {
        var (type, encoding) = (column.Type, column.Encoding);
        if (ParquetEncodings.WhyNot(column) is not { } reason)
            return column;
        var allowed = string.Join(", ", ParquetEncodings.For(column).Select(e => e.WireName()));
        return BrokenRule.Invalid($"{path}.encode",
            $"{encoding.WireName()} cannot be used with type {type.WireName()}: {reason} (use {allowed}).");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex OssColumnNamePattern();
}

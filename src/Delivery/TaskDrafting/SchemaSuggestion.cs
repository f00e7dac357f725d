using System.Text;
using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>
/// A first schema for a table: its primary key, then its defined columns, then the other attribute columns found
/// in a sample of rows (in the order first seen). A primary-key column takes the Parquet type of its key type;
/// an attribute column takes the type that most of its sampled cells fit (the declared type breaks a tie and
/// stands when no cell was sampled). Every entry is PLAIN; destination names are the column names, made valid
/// and unique ignoring case where they are not.
/// </summary>
public static partial class SchemaSuggestion
{
    private const int MaxOssNameLength = 128;

    public static IReadOnlyList<SchemaColumn> For(TableMeta table, IReadOnlyList<Row> sample)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sample);
        var counts = CountTypes(sample, out var attributeOrder);
        var columns = new List<(string Name, ParquetType Type)>();
        foreach (var key in table.PrimaryKey)
            columns.Add((key.Name, ForKey(key.Type)));
        var keyNames = table.PrimaryKey.Select(key => key.Name).ToHashSet(StringComparer.Ordinal);
        var declared = table.DefinedColumns.Where(c => !keyNames.Contains(c.Name)).ToList();
        foreach (var column in declared)
            columns.Add((column.Name, MostFrequent(counts.GetValueOrDefault(column.Name), ForColumn(column.Type))));
        var declaredNames = declared.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in attributeOrder.Where(n => !keyNames.Contains(n) && !declaredNames.Contains(n)))
            columns.Add((name, MostFrequent(counts[name], null)));
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. columns.Select(c => new SchemaColumn(c.Name, UniqueOssName(c.Name, used), c.Type))];
    }

    /// <summary>The Parquet type whose cells a key of <paramref name="type"/> fills; BINARY fits none (its cells are dirty), shown as UTF8.</summary>
    public static ParquetType ForKey(PrimaryKeyType type) => type switch
    {
        PrimaryKeyType.Integer => ParquetType.Int64,
        _ => ParquetType.Utf8,
    };

    /// <summary>The Parquet type that a cell of <paramref name="kind"/> fits; BINARY fits none (its cells are dirty), shown as UTF8.</summary>
    public static ParquetType ForKind(ValueKind kind) => kind switch
    {
        ValueKind.Integer => ParquetType.Int64,
        ValueKind.Double => ParquetType.Double,
        ValueKind.Boolean => ParquetType.Bool,
        _ => ParquetType.Utf8,
    };

    private static ParquetType ForColumn(ColumnType type) => type switch
    {
        ColumnType.Integer => ParquetType.Int64,
        ColumnType.Double => ParquetType.Double,
        ColumnType.Boolean => ParquetType.Bool,
        _ => ParquetType.Utf8,
    };

    private static Dictionary<string, Dictionary<ParquetType, int>> CountTypes(IReadOnlyList<Row> sample, out List<string> order)
    {
        var counts = new Dictionary<string, Dictionary<ParquetType, int>>(StringComparer.Ordinal);
        order = [];
        foreach (var row in sample)
        {
            // Cells come newest version first; a column counts once per row, by its newest version.
            foreach (var cell in row.Columns.DistinctBy(cell => cell.Name, StringComparer.Ordinal))
            {
                if (!counts.TryGetValue(cell.Name, out var byType))
                {
                    counts[cell.Name] = byType = [];
                    order.Add(cell.Name);
                }
                // A BINARY cell fits no type: it votes for none.
                if (cell.Value.Kind != ValueKind.Binary)
                    byType[ForKind(cell.Value.Kind)] = byType.GetValueOrDefault(ForKind(cell.Value.Kind)) + 1;
            }
        }
        return counts;
    }

    private static ParquetType MostFrequent(Dictionary<ParquetType, int>? counts, ParquetType? declared)
    {
        if (counts is null || counts.Count == 0)
            return declared ?? ParquetType.Utf8;
        var top = counts.Values.Max();
        if (declared is { } type && counts.GetValueOrDefault(type) == top)
            return type;
        return ParquetTypes.All.First(t => counts.GetValueOrDefault(t) == top);
    }

    private static string UniqueOssName(string columnName, HashSet<string> used)
    {
        var name = ValidOssName(columnName);
        var unique = name;
        for (var n = 2; !used.Add(unique); n++)
        {
            var suffix = "_" + n;
            unique = (name.Length + suffix.Length > MaxOssNameLength ? name[..(MaxOssNameLength - suffix.Length)] : name) + suffix;
        }
        return unique;
    }

    private static string ValidOssName(string columnName)
    {
        if (OssName().IsMatch(columnName))
            return columnName;
        var text = new StringBuilder(columnName.Length + 1);
        foreach (var c in columnName)
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
            text.Insert(0, '_');
        return text.Length > MaxOssNameLength ? text.ToString(0, MaxOssNameLength) : text.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex OssName();
}

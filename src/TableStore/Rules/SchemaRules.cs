using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Rules;

/// <summary>The service's rules for table and column names, keys and table options.</summary>
public static partial class SchemaRules
{
    public const int MaxNameLength = 255;
    public const int MaxPrimaryKeyColumns = 4;
    public const int MaxDefinedColumns = 32;
    public const int MinTimeToLive = 86_400;

    /// <summary>What a table or column name is made of, phrased as advice after a name that is not.</summary>
    public static readonly string NameRule = $"use 1-{MaxNameLength} letters, digits and underscores, starting with a letter or underscore.";

    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Null when <paramref name="name"/> is a valid table or column name, else the error.</summary>
    public static string? CheckName(string? name, string what) =>
        IsName(name) ? null : $"{what} '{name}' is invalid: {NameRule}";

    public static void RequireName(string? name, string what)
    {
        if (CheckName(name, what) is { } error)
            throw TableStoreException.Invalid(error);
    }

    public static void CheckPrimaryKey(IReadOnlyList<PrimaryKeyColumn>? key)
    {
        if (key is null || key.Count is 0 or > MaxPrimaryKeyColumns)
            throw TableStoreException.Invalid($"The primary key must have 1-{MaxPrimaryKeyColumns} columns, not {key?.Count ?? 0}.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < key.Count; i++)
        {
            var column = key[i];
            RequireName(column.Name, "Primary key column name");
            if (!names.Add(column.Name))
                throw TableStoreException.Invalid($"Primary key column '{column.Name}' appears twice.");
            if (!Enum.IsDefined(column.Type))
                throw TableStoreException.Invalid($"Primary key column '{column.Name}' has an invalid type: use STRING, INTEGER or BINARY.");
            if (column.AutoIncrement && column.Type != PrimaryKeyType.Integer)
                throw TableStoreException.Invalid($"Auto-increment primary key column '{column.Name}' must be INTEGER.");
            if (column.AutoIncrement && i == 0)
                throw TableStoreException.Invalid($"Auto-increment primary key column '{column.Name}' cannot be the first (partition) key column.");
        }
        if (key.Count(c => c.AutoIncrement) > 1)
            throw TableStoreException.Invalid("A table can have at most one auto-increment primary key column.");
    }

    public static void CheckDefinedColumns(IReadOnlyList<DefinedColumn> columns, IReadOnlyList<PrimaryKeyColumn> key)
    {
        if (columns.Count > MaxDefinedColumns)
            throw TableStoreException.Invalid($"A table can define at most {MaxDefinedColumns} columns, not {columns.Count}.");
        var names = new HashSet<string>(key.Select(k => k.Name), StringComparer.Ordinal);
        foreach (var column in columns)
        {
            RequireName(column.Name, "Defined column name");
            if (!names.Add(column.Name))
                throw TableStoreException.Invalid($"Defined column '{column.Name}' repeats a primary key or defined column name.");
            if (!Enum.IsDefined(column.Type))
                throw TableStoreException.Invalid($"Defined column '{column.Name}' has an invalid type: use STRING, INTEGER, DOUBLE, BOOLEAN or BINARY.");
        }
    }

    public static void CheckOptions(TableOptions options)
    {
        if (options.TimeToLive != -1 && options.TimeToLive < MinTimeToLive)
            throw TableStoreException.Invalid($"timeToLive must be -1 (never expire) or at least {MinTimeToLive} seconds, not {options.TimeToLive}.");
        if (options.MaxVersions < 1)
            throw TableStoreException.Invalid($"maxVersions must be at least 1, not {options.MaxVersions}.");
        if (options.MaxTimeDeviation < 1)
            throw TableStoreException.Invalid($"maxTimeDeviation must be at least 1 second, not {options.MaxTimeDeviation}.");
    }

    public static void CheckStream(StreamSpecification stream)
    {
        if (stream.ExpirationTime is < 1 or > 168)
            throw TableStoreException.Invalid($"expirationTime must be 1-168 hours, not {stream.ExpirationTime}.");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,254}\z")]
    private static partial Regex NamePattern();
}

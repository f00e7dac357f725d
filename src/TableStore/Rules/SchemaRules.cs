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
        for (var i = 0; i < key.Count; i++)
        {
            if (CheckKeyColumn(key, i, "Primary key column") is { } error)
                throw TableStoreException.Invalid(error);
        }
        if (key.Count(c => c.AutoIncrement) > 1)
            throw TableStoreException.Invalid("A table can have at most one auto-increment primary key column.");
    }

    /// <summary>
    /// Null when <c>key[index]</c> may stand at its place in the key, else the rule it breaks. A repeated name is
    /// the later column's fault, so a form can mark the field that repeats. <paramref name="what"/> names the column
    /// ("Primary key column"; a form passes its label's noun, whose name field is "<paramref name="what"/> name").
    /// </summary>
    public static string? CheckKeyColumn(IReadOnlyList<PrimaryKeyColumn> key, int index, string what)
    {
        var column = key[index];
        if (CheckName(column.Name, $"{what} name") is { } nameError)
            return nameError;
        if (key.Take(index).Any(k => k.Name == column.Name))
            return $"{what} '{column.Name}' appears twice.";
        if (!Enum.IsDefined(column.Type))
            return $"{what} '{column.Name}' has an invalid type: use STRING, INTEGER or BINARY.";
        if (column.AutoIncrement && column.Type != PrimaryKeyType.Integer)
            return $"Auto-increment {what.ToLowerInvariant()} '{column.Name}' must be INTEGER.";
        if (column.AutoIncrement && index == 0)
            return $"Auto-increment {what.ToLowerInvariant()} '{column.Name}' cannot be the first (partition) key column.";
        return null;
    }

    public static void CheckDefinedColumns(IReadOnlyList<DefinedColumn> columns, IReadOnlyList<PrimaryKeyColumn> key)
    {
        if (columns.Count > MaxDefinedColumns)
            throw TableStoreException.Invalid($"A table can define at most {MaxDefinedColumns} columns, not {columns.Count}.");
        for (var i = 0; i < columns.Count; i++)
        {
            if (CheckDefinedColumn(columns, i, key, "Defined column") is { } error)
                throw TableStoreException.Invalid(error);
        }
    }

    /// <summary>
    /// Null when <c>columns[index]</c> is a valid defined column next to the key and the columns before it, else
    /// the rule it breaks; <paramref name="what"/> names the column as <see cref="CheckKeyColumn"/> does.
    /// </summary>
    public static string? CheckDefinedColumn(IReadOnlyList<DefinedColumn> columns, int index, IReadOnlyList<PrimaryKeyColumn> key, string what)
    {
        var column = columns[index];
        if (CheckName(column.Name, $"{what} name") is { } nameError)
            return nameError;
        if (key.Any(k => k.Name == column.Name) || columns.Take(index).Any(c => c.Name == column.Name))
            return $"{what} '{column.Name}' repeats a primary key or defined column name.";
        if (!Enum.IsDefined(column.Type))
            return $"{what} '{column.Name}' has an invalid type: use STRING, INTEGER, DOUBLE, BOOLEAN or BINARY.";
        return null;
    }

    public static void CheckOptions(TableOptions options)
    {
        if ((CheckTimeToLive(options.TimeToLive, "timeToLive") ?? CheckMaxVersions(options.MaxVersions, "maxVersions")) is { } error)
            throw TableStoreException.Invalid(error);
        if (options.MaxTimeDeviation < 1)
            throw TableStoreException.Invalid($"maxTimeDeviation must be at least 1 second, not {options.MaxTimeDeviation}.");
    }

    /// <summary>Null when <paramref name="seconds"/> is a valid time to live, else the rule, naming the field <paramref name="what"/>.</summary>
    public static string? CheckTimeToLive(int seconds, string what) =>
        seconds != -1 && seconds < MinTimeToLive ? $"{what} must be -1 (never expire) or at least {MinTimeToLive} seconds, not {seconds}." : null;

    /// <summary>Null when <paramref name="versions"/> is a valid max versions, else the rule, naming the field <paramref name="what"/>.</summary>
    public static string? CheckMaxVersions(int versions, string what) =>
        versions < 1 ? $"{what} must be at least 1, not {versions}." : null;

    public static void CheckStream(StreamSpecification stream)
    {
        if (stream.ExpirationTime is < 1 or > 168)
            throw TableStoreException.Invalid($"expirationTime must be 1-168 hours, not {stream.ExpirationTime}.");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,254}\z")]
    private static partial Regex NamePattern();
}

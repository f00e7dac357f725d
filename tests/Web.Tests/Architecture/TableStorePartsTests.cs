using System.Text.RegularExpressions;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Architecture;

/// <summary>
/// Guards the table store's parts (docs/architecture.md, "Inside src/TableStore"): a type split over several files
/// hides its size instead of reducing it, which is how the one 800-line service grew, so no type in src/TableStore
/// is declared in more than one file.
/// </summary>
public sealed partial class TableStorePartsTests
{
    [Fact]
    public void No_table_store_type_is_spread_over_several_files()
    {
        var spread = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "TableStore"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => PartialTypes().Matches(File.ReadAllText(path))
                .Select(match => (Type: match.Groups["name"].Value, File: Path.GetRelativePath(RepositoryRoot.Path, path))))
            .GroupBy(declaration => declaration.Type)
            .Where(type => type.Select(declaration => declaration.File).Distinct().Count() > 1)
            .Select(type => $"{type.Key}: {string.Join(", ", type.Select(declaration => declaration.File).Distinct().Order(StringComparer.Ordinal))}")
            .ToList();
        Assert.True(spread.Count == 0, "Table store types spread over several files (split them by what callers need instead):\n"
            + string.Join('\n', spread));
    }

    [Fact]
    public void The_scan_finds_partial_declarations()
    {
        const string source = """
            public sealed partial class Hub : IDisposable
            internal static partial record struct Part(int A);
            public static class Whole
            """;

        Assert.Equal(["Hub", "Part"], PartialTypes().Matches(source).Select(match => match.Groups["name"].Value));
    }

    [GeneratedRegex(@"\bpartial\s+(?:record\s+)?(?:class|struct|interface|record)\s+(?<name>\w+)")]
    private static partial Regex PartialTypes();
}

using System.Text.RegularExpressions;

namespace DeliveryConsole.Web.Tests.Architecture;

/// <summary>
/// The namespaces one C# or Razor file uses, read from its text: `using` and `@using` lines, and dotted names in code
/// (fully qualified, or qualified from an enclosing namespace as C# allows: `Web.Api.X` or `Api.X` inside
/// DeliveryConsole.Web.Components resolve to DeliveryConsole.Web.Api). Text, not a compiler: comments and plain
/// string literals are dropped first so a log message or a file name cannot trip a rule.
/// </summary>
public static partial class SourceNamespaces
{
    /// <param name="knownNamespaces">The namespaces the repository declares (and their parents): a name counts as
    /// qualified from an enclosing namespace only when its first part names one of them.</param>
    public static IReadOnlySet<string> Used(string text, string ownNamespace, IReadOnlySet<string> knownNamespaces)
    {
        var code = Strings().Replace(Comments().Replace(text, " "), match => PlainString(match.Value) ? "\"\"" : match.Value);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match using_ in UsingLines().Matches(code))
            names.Add(using_.Groups["name"].Value);
        var enclosing = Enclosing(ownNamespace);
        foreach (Match dotted in DottedNames().Matches(code))
        {
            var name = dotted.Groups["name"].Value;
            names.Add(name);
            // C# also resolves a name against every namespace that encloses the file's own.
            var first = name.Split('.')[0];
            foreach (var outer in enclosing)
                if (knownNamespaces.Contains($"{outer}.{first}"))
                    names.Add($"{outer}.{name}");
        }
        return names;
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="ns"/> or lies inside it.</summary>
    public static bool IsIn(string name, string ns) =>
        name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <summary>The namespace a file declares, or (Razor files without @namespace) the one its folder gives it.</summary>
    public static string Declared(string text, string relativePath)
    {
        var declared = NamespaceLine().Match(text);
        if (declared.Success)
            return declared.Groups["name"].Value;
        var parts = Path.GetDirectoryName(relativePath)!.Split('/', '\\');
        return string.Join('.', ["DeliveryConsole", .. parts.Skip(1)]); // src/<Project>/<folders> -> DeliveryConsole.<Project>.<folders>
    }

    /// <summary>A namespace and every namespace that encloses it: A.B.C, A.B, A.</summary>
    public static IEnumerable<string> Enclosing(string ns)
    {
        var parts = ns.Split('.');
        for (var length = parts.Length; length > 0; length--)
            yield return string.Join('.', parts.Take(length));
    }

    // A string holding Razor (@) or an interpolation ({) may hold code; keep those.
    private static bool PlainString(string literal) => !literal.Contains('@') && !literal.Contains('{');

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"""(?:\\.|[^""\\\n])*""")]
    private static partial Regex Strings();

    [GeneratedRegex(@"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex UsingLines();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?<name>[A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex DottedNames();

    [GeneratedRegex(@"^\s*@?namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}

using System.Xml.Linq;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Architecture;

/// <summary>
/// Guards the parts picture in docs/architecture.md: fails when a project gains a forbidden reference, or when code in
/// one folder starts using a namespace that folder must never use. Reads the repository's files, so it needs no build
/// of the parts it checks.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void No_project_references_a_project_or_package_it_must_never_use()
    {
        var broken = new List<string>();
        foreach (var (project, projects, packages) in PartsRules.ForbiddenReferences)
        {
            var file = RepositoryRoot.Combine("src", project, $"{project}.csproj");
            var csproj = XDocument.Load(file);
            var sdk = csproj.Root!.Attribute("Sdk")?.Value;
            if (sdk != "Microsoft.NET.Sdk")
                broken.Add($"{project}: Sdk=\"{sdk}\" (an engine project uses the plain Microsoft.NET.Sdk, never the web or Razor one)");
            foreach (var reference in Includes(csproj, "ProjectReference"))
                if (projects.Contains(Path.GetFileNameWithoutExtension(reference.Replace('\\', '/'))))
                    broken.Add($"{project} -> project {reference}");
            foreach (var package in Includes(csproj, "PackageReference").Concat(Includes(csproj, "FrameworkReference")))
                if (packages.Any(forbidden => SourceNamespaces.IsIn(package, forbidden)))
                    broken.Add($"{project} -> package {package}");
        }
        Assert.True(broken.Count == 0, "Forbidden references (see docs/architecture.md):\n" + string.Join('\n', broken));
    }

    [Fact]
    public void No_folder_uses_a_namespace_it_must_never_use()
    {
        var broken = new List<string>();
        var known = SourceFiles("src")
            .SelectMany(relative => SourceNamespaces.Enclosing(SourceNamespaces.Declared(File.ReadAllText(RepositoryRoot.Combine(relative)), relative)))
            .ToHashSet();
        foreach (var (folder, namespaces) in PartsRules.ForbiddenNamespaces)
            foreach (var relative in SourceFiles(folder))
            {
                var text = File.ReadAllText(RepositoryRoot.Combine(relative));
                var own = SourceNamespaces.Declared(text, relative);
                // A file's own namespace is always its own to use, even inside a forbidden one (Wire/PlainBuffer in Web).
                var used = SourceNamespaces.Used(text, own, known).Where(name => !SourceNamespaces.IsIn(name, own)).ToList();
                broken.AddRange(namespaces.Where(forbidden => used.Any(name => SourceNamespaces.IsIn(name, forbidden)))
                    .Select(forbidden => $"{relative} uses {forbidden} (forbidden to {folder})"));
            }
        Assert.True(broken.Count == 0, "Forbidden namespace uses (see docs/architecture.md):\n" + string.Join('\n', broken.Distinct()));
    }

    [Fact]
    public void The_scanner_sees_usings_qualified_names_and_names_qualified_from_an_enclosing_namespace()
    {
        const string page = """
            @using DeliveryConsole.Web.TableTools
            @* DeliveryConsole.Web.Wire in a comment is no use *@
            <p>@DeliveryConsole.Web.BucketBrowsing.FolderListing.Root</p>
            <p class="DeliveryConsole.Web.Hosting">@Api.ApiErrors.Code</p>
            """;
        var used = SourceNamespaces.Used(page, "DeliveryConsole.Web.Components.Pages", new HashSet<string> { "DeliveryConsole.Web.Api" });

        Assert.Contains("DeliveryConsole.Web.TableTools", used);
        Assert.Contains("DeliveryConsole.Web.BucketBrowsing.FolderListing.Root", used);
        Assert.Contains("DeliveryConsole.Web.Api.ApiErrors.Code", used);
        Assert.DoesNotContain("DeliveryConsole.Web.Components.Pages.Api.ApiErrors.Code", used); // no such namespace
        Assert.DoesNotContain(used, name => SourceNamespaces.IsIn(name, "DeliveryConsole.Web.Wire"));
        Assert.DoesNotContain(used, name => SourceNamespaces.IsIn(name, "DeliveryConsole.Web.Hosting"));
    }

    private static IEnumerable<string> Includes(XDocument csproj, string item) =>
        csproj.Descendants(item).Select(element => element.Attribute("Include")?.Value).OfType<string>();

    /// <summary>Repository-relative paths (with /) of the C# and Razor sources under a folder, build output left out.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal));
}

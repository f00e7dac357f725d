namespace DeliveryConsole.Web.Tests.Architecture;

/// <summary>
/// The arrows docs/architecture.md forbids, as data: which project may not reference which project or package, and
/// which folder's code may not use which namespace. ArchitectureTests checks the repository against them.
/// </summary>
public static class PartsRules
{
    private static readonly string[] HostPackages = ["Microsoft.AspNetCore", "MudBlazor", "Microsoft.EntityFrameworkCore"];

    /// <summary>Project (folder under src) -> project references and package-name prefixes it must never have.</summary>
    public static readonly IReadOnlyList<(string Project, string[] Projects, string[] Packages)> ForbiddenReferences =
    [
        ("TableStore", ["Delivery", "Catalog", "Web"], HostPackages),
        ("Delivery", ["Catalog", "Web"], HostPackages),
        ("Catalog", ["Web"], ["Microsoft.AspNetCore", "MudBlazor"]),
    ];

    /// <summary>
    /// Folder (under the repository root) -> namespaces its code must never use. A folder's own namespace is always
    /// allowed to itself, so "DeliveryConsole.Web" forbidden to Wire/PlainBuffer still lets the codec use its own types.
    /// </summary>
    public static readonly IReadOnlyList<(string Folder, string[] Namespaces)> ForbiddenNamespaces =
    [
        // The engine knows no host: no catalog, no web, no ASP.NET, no EF, no MudBlazor.
        ("src/TableStore", ["DeliveryConsole.Delivery", "DeliveryConsole.Catalog", "DeliveryConsole.Web", .. HostPackages]),
        ("src/Delivery", ["DeliveryConsole.Catalog", "DeliveryConsole.Web", .. HostPackages]),
        ("src/Catalog", ["DeliveryConsole.Web", "Microsoft.AspNetCore", "MudBlazor"]),
        // The PlainBuffer codec is format code over the table store's model: nothing of the web, the engine or protobuf,
        // so it can move into a library of its own with a git mv (docs/architecture.md, "The wire codec").
        ("src/Web/Wire/PlainBuffer", ["DeliveryConsole.Web", "DeliveryConsole.Delivery", "DeliveryConsole.Catalog",
            "Google.Protobuf", .. HostPackages]),
        // The three front doors are siblings: none uses another's code.
        ("src/Web/Wire", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.TableTools",
            "DeliveryConsole.Web.BucketBrowsing"]),
        ("src/Web/Api", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Wire"]),
        ("src/Web/Components", ["DeliveryConsole.Web.Wire", "DeliveryConsole.Web.Api"]),
        // The rooms below the front doors never reach up into them.
        ("src/Web/TableTools", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire"]),
        ("src/Web/BucketBrowsing", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire"]),
        // The shared homes of value text and JSON, and of the service's errors, serve every door and use none.
        ("src/Web/Values", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire",
            "DeliveryConsole.Web.TableTools", "DeliveryConsole.Web.BucketBrowsing", "DeliveryConsole.Web.Hosting", "DeliveryConsole.Web.Errors"]),
        ("src/Web/Errors", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire",
            "DeliveryConsole.Web.TableTools", "DeliveryConsole.Web.BucketBrowsing", "DeliveryConsole.Web.Hosting"]),
        ("src/Web/Hosting", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire",
            "DeliveryConsole.Web.TableTools"]),
    ];
}

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
            "DeliveryConsole.Web.Buckets"]),
        ("src/Web/Api", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Wire"]),
        ("src/Web/Components", ["DeliveryConsole.Web.Wire", "DeliveryConsole.Web.Api"]),
        // The rooms below the front doors never reach up into them.
        ("src/Web/TableTools", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire"]),
        ("src/Web/Buckets", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire"]),
        ("src/Web/Hosting", ["DeliveryConsole.Web.Components", "DeliveryConsole.Web.Api", "DeliveryConsole.Web.Wire",
            "DeliveryConsole.Web.TableTools"]),
    ];

    /// <summary>
    /// Arrows that exist today and must go: issue 15 point 1 gives the pieces of src/Web/Api that others share (value
    /// text and JSON for cells, error codes, bucket wording) homes of their own, and moves TableTools' cell types out of
    /// the table page. Remove an entry when its file stops using the namespace; the test fails on stale entries so the
    /// list only shrinks. Never add one.
    /// </summary>
    public static readonly IReadOnlyList<(string File, string Namespace)> KnownExceptions =
    [
        ("src/Web/Components/Pages/Buckets/BucketBrowserPage.razor.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Components/Pages/Buckets/EndpointBuckets.razor.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Components/Pages/Buckets/ObjectDetails.razor", "DeliveryConsole.Web.Api"),
        ("src/Web/Components/Pages/Delivery/Create/ReviewStep.razor", "DeliveryConsole.Web.Api"),
        ("src/Web/Components/Pages/Tables/RowDialog.razor.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Components/Pages/Tables/RowsBrowser.razor.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/TableTools/CellText.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/TableTools/CellText.cs", "DeliveryConsole.Web.Components"),
        ("src/Web/TableTools/CsvImport.cs", "DeliveryConsole.Web.Components"),
        ("src/Web/TableTools/JsonLinesImport.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Wire/WireAuthentication.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Wire/WireEndpoint.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Wire/WireErrors.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Wire/WireResponse.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Wire/Operations/DeliveryOperations.cs", "DeliveryConsole.Web.Api"),
        ("src/Web/Hosting/Security/AccessKeyHandler.cs", "DeliveryConsole.Web.Api"),
    ];
}

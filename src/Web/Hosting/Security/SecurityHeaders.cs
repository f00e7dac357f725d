using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows nothing from another origin, and the
/// usual hardening headers. The one inline script the console sends is Blazor's import map, allowed by its hash.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // OnStarting: the endpoint (and so the page's import map) is known by then, also on a re-executed error page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(ImportMapHash(context));
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// Powerful features the console never uses, turned off. Only names Chromium's Permissions-Policy parser knows
    /// (Firefox and Safari do not read the header): an unknown one, such as <c>bluetooth</c>, is a console warning on
    /// every page load and protects nothing.
    /// </summary>
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), " +
        "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), fullscreen=(), browsing-topics=()";

    /// <summary>The policy; <paramref name="importMapHash"/> is the page's import map as a CSP source (<c>'sha256-…'</c>).</summary>
    public static string ContentSecurityPolicy(string? importMapHash) =>
        "default-src 'self'; " +
        $"script-src 'self'{(importMapHash is null ? "" : " " + importMapHash)}; " +
        // MudBlazor sets style attributes on its components.
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; " +
        // 'self' covers the SignalR websocket on the same host and port.
        "connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    // An endpoint's import map never changes: hash it once, not on every response.
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = new();

    /// <summary>The CSP hash source of the import map Blazor's &lt;ImportMap /&gt; renders for this endpoint, if any.</summary>
    public static string? ImportMapHash(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } map
            ? ImportMapHashes.GetValue(map, definition => HashSource(definition.ToString()))
            : null;

    public static string HashSource(string inlineScript) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineScript)))}'";
}

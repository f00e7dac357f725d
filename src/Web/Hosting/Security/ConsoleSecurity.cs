using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// Access control, on by default: every endpoint needs the instance access key (HTTP Basic) or the sign-in cookie,
/// except those marked anonymous (<c>/healthz</c>, <c>/signin</c>, the error pages, static assets).
/// </summary>
public static class ConsoleSecurity
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string CookieName = ".DeliveryConsole.Session";

    /// <summary>The folder under the data folder that keeps the keys protecting cookies and antiforgery tokens.</summary>
    public const string KeysFolder = "keys";

    public static IServiceCollection AddConsoleSecurity(this IServiceCollection services)
    {
        // The keys that encrypt the sign-in cookie live in the data folder, not in memory: a restart of the console
        // (or of its container, with the data folder on a volume) does not sign every browser out.
        services.AddDataProtection().SetApplicationName("DeliveryConsole");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ConsoleOptions>, ILoggerFactory>((keys, console, logs) =>
        {
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(console.Value.DataFolderPath, KeysFolder)), logs);
            // Stored as plain XML on purpose, said so here rather than by a warning at every first start: the keys sit
            // in the private data folder beside the catalog and the tables they protect, and encrypting them would need
            // a secret kept somewhere else (a certificate, DPAPI) that a local console does not have.
            keys.XmlEncryptor = new NullXmlEncryptor();
        });
        services.AddSingleton<KeyGuessLimiter>();
        services.AddAuthentication(AccessKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AccessKeyHandler>(AccessKeyHandler.SchemeName, null)
            .AddCookie(AccessKeyHandler.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = SignInPath;
                cookie.AccessDeniedPath = SignInPath;
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = RejectCookiesOfAnotherKeyAsync;
            });
        // The fallback policy covers every endpoint without its own metadata (pages, the API, downloads) and requests
        // that match no endpoint; the default scheme (AccessKeyHandler) decides between the key and the cookie.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AccessKeyHandler.SchemeName).RequireAuthenticatedUser().Build());
        return services;
    }

    // A cookie issued before the key was changed no longer signs anyone in.
    private static async Task RejectCookiesOfAnotherKeyAsync(CookieValidatePrincipalContext context)
    {
        var key = context.HttpContext.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.AccessKey;
        if (context.Principal?.FindFirst(AccessKeyHandler.FingerprintClaim)?.Value != key.Fingerprint)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccessKeyHandler.CookieScheme);
        }
    }

    /// <summary>Signs the browser in with the cookie; the caller has checked the key.</summary>
    public static Task SignInAsync(HttpContext context, InstanceAccessKey key) =>
        context.SignInAsync(AccessKeyHandler.CookieScheme,
            AccessKeyHandler.Principal(key.Id, "form", AccessKeyHandler.CookieScheme, key.Fingerprint),
            new AuthenticationProperties { IsPersistent = false });

    /// <summary>
    /// <c>POST /signout</c> from the app bar's form: checks the antiforgery token (a form on another site cannot sign
    /// the user out), clears the cookie and goes to the sign-in page.
    /// </summary>
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Text("The sign-out form's antiforgery token is missing or not valid: reload the page and try again.",
                    statusCode: StatusCodes.Status400BadRequest);
            await context.SignOutAsync(AccessKeyHandler.CookieScheme);
            return Results.Redirect(SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
}

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>Where to go after sign-in: only a path on this console, so a crafted link cannot send the user to another site.</summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    /// <summary>Same rule as ASP.NET's IsLocalUrl: "/x" yes; "//host", "/\host", "https://host", control characters no.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

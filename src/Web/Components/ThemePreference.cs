namespace DeliveryConsole.Web.Components;

/// <summary>
/// The light/dark choice, remembered per browser in a cookie that console.js writes and the server reads when it
/// prerenders, so a reload never flashes the other theme.
/// </summary>
public sealed record ThemePreference(bool InitialDark)
{
    public const string CookieName = "console-theme";

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[CookieName] == "dark";
}

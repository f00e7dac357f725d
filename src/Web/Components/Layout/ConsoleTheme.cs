using MudBlazor;

namespace DeliveryConsole.Web.Components.Layout;

/// <summary>The console's colours: a deep orange that keeps white text readable (WCAG AA) in both modes.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b93f0a",
            Secondary = "#155e75",
            AppbarBackground = "#b93f0a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#fb923c",
            Secondary = "#67e8f9",
            AppbarBackground = "#1f2430",
        },
    };
}

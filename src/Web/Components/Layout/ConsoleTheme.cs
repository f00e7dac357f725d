using MudBlazor;

namespace DeliveryConsole.Web.Components.Layout;

/// <summary>
/// The console's colours: a deep orange that keeps white text readable (WCAG AA) in both modes, and state colours
/// (success, info, warning, error) dark enough for white text in light mode and light enough for dark text in dark
/// mode, because MudBlazor's defaults fail axe's contrast check on chips and alerts.
/// </summary>
public static class ConsoleTheme
{
    private const string DarkText = "#111827";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b93f0a",
            Secondary = "#155e75",
            AppbarBackground = "#b93f0a",
            Success = "#1e6b24",
            Info = "#1565c0",
            Warning = "#9a4d00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#fb923c",
            PrimaryContrastText = DarkText,
            Secondary = "#67e8f9",
            SecondaryContrastText = DarkText,
            AppbarBackground = "#1f2430",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.72)",
            TableStriped = "rgba(255,255,255,0.04)",
            Success = "#81c784",
            SuccessContrastText = DarkText,
            Info = "#64b5f6",
            InfoContrastText = DarkText,
            Warning = "#ffb74d",
            WarningContrastText = DarkText,
            Error = "#ef9a9a",
            ErrorContrastText = DarkText,
        },
    };
}

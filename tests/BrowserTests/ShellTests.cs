using System.Text.RegularExpressions;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Components.Layout;
using MudBlazor.Utilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests;

/// <summary>The shell in a real browser: a real Kestrel socket, the SignalR circuit, MudBlazor's scripts.</summary>
public class ShellTests : LoopbackConsoleTest
{
    [Fact]
    public async Task Dark_mode_switches_on_and_is_remembered_by_the_browser()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        await browser.GoToAsync("/");
        var body = browser.Page.Locator("body");
        await Expect(body).ToHaveCSSAsync("background-color", Css(ConsoleTheme.Theme.PaletteLight.Background));
        await browser.ScreenshotAsync("overview-light");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();

        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await Expect(body).ToHaveCSSAsync("background-color", Css(ConsoleTheme.Theme.PaletteDark.Background));
        await browser.ScreenshotAsync("overview-dark");

        await browser.Page.ReloadAsync();
        await browser.WaitForInteractivityAsync();

        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await Expect(body).ToHaveCSSAsync("background-color", Css(ConsoleTheme.Theme.PaletteDark.Background));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_navigation_reaches_every_section_without_a_reload_and_nothing_leaves_the_machine()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        await browser.GoToAsync("/");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByTestId("endpoints")).ToContainTextAsync("oss-cn-hangzhou.aliyuncs.com");
        await browser.Page.EvaluateAsync("window.__sameDocument = true");

        foreach (var section in new[] { "Tables", "Delivery", "Buckets", "Overview" })
        {
            await browser.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
            await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 1 })).ToBeVisibleAsync();
            await Expect(browser.Page).ToHaveTitleAsync(new Regex($"^{section} · console$"));
        }

        Assert.True(await browser.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "a section link reloaded the page");
        Assert.Empty(browser.Errors);
        Assert.All(browser.Requests, url => Assert.StartsWith(BaseUrl.GetLeftPart(UriPartial.Authority), url));
    }

    [Fact]
    public async Task A_full_page_load_focuses_the_heading_without_a_ring_keeps_rings_on_controls_and_logs_no_policy_warning()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        await browser.GoToAsync("/tables");
        var heading = browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Tables", Level = 1 });

        // Screen readers start reading at the new page's heading: focus goes there, but no box is painted round it.
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToHaveCSSAsync("outline-style", "none");

        await browser.Page.Keyboard.PressAsync("Tab");
        var control = browser.Page.Locator(":focus");
        await Expect(control).ToHaveCountAsync(1);
        Assert.Matches("^(A|BUTTON|INPUT)$", await control.EvaluateAsync<string>("e => e.tagName"));
        await Expect(control).ToHaveCSSAsync("outline-style", "solid");
        await Expect(control).ToHaveCSSAsync("outline-width", "3px");

        // Three full loads so far (the sign-in page, the overview it led to, this page), each with the headers.
        Assert.DoesNotContain(browser.Warnings, w => w.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(browser.Errors);
    }

    private static string Css(MudColor color) => $"rgb({color.R}, {color.G}, {color.B})";
}

using System.Text.RegularExpressions;
using DeliveryConsole.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests;

/// <summary>Signing in and out in a real browser, under the real Content-Security-Policy: any blocked script or style is a console error.</summary>
public class SignInTests : LoopbackConsoleTest
{
    [Fact]
    public async Task A_person_signs_in_through_the_form_works_and_signs_out_with_nothing_blocked()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl, signedIn: false);

        await browser.Page.GotoAsync("/delivery");
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fdelivery$"));
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await browser.FillSignInFormAsync(ConsoleFactory.DefaultKeyId, "not-the-right-secret");
        await Expect(browser.Page.GetByTestId("sign-in-error")).ToContainTextAsync("does not match this instance");
        await browser.ScreenshotAsync("sign-in-wrong-key", fullPage: false);

        await browser.FillSignInFormAsync(ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Delivery", Level = 1 })).ToBeVisibleAsync();
        await browser.WaitForInteractivityAsync();
        await browser.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tables" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Tables", Level = 1 })).ToBeVisibleAsync();

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/signin$"));
        await browser.Page.GotoAsync("/tables");
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Ftables$"));

        Assert.Empty(browser.Errors);
        Assert.All(browser.Requests, url => Assert.StartsWith(BaseUrl.GetLeftPart(UriPartial.Authority), url));
    }
}

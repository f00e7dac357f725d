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

    [Fact]
    public async Task A_person_clicks_into_each_field_types_the_key_and_presses_enter()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl, signedIn: false);
        await browser.Page.SetViewportSizeAsync(1400, 900);
        await browser.Page.GotoAsync("/signin?returnUrl=%2Ftables");
        var id = browser.Page.GetByLabel("Access key ID", new() { Exact = true });
        var secret = browser.Page.GetByLabel("Access key secret", new() { Exact = true });

        foreach (var field in new[] { id, secret })
        {
            var box = await field.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= 150 && box.Height >= 28, $"a field is {box.Width}x{box.Height}");
            Assert.True(await field.EvaluateAsync<bool>(
                "e => ['Top', 'Right', 'Bottom', 'Left'].every(side => { const s = getComputedStyle(e); " +
                "return parseFloat(s[`border${side}Width`]) >= 1 && s[`border${side}Style`] !== 'none'; })"), "a field has no border all round");
        }
        Assert.Empty((await FormControls.CheckAsync(browser.Page)).Problems);

        await id.ClickAsync();
        await browser.Page.Keyboard.TypeAsync(ConsoleFactory.DefaultKeyId);
        await secret.ClickAsync();
        await browser.Page.Keyboard.TypeAsync(ConsoleFactory.DefaultKeySecret);
        await Expect(id).ToHaveValueAsync(ConsoleFactory.DefaultKeyId);
        await Expect(secret).ToHaveAttributeAsync("type", "password");

        var reveal = browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show secret" });
        await reveal.ClickAsync();
        await Expect(secret).ToHaveAttributeAsync("type", "text");
        await Expect(secret).ToHaveValueAsync(ConsoleFactory.DefaultKeySecret);
        await Expect(reveal).ToHaveAttributeAsync("aria-pressed", "true");
        await reveal.ClickAsync();
        await Expect(secret).ToHaveAttributeAsync("type", "password");
        await browser.ScreenshotAsync("sign-in", fullPage: false);

        await secret.ClickAsync();
        await browser.Page.Keyboard.PressAsync("Enter");

        await Expect(browser.Page).ToHaveURLAsync(new Regex("/tables$"));
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Tables", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_missing_value_is_said_under_its_field_and_a_wrong_key_under_both_fields()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl, signedIn: false);
        await browser.Page.GotoAsync("/signin");
        var page = browser.Page;
        var id = page.GetByLabel("Access key ID", new() { Exact = true });
        var secret = page.GetByLabel("Access key secret", new() { Exact = true });
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

        await id.FillAsync(ConsoleFactory.DefaultKeyId);
        await id.PressAsync("Enter");

        var rule = page.Locator("#access-key-secret-error");
        await Expect(rule).ToHaveTextAsync("Access key secret is required.");
        await Expect(secret).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(id).ToHaveValueAsync(ConsoleFactory.DefaultKeyId);
        await Expect(page.Locator("#access-key-id-error")).ToBeEmptyAsync();
        await AssertBetweenAsync(secret, rule, signIn);
        await browser.ScreenshotAsync("sign-in-missing-secret", fullPage: false);

        await secret.FillAsync("not-the-right-secret");
        await secret.PressAsync("Enter");

        var refusal = page.GetByTestId("sign-in-error");
        await Expect(refusal).ToContainTextAsync("does not match this instance");
        await Expect(rule).ToBeEmptyAsync();
        await Expect(secret).ToHaveValueAsync("");
        await AssertBetweenAsync(secret, refusal, signIn);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task With_scripts_off_the_form_still_signs_in_and_the_secret_stays_masked()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl, signedIn: false, scripts: false);
        await browser.Page.GotoAsync("/signin?returnUrl=%2Fbuckets");
        var secret = browser.Page.GetByLabel("Access key secret", new() { Exact = true });

        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show secret" })).ToBeHiddenAsync();
        await Expect(secret).ToHaveAttributeAsync("type", "password");
        await browser.Page.GetByLabel("Access key ID", new() { Exact = true }).ClickAsync();
        await browser.Page.Keyboard.TypeAsync(ConsoleFactory.DefaultKeyId);
        await secret.ClickAsync();
        await browser.Page.Keyboard.TypeAsync(ConsoleFactory.DefaultKeySecret);
        await browser.Page.Keyboard.PressAsync("Enter");

        await Expect(browser.Page).ToHaveURLAsync(new Regex("/buckets$"));
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Buckets", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>A message sits under its field and above the button: where the eye goes after typing.</summary>
    private static async Task AssertBetweenAsync(ILocator above, ILocator message, ILocator below)
    {
        var (top, middle, bottom) = ((await above.BoundingBoxAsync())!, (await message.BoundingBoxAsync())!, (await below.BoundingBoxAsync())!);
        Assert.True(middle.Y >= top.Y + top.Height && middle.Y + middle.Height <= bottom.Y,
            $"the message ({middle.Y}-{middle.Y + middle.Height}) is not between the field (ends {top.Y + top.Height}) and the button (starts {bottom.Y})");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>What a person does in the console, by role and accessible name, as the pages promise them.</summary>
public sealed class ConsoleUser(BrowserSession browser)
{
    public IPage Page => browser.Page;

    /// <summary>Serious and critical axe violations met along the way, each with where it was seen.</summary>
    public List<string> AccessibilityViolations { get; } = [];

    /// <summary>Runs axe on what is on screen now (a dialog, a wizard step, a tab) and keeps what it finds.</summary>
    public async Task CheckAccessibilityAsync(string where) =>
        AccessibilityViolations.AddRange((await browser.SeriousAccessibilityViolationsAsync()).Select(v => $"{where}: {v}"));

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    public ILocator Dialog(string title) => Page.GetByRole(AriaRole.Dialog, new() { Name = title });

    /// <summary>Opens a MudSelect by its label and picks the option with that text.</summary>
    public async Task ChooseAsync(string label, string option, ILocator? within = null)
    {
        await (within ?? Page.Locator("body")).GetByLabel(label, new() { Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    public async Task FillAsync(string label, string text)
    {
        var field = Field(label);
        await field.FillAsync(text);
        await field.BlurAsync();
    }

    public Task ExpectTextAsync(string text) => Expect(Page.GetByText(text).First).ToBeVisibleAsync();

    public Task ExpectHeadingAsync(string name) =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();

    public Task ExpectUrlAsync(string pathPattern) => Expect(Page).ToHaveURLAsync(new Regex(pathPattern));
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>What a person does in the console, by role and accessible name, as the pages promise them.</summary>
public sealed class ConsoleUser(BrowserSession browser)
{
    public IPage Page => browser.Page;

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

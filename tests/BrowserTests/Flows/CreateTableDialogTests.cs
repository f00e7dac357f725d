using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// The create-table dialog in real Chromium: a name the table store refuses is marked under its field as typed and
/// again on Create, next to the key name's own message, and nothing is created.
/// </summary>
public class CreateTableDialogTests : ServedConsoleWithBucket
{
    [Fact]
    public async Task A_bad_table_name_and_an_empty_key_name_are_each_marked_under_their_field_on_create()
    {
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var user = new ConsoleUser(browser);
        await browser.GoToAsync("/tables");
        await user.Button("Create table").ClickAsync();
        var create = user.Dialog("Create table");

        await create.GetByLabel("Table name", new() { Exact = true }).FillAsync("bad name!");
        var nameMessage = "Table name 'bad name!' is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore.";
        await Expect(create.GetByText(nameMessage)).ToBeVisibleAsync();

        await create.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(create.GetByText(nameMessage)).ToBeVisibleAsync();
        await Expect(create.GetByText("Key name '' is invalid", new() { Exact = false }).First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("create-table-errors", fullPage: false);
        Assert.Empty((await Api.OkAsync("ListTable", new { }))["tableNames"]!.AsArray());
        Assert.Empty(browser.Errors);
    }
}

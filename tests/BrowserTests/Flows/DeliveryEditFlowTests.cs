using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>Editing a running task in real Chromium: Edit on its page, the wizard's steps, Save, version 2 on the page.</summary>
public class DeliveryEditFlowTests : ServedConsoleWithBucket
{
    [Fact]
    public async Task A_task_edited_in_the_wizard_shows_version_2_on_its_page_and_objects_written_after_it_by_version_2()
    {
        await CreateTableAsync("orders");
        await PutRowsAsync("orders", 5, i => new JsonObject { ["note"] = $"note {i}" });
        await Api.OkAsync("CreateDeliveryTask", new JsonObject
        {
            ["tableName"] = "orders",
            ["taskName"] = "orders-edit",
            ["taskType"] = "BASE_INC",
            ["taskConfig"] = new JsonObject
            {
                ["ossPrefix"] = "before",
                ["ossBucket"] = Bucket,
                ["ossEndpoint"] = Endpoint,
                ["ossStsRole"] = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
                ["schema"] = new JsonArray(new JsonObject { ["columnName"] = "id", ["type"] = "INT64" }),
            },
        }.ToJsonString());
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var user = new ConsoleUser(browser);
        await browser.GoToAsync("/delivery/orders/orders-edit");
        await Expect(browser.Page.GetByTestId("rows-delivered")).ToContainTextAsync("5");

        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await user.ExpectUrlAsync("/delivery/orders/orders-edit/edit$");
        await user.ExpectHeadingAsync("Edit delivery task orders-edit");
        await Expect(user.Field("Task name")).ToBeDisabledAsync();
        await user.Button("Next").ClickAsync();
        await Expect(user.Field("Prefix")).ToHaveValueAsync("before");
        await Expect(user.Field("Role ARN")).ToBeDisabledAsync();
        await user.FillAsync("Prefix", "after");
        await Expect(browser.Page.GetByTestId("folder-preview")).ToContainTextAsync("after");
        await Screenshots(browser, "edit-wizard-destination");
        await user.CheckAccessibilityAsync("edit wizard destination");
        await user.Button("Next").ClickAsync();
        await user.Button("Auto generate").ClickAsync();
        await Expect(browser.Page.GetByTestId("schema-row")).ToHaveCountAsync(2);
        await user.Button("Next").ClickAsync();
        await user.Button("Next").ClickAsync();
        var changes = browser.Page.GetByTestId("change-list");
        await Expect(changes).ToContainTextAsync("Prefix");
        await Expect(changes).ToContainTextAsync("note → note UTF8 PLAIN");
        await Expect(browser.Page.GetByTestId("from-when")).ToContainTextAsync("Saved as version 2");
        await Screenshots(browser, "edit-wizard-review");
        await user.CheckAccessibilityAsync("edit wizard review");
        await user.Button("Save as version 2").ClickAsync();

        await user.ExpectUrlAsync("/delivery/orders/orders-edit$");
        var version2 = browser.Page.Locator("[data-testid=config-version][data-version='2']");
        await Expect(version2).ToContainTextAsync("in effect");
        await PutRowsAsync("orders", 1, _ => new JsonObject { ["note"] = "after the edit" });
        await Expect(browser.Page.GetByTestId("object-version").First).ToHaveTextAsync("2");
        await Expect(browser.Page.GetByTestId("objects").GetByRole(AriaRole.Link).First).ToContainTextAsync("after/");
        await Screenshots(browser, "task-detail-versions");
        await user.CheckAccessibilityAsync("task page with versions");
        Assert.Empty(browser.Errors);
        Assert.True(user.AccessibilityViolations.Count == 0, string.Join(Environment.NewLine, user.AccessibilityViolations));
    }

    /// <summary>The page at 1400 and at 800 px wide, then back to the session's size.</summary>
    private static async Task Screenshots(BrowserSession browser, string name)
    {
        foreach (var width in new[] { 1400, 800 })
        {
            await browser.Page.SetViewportSizeAsync(width, 900);
            await browser.ScreenshotAsync($"{name}-{width}");
        }
        await browser.Page.SetViewportSizeAsync(1280, 800);
    }
}

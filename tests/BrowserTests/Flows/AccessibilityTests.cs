using Microsoft.Playwright;

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// Every page of a console with data in it (a table with rows, a delivering task, a bucket with objects) passes
/// axe-core with no serious or critical violation, in light and dark mode; each page's screenshot is saved.
/// </summary>
public class AccessibilityTests : ConsoleWithADeliveringTask
{
    [Fact]
    public async Task Every_page_with_data_has_no_serious_or_critical_accessibility_violation()
    {
        var pages = await PagesAsync();
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var found = new List<string>();

        foreach (var dark in new[] { false, true })
        {
            if (dark)
                await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
            foreach (var (name, path) in pages)
            {
                await OpenSettledAsync(browser, path, dark ? $"{name}-dark" : name);
                found.AddRange((await browser.SeriousAccessibilityViolationsAsync()).Select(v => $"{path}{(dark ? " (dark)" : "")}: {v}"));
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        Assert.Empty(browser.Errors);
    }
}

namespace DeliveryConsole.BrowserTests.Flows;

/// <summary>
/// Every form control on every page (the sign-in page too) can be seen, at a wide and a narrow window: a person must
/// find a field before they can type into it. Each page's screenshot at both widths is saved.
/// </summary>
public class FormControlTests : ConsoleWithADeliveringTask
{
    [Fact]
    public async Task Every_visible_form_control_on_every_page_has_a_size_and_an_edge_at_1400_and_800_px()
    {
        var pages = await PagesAsync();
        await using var browser = await BrowserSession.OpenAsync(BaseUrl);
        var problems = new List<string>();

        foreach (var width in new[] { 1400, 800 })
        {
            await browser.Page.SetViewportSizeAsync(width, 900);
            foreach (var (name, path) in pages.Append(("sign-in", "/signin")))
            {
                await OpenSettledAsync(browser, path, $"controls-{name}-{width}", fullPage: false);

                var report = await FormControls.CheckAsync(browser.Page);

                TestContext.Current.TestOutputHelper?.WriteLine($"{path} at {width} px:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", report.Checked)}");
                Assert.NotEmpty(report.Checked);
                problems.AddRange(report.Problems.Select(p => $"{path} at {width} px: {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(browser.Errors);
    }
}

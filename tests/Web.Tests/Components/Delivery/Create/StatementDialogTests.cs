using Bunit;
using DeliveryConsole.Web.Components.Pages.Delivery.Create;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

public class StatementDialogTests : ComponentTest
{
    // Longer than any dialog is wide, with a line that has no space to break at.
    private static readonly string Hive = "CREATE EXTERNAL TABLE IF NOT EXISTS `t` (\n" +
        string.Concat(Enumerable.Range(0, 40).Select(i => $"  `column_{i}` STRING,\n")) + ")\nLOCATION 'oss://lake/" + new string('x', 400) + "';";
    private const string DuckDb = "CREATE VIEW t AS SELECT * FROM read_parquet('/data/buckets/local/lake/**/t_*', hive_partitioning = false);";

    [Fact]
    public async Task Each_statement_wraps_in_a_scrolling_box_and_Copy_copies_it_whole()
    {
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        var parameters = new DialogParameters<StatementDialog>
        {
            { d => d.TableName, "orders" },
            { d => d.TaskName, "t" },
            { d => d.HiveStatement, Hive },
            { d => d.DuckDbStatement, DuckDb },
        };
        await page.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<StatementDialog>("Statement to create table", parameters));

        var hive = page.WaitForElement("[data-testid=hive-ddl]");
        Assert.Equal(Hive, hive.TextContent);
        Assert.Contains("statement", hive.ClassList); // pre.statement: pre-wrap, max height, scrolls (wwwroot/app.css)
        Assert.Equal("0", hive.GetAttribute("tabindex")); // a scrolling box is reachable by keyboard
        page.FindAll("button").First(button => button.TextContent.Trim() == "Copy").Click();
        Assert.Equal(Hive, (string)JSInterop.Invocations.Single(call => call.Identifier == "consoleClipboard.copy").Arguments[0]!);
        page.WaitForAssertion(() => Assert.Contains("Copied to the clipboard.", page.Markup));

        page.FindAll(".mud-tab").First(tab => tab.TextContent.Trim() == "DuckDB").Click();
        Assert.Equal(DuckDb, page.WaitForElement("[data-testid=duckdb-ddl]").TextContent);
        page.FindAll("button").First(button => button.TextContent.Trim() == "Copy").Click();
        Assert.Equal(DuckDb, (string)JSInterop.Invocations.Where(call => call.Identifier == "consoleClipboard.copy").Last().Arguments[0]!);
    }
}

using Bunit;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Tables;
using DeliveryConsole.Web.Components.Pages.Tables.Generate;
using DeliveryConsole.Web.Components.Pages.Tables.Import;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Tests.Components.Tables;

public class TablePageTests : TablesTest
{
    [Fact]
    public void An_unknown_table_says_so_and_links_back_to_the_list()
    {
        var page = RenderPage<TablePage>(("TableName", "nope"));

        var alert = page.Find("[data-testid=unknown-table]");
        Assert.Contains("Table 'nope' does not exist.", alert.TextContent);
        Assert.Equal("/tables", alert.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll(".mud-tab"));
    }

    [Fact]
    public void The_schema_card_shows_keys_defined_columns_options_and_row_count_above_the_three_tabs()
    {
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer, AutoIncrement: true)],
            [new DefinedColumn("price", ColumnType.Double)], new TableOptions(TimeToLive: 86_400, MaxVersions: 3));
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("shop", Value.String("s")), new("id", Value.AutoIncrement)]));

        var page = RenderPage<TablePage>(("TableName", "orders"));

        Assert.Equal(["shop STRING", "id INTEGER AUTO_INCREMENT"], page.FindAll("[data-testid=schema-keys] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["price DOUBLE"], page.FindAll("[data-testid=schema-columns] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("1", page.Find("[data-testid=row-count]").TextContent);
        Assert.Contains("Time to live: 86,400 s", page.Find("[data-testid=schema]").TextContent);
        Assert.Equal(["Rows", "Import", "Generate"], page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        Assert.Single(page.FindComponents<ImportPanel>());
        Assert.Single(page.FindComponents<GeneratorPanel>());
    }

    [Fact]
    public void Pages_forward_and_back_over_45_rows_20_at_a_time()
    {
        CreateEvents(45);
        var page = RenderPage<TablePage>(("TableName", "events"));

        Assert.Equal(Range(0, 20), Ids(page));
        Assert.True(Button(page, "Previous page").HasAttribute("disabled"));
        Assert.Equal(["id", "n", "Actions"], page.FindAll("[data-testid=rows] th").Select(th => th.TextContent.Trim()));

        Button(page, "Next page").Click();
        Assert.Equal(Range(20, 20), Ids(page));
        Button(page, "Next page").Click();
        Assert.Equal(Range(40, 5), Ids(page));
        Assert.True(Button(page, "Next page").HasAttribute("disabled"));

        Button(page, "Previous page").Click();
        Assert.Equal(Range(20, 20), Ids(page));
        Button(page, "Previous page").Click();
        Assert.Equal(Range(0, 20), Ids(page));
        Assert.True(Button(page, "Previous page").HasAttribute("disabled"));
    }

    [Fact]
    public void A_bigger_page_size_starts_again_from_the_first_row()
    {
        CreateEvents(45);
        var page = RenderPage<TablePage>(("TableName", "events"));
        Button(page, "Next page").Click();

        Choose(page, "Page size", "50");

        Assert.Equal(Range(0, 45), Ids(page));
        Assert.True(Button(page, "Next page").HasAttribute("disabled"));
        Assert.True(Button(page, "Previous page").HasAttribute("disabled"));
    }

    [Fact]
    public void Go_to_key_starts_the_page_at_the_typed_key_and_previous_page_returns()
    {
        Tables.CreateTable("visits", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)]);
        foreach (var shop in new[] { "a", "b" })
            for (var id = 0; id < 30; id++)
                Writer.WriteRow("visits", new RowWrite(WriteType.Put, [new("shop", Value.String(shop)), new("id", Value.Integer(id))]));
        var page = RenderPage<TablePage>(("TableName", "visits"));

        Field(page, "shop").Input("b");
        Field(page, "id").Input("25");
        Button(page, "Go to key").Click();

        var first = page.Find("[data-testid=rows] tbody tr").QuerySelectorAll("td").Take(2).Select(td => td.TextContent).ToList();
        Assert.Equal(["b", "25"], first);
        Assert.Equal(5, page.FindAll("[data-testid=rows] tbody tr").Count);
        Button(page, "Previous page").Click();
        Assert.Equal(["a", "0"], page.Find("[data-testid=rows] tbody tr").QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
    }

    [Fact]
    public void A_key_that_is_not_of_the_columns_type_is_refused_by_name()
    {
        CreateEvents(3);
        var page = RenderPage<TablePage>(("TableName", "events"));

        Field(page, "id").Input("twelve");
        Button(page, "Go to key").Click();

        Assert.Equal("id must be a 64-bit integer, as a number or a string of digits.", FieldMessage(page, "id"));
        Assert.Equal(Range(0, 3), Ids(page));
    }

    [Fact]
    public void When_an_import_or_generator_reports_new_rows_the_rows_and_count_reload()
    {
        CreateEvents(2);
        var page = RenderPage<TablePage>(("TableName", "events"));
        Writer.WriteRow("events", new RowWrite(WriteType.Put, [new("id", Value.Integer(2))]));

        var import = page.FindComponent<ImportPanel>();
        import.InvokeAsync(() => import.Instance.RowsChanged.InvokeAsync());

        page.WaitForAssertion(() => Assert.Equal(Range(0, 3), Ids(page)));
        Assert.Equal("3", page.Find("[data-testid=row-count]").TextContent);
    }

    private void CreateEvents(int count)
    {
        Tables.CreateTable("events", [new("id", PrimaryKeyType.Integer)]);
        for (var id = 0; id < count; id++)
            Writer.WriteRow("events", new RowWrite(WriteType.Put, [new("id", Value.Integer(id))], [new ColumnPut("n", Value.Integer(id * 10))]));
    }

    private static List<long> Range(int start, int count) => [.. Enumerable.Range(start, count).Select(i => (long)i)];

    private static List<long> Ids(IRenderedComponent<IComponent> page) =>
        [.. page.FindAll("[data-testid=rows] tbody tr").Select(tr => long.Parse(tr.QuerySelector("td")!.TextContent))];
}

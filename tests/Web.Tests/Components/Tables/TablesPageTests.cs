using Bunit;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Tables;

namespace DeliveryConsole.Web.Tests.Components.Tables;

public class TablesPageTests : TablesTest
{
    [Fact]
    public void Without_tables_the_page_offers_the_create_button_not_the_api()
    {
        var page = RenderPage<TablesPage>();

        var empty = page.Find("[data-testid=no-tables]").TextContent;
        Assert.Contains("Create table", empty);
        Assert.DoesNotContain("/api/", empty);
        Assert.NotNull(Button(page, "Create table"));
    }

    [Fact]
    public void Each_table_is_listed_with_a_link_its_key_row_count_options_and_defined_columns()
    {
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer, AutoIncrement: true)],
            [new DefinedColumn("price", ColumnType.Double)], new TableOptions(TimeToLive: 86_400, MaxVersions: 3));
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("shop", Value.String("s")), new("id", Value.AutoIncrement)]));

        var page = RenderPage<TablesPage>();

        var cells = page.FindAll("[data-testid=tables] tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["orders", "shop STRING, id INTEGER AUTO_INCREMENT", "1", "3", "86,400 s", "1"], cells);
        Assert.Equal("/tables/orders", page.Find("[data-testid=tables] tbody a").GetAttribute("href"));
    }

    [Fact]
    public void The_create_dialog_validates_as_typed_with_the_table_stores_rules_and_creates_nothing_when_invalid()
    {
        var page = OpenCreateDialog();

        Field(page, "Table name", scope: InDialog).Input("9orders");
        Assert.Equal("Table name '9orders' is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore.",
            FieldMessage(page, "Table name", scope: InDialog));
        Field(page, "Time to live (seconds)", scope: InDialog).Input("5");
        Assert.Equal("Time to live must be -1 (never expire) or at least 86400 seconds, not 5.", FieldMessage(page, "Time to live (seconds)", scope: InDialog));
        Field(page, "Max versions", scope: InDialog).Input("0");
        Assert.Equal("Max versions must be at least 1, not 0.", FieldMessage(page, "Max versions", scope: InDialog));

        Button(page, "Create", scope: InDialog).Click();

        // The untouched key name is marked too once Create was tried.
        Assert.StartsWith("Key name '' is invalid", FieldMessage(page, "Key name", scope: InDialog));
        Assert.True(IsDialogOpen(page));
        Assert.Empty(Tables.ListTable());
    }

    [Fact]
    public void A_valid_table_is_created_with_its_key_defined_columns_and_options_and_listed()
    {
        var page = OpenCreateDialog();

        Field(page, "Table name", scope: InDialog).Input("orders");
        Field(page, "Key name", scope: InDialog).Input("shop");
        Button(page, "Add key column", scope: InDialog).Click();
        Field(page, "Key name", 1, InDialog).Input("id");
        Choose(page, "Key type", "INTEGER", 1, InDialog);
        Switch(page, "Auto increment", 1, InDialog).Change(true);
        Button(page, "Add defined column", scope: InDialog).Click();
        Field(page, "Column name", scope: InDialog).Input("price");
        Choose(page, "Column type", "DOUBLE", scope: InDialog);
        Field(page, "Time to live (seconds)", scope: InDialog).Input("86400");
        Field(page, "Max versions", scope: InDialog).Input("2");
        Button(page, "Create", scope: InDialog).Click();

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        var table = Tables.DescribeTable("orders").Table;
        Assert.Equal([new PrimaryKeyColumn("shop", PrimaryKeyType.String), new PrimaryKeyColumn("id", PrimaryKeyType.Integer, true)], table.PrimaryKey);
        Assert.Equal([new DefinedColumn("price", ColumnType.Double)], table.DefinedColumns);
        Assert.Equal((86_400, 2), (table.Options.TimeToLive, table.Options.MaxVersions));
        page.WaitForAssertion(() => Assert.Equal("/tables/orders", page.Find("[data-testid=tables] tbody a").GetAttribute("href")));
    }

    [Fact]
    public void Auto_increment_is_offered_only_on_one_integer_key_column_after_the_first()
    {
        var page = OpenCreateDialog();
        Button(page, "Add key column", scope: InDialog).Click();
        Button(page, "Add key column", scope: InDialog).Click();

        Choose(page, "Key type", "INTEGER", 0, InDialog);
        Assert.True(Switch(page, "Auto increment", 0, InDialog).HasAttribute("disabled"), "the first (partition) key column");
        Assert.True(Switch(page, "Auto increment", 1, InDialog).HasAttribute("disabled"), "a STRING key column");

        Choose(page, "Key type", "INTEGER", 1, InDialog);
        Choose(page, "Key type", "INTEGER", 2, InDialog);
        Switch(page, "Auto increment", 1, InDialog).Change(true);
        Assert.True(Switch(page, "Auto increment", 2, InDialog).HasAttribute("disabled"), "a second auto-increment column");

        // Leaving INTEGER turns auto increment off, which frees it for the other column.
        Choose(page, "Key type", "BINARY", 1, InDialog);
        Assert.False(Switch(page, "Auto increment", 1, InDialog).HasAttribute("checked"));
        Assert.False(Switch(page, "Auto increment", 2, InDialog).HasAttribute("disabled"));
    }

    [Fact]
    public void The_name_is_checked_as_typed_and_a_repeated_key_is_marked_under_the_field_that_repeats()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        var page = OpenCreateDialog();

        Field(page, "Table name", scope: InDialog).Input("orders");
        Assert.Equal("Table 'orders' already exists.", FieldMessage(page, "Table name", scope: InDialog));
        Field(page, "Table name", scope: InDialog).Input("orders2");
        Assert.Equal("Letters, digits and underscores, starting with a letter or underscore.", FieldMessage(page, "Table name", scope: InDialog));

        Field(page, "Key name", scope: InDialog).Input("id");
        Button(page, "Add key column", scope: InDialog).Click();
        Field(page, "Key name", 1, InDialog).Input("id");
        Assert.Equal("Partition key: spreads rows", FieldMessage(page, "Key name", 0, InDialog));
        Assert.Equal("Key 'id' appears twice.", FieldMessage(page, "Key name", 1, InDialog));
        Button(page, "Add defined column", scope: InDialog).Click();
        Field(page, "Column name", scope: InDialog).Input("id");
        Assert.Equal("Column 'id' repeats a primary key or defined column name.", FieldMessage(page, "Column name", scope: InDialog));
        Button(page, "Create", scope: InDialog).Click();

        Assert.True(IsDialogOpen(page));
        Assert.Single(Tables.DescribeTable("orders").Table.PrimaryKey);
        Assert.Equal(["orders"], Tables.ListTable());
    }

    [Fact]
    public void A_new_defined_column_is_not_marked_before_it_is_typed_in_even_after_a_failed_create()
    {
        var page = OpenCreateDialog();
        Button(page, "Create", scope: InDialog).Click();
        Assert.StartsWith("Table name '' is invalid", FieldMessage(page, "Table name", scope: InDialog));

        Button(page, "Add defined column", scope: InDialog).Click();

        Assert.Equal("Letters, digits and underscores", FieldMessage(page, "Column name", scope: InDialog));
        Assert.Empty(page.FindAll($"{InDialog} [data-testid=column-row] .mud-input-error"));
        Field(page, "Column name", scope: InDialog).Input("9price");
        Assert.Equal("Column name '9price' is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore.",
            FieldMessage(page, "Column name", scope: InDialog));
    }

    [Fact]
    public void Every_field_of_a_key_or_column_row_keeps_a_helper_line_so_a_message_moves_nothing()
    {
        var page = OpenCreateDialog();
        Button(page, "Add key column", scope: InDialog).Click();
        Button(page, "Add defined column", scope: InDialog).Click();

        foreach (var row in page.FindAll($"{InDialog} [data-testid=key-row], {InDialog} [data-testid=column-row]"))
        {
            Assert.Contains("field-row", row.ClassList);
            Assert.NotEmpty(row.QuerySelector("input[type=text], input:not([type])")!.Closest(".mud-input-control")!
                .QuerySelector(".mud-input-helper-text")!.TextContent.Trim());
        }
    }

    [Fact]
    public void Remove_and_move_buttons_name_the_column_they_act_on_and_move_it()
    {
        var page = OpenCreateDialog();
        Field(page, "Key name", scope: InDialog).Input("id");
        Button(page, "Add key column", scope: InDialog).Click();
        Field(page, "Key name", 1, InDialog).Input("seq");
        Button(page, "Add key column", scope: InDialog).Click();
        Button(page, "Add defined column", scope: InDialog).Click();
        Field(page, "Column name", scope: InDialog).Input("price");

        Assert.Equal(
            ["Move id up", "Move id down", "Remove key column id", "Move seq up", "Move seq down", "Remove key column seq",
             "Move key column 3 up", "Move key column 3 down", "Remove key column 3", "Remove defined column price"],
            page.FindAll($"{InDialog} .key-row button, {InDialog} .column-row button").Select(b => b.GetAttribute("aria-label")));

        Button(page, "Move seq up", scope: InDialog).Click();
        Assert.Equal(["seq", "id", ""], Enumerable.Range(0, 3).Select(i => Field(page, "Key name", i, InDialog).GetAttribute("value") ?? ""));
        Button(page, "Remove key column id", scope: InDialog).Click();
        Button(page, "Remove defined column price", scope: InDialog).Click();
        Assert.Equal(["seq", ""], Enumerable.Range(0, 2).Select(i => Field(page, "Key name", i, InDialog).GetAttribute("value") ?? ""));
        Assert.Empty(page.FindAll($"{InDialog} [data-testid=column-row]"));
    }

    private Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> OpenCreateDialog()
    {
        var page = RenderPage<TablesPage>();
        Button(page, "Create table").Click();
        page.WaitForAssertion(() => Assert.Equal("Create table", page.Find($"{InDialog} .mud-dialog-title").TextContent.Trim()));
        return page;
    }
}

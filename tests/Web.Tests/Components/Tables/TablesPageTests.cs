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
        Tables.WriteRow("orders", new RowWrite(WriteType.Put, [new("shop", Value.String("s")), new("id", Value.AutoIncrement)]));

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
        Assert.Equal("timeToLive must be -1 (never expire) or at least 86400 seconds, not 5.", FieldMessage(page, "Time to live (seconds)", scope: InDialog));
        Field(page, "Max versions", scope: InDialog).Input("0");
        Assert.Equal("maxVersions must be at least 1, not 0.", FieldMessage(page, "Max versions", scope: InDialog));

        Button(page, "Create", scope: InDialog).Click();

        // The untouched key name is marked too once Create was tried.
        Assert.StartsWith("Primary key column name '' is invalid", FieldMessage(page, "Key name", scope: InDialog));
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
    public void The_table_services_errors_are_shown_in_the_dialog()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        var page = OpenCreateDialog();

        Field(page, "Table name", scope: InDialog).Input("orders");
        Field(page, "Key name", scope: InDialog).Input("id");
        Button(page, "Add key column", scope: InDialog).Click();
        Field(page, "Key name", 1, InDialog).Input("id");
        Assert.Equal("Primary key column 'id' appears twice.", page.Find("[data-testid=key-error]").TextContent.Trim());

        Field(page, "Key name", 1, InDialog).Input("seq");
        Button(page, "Create", scope: InDialog).Click();

        Assert.Equal("Requested table 'orders' already exists.", page.Find("[data-testid=create-error]").TextContent.Trim());
        Assert.True(IsDialogOpen(page));
        Assert.Single(Tables.DescribeTable("orders").Table.PrimaryKey);
    }

    private Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> OpenCreateDialog()
    {
        var page = RenderPage<TablesPage>();
        Button(page, "Create table").Click();
        page.WaitForAssertion(() => Assert.Equal("Create table", page.Find($"{InDialog} .mud-dialog-title").TextContent.Trim()));
        return page;
    }
}

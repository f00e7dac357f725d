using Bunit;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Tables;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Tests.Components.Tables;

public class RowDialogTests : TablesTest
{
    [Fact]
    public void Add_row_writes_the_typed_key_and_attributes()
    {
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)]);
        var page = OpenAddRow("orders");

        Field(page, "shop", scope: InDialog).Input("s1");
        Field(page, "id", scope: InDialog).Input("-7");
        AddAttribute(page, 0, "price", "DOUBLE", "12.5");
        AddAttribute(page, 1, "paid", "BOOLEAN", "true");
        AddAttribute(page, 2, "blob", "BINARY", "AQID");
        Button(page, "Save", scope: InDialog).Click();

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        var row = LiveRows.GetRow("orders", [new("shop", Value.String("s1")), new("id", Value.Integer(-7))]);
        Assert.NotNull(row);
        Assert.Equal([("blob", Value.Binary([1, 2, 3])), ("paid", Value.Boolean(true)), ("price", Value.Double(12.5))],
            row.Columns.Select(c => (c.Name, c.Value)).OrderBy(c => c.Name));
        Assert.Equal("1", page.Find("[data-testid=row-count]").TextContent);
        Assert.Equal(["s1", "-7"], page.Find("[data-testid=rows] tbody tr").QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
    }

    [Fact]
    public void An_auto_increment_key_is_assigned_on_write()
    {
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer, AutoIncrement: true)]);
        var page = OpenAddRow("orders");

        Assert.Equal("assigned on write", Field(page, "id", scope: InDialog).GetAttribute("value"));
        Assert.True(Field(page, "id", scope: InDialog).HasAttribute("disabled"));
        Field(page, "shop", scope: InDialog).Input("s1");
        Button(page, "Save", scope: InDialog).Click();

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        var written = Assert.Single(LiveRows.GetRange(new GetRangeRequest("orders", Direction.Forward,
            [new("shop", Value.InfMin), new("id", Value.InfMin)], [new("shop", Value.InfMax), new("id", Value.InfMax)])).Rows);
        Assert.Equal(ValueKind.Integer, written.PrimaryKey[1].Value.Kind);
    }

    [Fact]
    public void A_value_that_is_not_of_its_type_is_refused_by_name_and_nothing_is_written()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        var page = OpenAddRow("orders");

        Field(page, "id", scope: InDialog).Input("1");
        AddAttribute(page, 0, "qty", "INTEGER", "12x");
        Button(page, "Save", scope: InDialog).Click();

        Assert.Equal("Value of qty must be a 64-bit integer, as a number or a string of digits.", FieldMessage(page, "Value", scope: InDialog));
        Assert.Contains("nothing was written", page.Find("[data-testid=row-error]").TextContent);
        Assert.True(IsDialogOpen(page));
        Assert.Equal(0, Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void Adding_a_row_whose_key_exists_says_so_and_leaves_the_row_alone()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(1))], [new ColumnPut("a", Value.String("kept"))]));
        var page = OpenAddRow("orders");

        Field(page, "id", scope: InDialog).Input("1");
        Button(page, "Save", scope: InDialog).Click();

        Assert.Contains("A row with this primary key already exists", page.Find("[data-testid=row-error]").TextContent);
        Assert.Equal(Value.String("kept"), LiveRows.GetRow("orders", [new("id", Value.Integer(1))])!.Columns.Single().Value);
    }

    [Fact]
    public void Edit_row_puts_changed_attributes_and_deletes_removed_ones()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(1))],
            [new ColumnPut("a", Value.String("old")), new ColumnPut("b", Value.Integer(2)), new ColumnPut("c", Value.Boolean(false))]));
        var page = RenderPage<TablePage>(("TableName", "orders"));

        Button(page, "Edit row").Click();
        page.WaitForAssertion(() => Assert.Equal("Edit row", page.Find($"{InDialog} .mud-dialog-title").TextContent.Trim()));
        Assert.True(Field(page, "id", scope: InDialog).HasAttribute("disabled"));
        Assert.Equal(["a", "b", "c"], Enumerable.Range(0, 3).Select(i => Field(page, "Attribute name", i, InDialog).GetAttribute("value")));
        Assert.Equal("INTEGER", Field(page, "Attribute type", 1, InDialog).GetAttribute("value"));

        Field(page, "Value", 0, InDialog).Input("new");
        Button(page, "Remove attribute b", scope: InDialog).Click();
        AddAttribute(page, 2, "d", "DOUBLE", "0.25");
        Button(page, "Save", scope: InDialog).Click();

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        var row = LiveRows.GetRow("orders", [new("id", Value.Integer(1))])!;
        Assert.Equal([("a", Value.String("new")), ("c", Value.Boolean(false)), ("d", Value.Double(0.25))],
            row.Columns.Select(c => (c.Name, c.Value)).OrderBy(c => c.Name));
        Assert.Equal(["id", "a", "c", "d", "Actions"], page.FindAll("[data-testid=rows] th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void Delete_row_asks_first_and_then_deletes()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        foreach (var id in new[] { 1, 2 })
            Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(id))]));
        var page = RenderPage<TablePage>(("TableName", "orders"));

        Button(page, "Delete row").Click();
        page.WaitForAssertion(() => Assert.Contains("Delete the row id=1?", page.Find(InDialog).TextContent));
        Button(page, "Cancel", scope: InDialog).Click();
        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        Assert.NotNull(LiveRows.GetRow("orders", [new("id", Value.Integer(1))]));

        Button(page, "Delete row").Click();
        page.WaitForAssertion(() => Button(page, "Delete", scope: InDialog).Click());

        page.WaitForAssertion(() => Assert.Null(LiveRows.GetRow("orders", [new("id", Value.Integer(1))])));
        page.WaitForAssertion(() => Assert.Equal(["2"], page.FindAll("[data-testid=rows] tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent)));
        Assert.Equal("1", page.Find("[data-testid=row-count]").TextContent);
    }

    [Fact]
    public async Task Escape_closes_the_delete_row_confirmation_and_keeps_the_row()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)]);
        Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(1))]));
        var page = RenderPage<TablePage>(("TableName", "orders"));

        Button(page, "Delete row").Click();
        page.WaitForAssertion(() => Assert.Contains("Delete the row id=1?", page.Find(InDialog).TextContent));
        // MudBlazor closes on Escape through its JS key interceptor, which bUnit does not run: the option is what the
        // page controls (the browser's behaviour is MudBlazor's); closing it as Escape does keeps the row.
        MudBlazor.IMudDialogInstance dialog = page.FindComponent<MudBlazor.MudDialogContainer>().Instance;
        Assert.True(dialog.Options.CloseOnEscapeKey);
        await page.InvokeAsync(dialog.Cancel);

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        Assert.NotNull(LiveRows.GetRow("orders", [new("id", Value.Integer(1))]));
    }

    [Fact]
    public void Add_row_offers_the_defined_columns_so_only_values_are_typed_and_empty_ones_are_left_out()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)], [new("price", ColumnType.Double), new("paid", ColumnType.Boolean)]);
        var page = OpenAddRow("orders");

        Assert.Equal(["price", "paid"], Enumerable.Range(0, 2).Select(i => Field(page, "Attribute name", i, InDialog).GetAttribute("value")));
        Assert.Equal(["DOUBLE", "BOOLEAN"], Enumerable.Range(0, 2).Select(i => Field(page, "Attribute type", i, InDialog).GetAttribute("value")));
        Assert.Equal(["", ""], Enumerable.Range(0, 2).Select(i => Field(page, "Value", i, InDialog).GetAttribute("value") ?? ""));
        Assert.Equal("true or false; empty: left out", FieldMessage(page, "Value", 1, InDialog));

        Field(page, "id", scope: InDialog).Input("1");
        Field(page, "Value", 0, InDialog).Input("12.5");
        Button(page, "Save", scope: InDialog).Click();

        page.WaitForAssertion(() => Assert.False(IsDialogOpen(page)));
        var row = LiveRows.GetRow("orders", [new("id", Value.Integer(1))])!;
        Assert.Equal([("price", Value.Double(12.5))], row.Columns.Select(c => (c.Name, c.Value)));
    }

    [Fact]
    public void Each_message_names_its_field_by_label_under_that_field_in_the_line_its_hint_kept_free()
    {
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)], [new("qty", ColumnType.Integer)]);
        var page = OpenAddRow("orders");
        // Every field has its helper line before any error, so a message takes that line instead of moving the layout.
        Assert.Equal(["STRING", "INTEGER", "Defined column", "A whole number; empty: left out"],
            [FieldMessage(page, "shop", scope: InDialog), FieldMessage(page, "id", scope: InDialog),
             FieldMessage(page, "Attribute name", scope: InDialog), FieldMessage(page, "Value", scope: InDialog)]);

        Field(page, "id", scope: InDialog).Input("seven");
        Field(page, "Value", scope: InDialog).Input("many");
        Field(page, "Attribute name", scope: InDialog).Input("id");
        Button(page, "Save", scope: InDialog).Click();

        Assert.Equal("id must be a 64-bit integer, as a number or a string of digits.", FieldMessage(page, "id", scope: InDialog));
        Assert.Equal("'id' is a primary key column; attributes need other names.", FieldMessage(page, "Attribute name", scope: InDialog));
        Assert.Equal("Value of id must be a 64-bit integer, as a number or a string of digits.", FieldMessage(page, "Value", scope: InDialog));
        Assert.Equal("Remove attribute id", page.Find($"{InDialog} [data-testid=attribute-row] button").GetAttribute("aria-label"));
        Assert.Equal(0, Tables.DescribeTable("orders").RowCount);
    }

    private IRenderedComponent<IComponent> OpenAddRow(string table)
    {
        var page = RenderPage<TablePage>(("TableName", table));
        Button(page, "Add row").Click();
        page.WaitForAssertion(() => Assert.Equal("Add row", page.Find($"{InDialog} .mud-dialog-title").TextContent.Trim()));
        return page;
    }

    private static void AddAttribute(IRenderedComponent<IComponent> page, int index, string name, string type, string value)
    {
        Button(page, "Add attribute", scope: InDialog).Click();
        Field(page, "Attribute name", index, InDialog).Input(name);
        Choose(page, "Attribute type", type, index, InDialog);
        Field(page, "Value", index, InDialog).Input(value);
    }
}

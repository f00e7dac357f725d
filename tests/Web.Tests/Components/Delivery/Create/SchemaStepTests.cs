using Bunit;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

public class SchemaStepTests : WizardTest
{
    private List<(string Source, string Destination, string Type)> Rows() =>
        [.. Page.FindAll("[data-testid=schema-row]").Select((_, i) => (
            Field("Source column", i).GetAttribute("value") ?? "",
            Field("Parquet column", i).GetAttribute("value") ?? "",
            Field("Parquet type", i).GetAttribute("value") ?? ""))];

    [Fact]
    public async Task Auto_generate_takes_the_key_the_defined_columns_and_the_most_frequent_sampled_type()
    {
        CreateOrders();
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();

        Click("Auto generate");

        Page.WaitForAssertion(() => Assert.Equal(
            [("id", "id", "Int64"), ("price", "price", "Double"), ("at", "at", "Utf8"), ("note", "note", "Utf8"), ("qty", "qty", "Int64")],
            Rows()));
        Assert.Contains("first 20 rows of orders", Text("sample-size"));
    }

    [Fact]
    public async Task Each_row_counts_its_dirty_sample_cells_under_the_chosen_type()
    {
        CreateOrders();
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();
        Click("Auto generate");

        Page.WaitForAssertion(() => Assert.Equal(5, Page.FindAll("[data-testid=dirty-count]").Count));
        var counts = Page.FindAll("[data-testid=dirty-count]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["0 dirty", "0 dirty", "0 dirty", "0 dirty", "4 dirty of 20 sampled"], counts);

        // note is STRING in every row: as INT64 every sampled cell is dirty.
        Choose("Parquet type", "INT64", 3);
        Page.WaitForAssertion(() => Assert.Equal("20 dirty of 20 sampled", Page.FindAll("[data-testid=dirty-count]")[3].TextContent.Trim()));
    }

    [Fact]
    public async Task Rows_are_added_removed_and_reordered()
    {
        CreateOrders(2);
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal(5, Rows().Count));

        Click("Move id down");
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "at", "note", "qty"], Rows().Select(r => r.Source)));
        Click("Move qty up");
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "at", "qty", "note"], Rows().Select(r => r.Source)));
        Click("Remove column at");
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "qty", "note"], Rows().Select(r => r.Source)));

        Click("Add column");
        Page.WaitForAssertion(() => Assert.Equal(5, Rows().Count));
        // A blank new row is not judged until it is edited.
        Assert.Null(RowError(4));
        Assert.NotNull(Button("Remove column row 5"));
        Type("Source column", "at", 4);
        Type("Parquet column", "2bad", 4);
        Page.WaitForAssertion(() => Assert.Equal(
            "Parquet column (row 5) must be 1-128 letters, digits and underscores, starting with a letter or underscore, not '2bad'.", RowError(4)));
        Assert.Equal("true", Field("Parquet column", 4).GetAttribute("aria-invalid"));
        Assert.Equal("false", Field("Source column", 4).GetAttribute("aria-invalid"));
        Type("Parquet column", "PRICE", 4);
        Page.WaitForAssertion(() => Assert.Equal(
            "Parquet column 'PRICE' (row 5) repeats Parquet column 'price' (row 1); names must be unique ignoring case, as Hive folds case.", RowError(4)));
        Assert.True(StepMarked("Schema"));
        Type("Parquet column", "quantity", 4);
        Page.WaitForAssertion(() => Assert.Null(RowError(4)));
        Assert.False(StepMarked("Schema"));
    }

    [Fact]
    public async Task Each_rows_buttons_say_which_column_they_move_or_remove()
    {
        CreateOrders(2);
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal(5, Rows().Count));

        var names = Page.FindAll("[data-testid=schema-row] button[aria-label]").Select(button => button.GetAttribute("aria-label")).ToList();
        Assert.Equal(15, names.Distinct().Count());
        Assert.Equal(["Move price up", "Move price down", "Remove column price"], names.Skip(3).Take(3));
    }

    [Fact]
    public async Task Next_needs_at_least_one_column()
    {
        CreateOrders(1);
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();

        Click("Next");

        Page.WaitForAssertion(() => Assert.Equal("Schema must have at least one column.", Text("schema-error").Trim()));
        Assert.Empty(Controls("Event-time column"));
    }
}

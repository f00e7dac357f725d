using Bunit;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

public class SchemaStepTests : WizardTest
{
    private List<(string Source, string Destination, string Type)> Rows() =>
        [.. Page.FindAll("[data-testid=schema-row]").Select((_, i) => (
            Field("Source column", i).GetAttribute("value") ?? "",
            Field("Destination name", i).GetAttribute("value") ?? "",
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

        Click("Move down", 0);
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "at", "note", "qty"], Rows().Select(r => r.Source)));
        Click("Move up", 4);
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "at", "qty", "note"], Rows().Select(r => r.Source)));
        Click("Remove column", 2);
        Page.WaitForAssertion(() => Assert.Equal(["price", "id", "qty", "note"], Rows().Select(r => r.Source)));

        Click("Add column");
        Page.WaitForAssertion(() => Assert.Equal(5, Rows().Count));
        Type("Source column", "at", 4);
        Type("Destination name", "2bad", 4);
        Page.WaitForAssertion(() => Assert.Contains("taskConfig.schema[4].ossColumnName must be 1-128 letters", ErrorUnder("Destination name", 4)));
        Type("Destination name", "PRICE", 4);
        Page.WaitForAssertion(() => Assert.Contains("repeats taskConfig.schema[0].ossColumnName 'price'", ErrorUnder("Destination name", 4)));
        Type("Destination name", "quantity", 4);
        Page.WaitForAssertion(() => Assert.Null(ErrorUnder("Destination name", 4)));
    }

    [Fact]
    public async Task Next_needs_at_least_one_column()
    {
        CreateOrders(1);
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync();

        Click("Next");

        Page.WaitForAssertion(() => Assert.Contains("taskConfig.schema must have at least one column", Text("schema-error")));
        Assert.Empty(Controls("Event-time column"));
    }
}

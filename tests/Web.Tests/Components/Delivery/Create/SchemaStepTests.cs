using Bunit;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

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
    public async Task Int32_and_float_are_offered_and_count_a_value_out_of_their_range_as_the_engine_does()
    {
        // n: INTEGER everywhere, one beyond 32 bits; f: DOUBLE everywhere, one beyond float's range.
        Tables.CreateTable("sensors", [new("id", PrimaryKeyType.Integer)]);
        for (var i = 1; i <= 10; i++)
            Writer.WriteRow("sensors", new RowWrite(WriteType.Put, [new("id", Value.Integer(i))],
            [
                new ColumnPut("n", Value.Integer(i == 3 ? 1L << 31 : -i)),
                new ColumnPut("f", Value.Double(i == 7 ? 1e39 : i / 3.0)),
            ]));
        RenderWizard("sensors");
        await FillBasicsAndDestinationAsync("sensors-lake");
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal([("id", "id", "Int64"), ("f", "f", "Double"), ("n", "n", "Int64")], Rows()));

        Choose("Parquet type", "INT32", 2);
        Choose("Parquet type", "FLOAT", 1);

        Page.WaitForAssertion(() => Assert.Equal([("id", "id", "Int64"), ("f", "f", "Float"), ("n", "n", "Int32")], Rows()));
        Assert.Equal(["0 dirty", "1 dirty of 10 sampled", "1 dirty of 10 sampled"],
            Page.FindAll("[data-testid=dirty-count]").Select(e => e.TextContent.Trim()));
        // The engine's mapper says the same of the same cells.
        var mapper = new SchemaMapper([new SchemaColumn("n", "n", ParquetType.Int32), new SchemaColumn("f", "f", ParquetType.Float)]);
        Assert.Equal(2, Enumerable.Range(1, 10).Sum(i => mapper.Map(
            [("n", Value.Integer(i == 3 ? 1L << 31 : -i)), ("f", Value.Double(i == 7 ? 1e39 : i / 3.0))]).DirtyCells.Count));
    }

    [Fact]
    public async Task Date_is_offered_and_counts_a_string_that_is_no_iso_date_as_the_engine_does()
    {
        // d: STRING everywhere, ISO dates but one without its zeros.
        Tables.CreateTable("days", [new("id", PrimaryKeyType.Integer)]);
        for (var i = 1; i <= 10; i++)
            Writer.WriteRow("days", new RowWrite(WriteType.Put, [new("id", Value.Integer(i))], [new ColumnPut("d", Day(i))]));
        RenderWizard("days");
        await FillBasicsAndDestinationAsync("days-lake");
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal([("id", "id", "Int64"), ("d", "d", "Utf8")], Rows()));

        Choose("Parquet type", "DATE", 1);

        Page.WaitForAssertion(() => Assert.Equal([("id", "id", "Int64"), ("d", "d", "Date")], Rows()));
        Assert.Equal(["0 dirty", "1 dirty of 10 sampled"], Page.FindAll("[data-testid=dirty-count]").Select(e => e.TextContent.Trim()));
        // The engine's mapper says the same of the same cells.
        var mapper = new SchemaMapper([new SchemaColumn("d", "d", ParquetType.Date)]);
        Assert.Equal(1, Enumerable.Range(1, 10).Sum(i => mapper.Map([("d", Day(i))]).DirtyCells.Count));
        // The review prints the column as the file will hold it: INT32 with the DATE logical type.
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Event-time column")));
        Click("Next");
        Page.WaitForAssertion(() => Assert.Contains("optional int32 d (DATE);", Text("parquet-schema")));

        static Value Day(int i) => Value.String(i == 4 ? "2024-1-4" : $"2024-01-{i:00}");
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

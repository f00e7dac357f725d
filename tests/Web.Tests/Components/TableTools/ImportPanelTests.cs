using Bunit;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Tables.Import;
using Microsoft.AspNetCore.Components.Forms;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class ImportPanelTests : TableToolTest
{
    // Line 2-3: a quoted comma and a newline in quotes; 4: bad key; 5: bad defined DOUBLE; 6: bad typed INTEGER.
    private const string Csv = """"
        shop,id,price,note,qty:INTEGER
        "Mall, East",1,9.5,"line one
        line two",3
        west,abc,1.0,x,1
        west,2,cheap,"say ""hi""",2
        west,3,,plain,x
        east,4,2,ok,5
        """";

    private static readonly string[] CsvErrors =
    [
        "line 4: key 'id' must be an INTEGER, not 'abc'",
        "line 5: column 'price' must be a DOUBLE, not 'cheap'",
        "line 6: column 'qty' must be an INTEGER, not 'x'",
    ];

    public ImportPanelTests() =>
        Tables.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)], [new("price", ColumnType.Double)]);

    [Fact]
    public void Preview_shows_the_first_rows_and_every_rows_errors_and_writes_nothing()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.Find("textarea#import-text").Change(Csv);
        panel.Find("[data-testid=import-preview-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("2 valid rows, 3 rows with errors.", panel.Find("[data-testid=import-summary]").TextContent));
        Assert.Equal(CsvErrors, Errors(panel, "import-errors"));
        Assert.Equal(["Line", "shop", "id", "price", "note", "qty"], panel.FindAll("[data-testid=import-preview] th").Select(th => th.TextContent));
        Assert.Equal(["2", "Mall, East (STRING)", "1 (INTEGER)", "9.5 (DOUBLE)", "line one\nline two (STRING)", "3 (INTEGER)"],
            panel.FindAll("[data-testid=import-preview] tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(2, panel.FindAll("[data-testid=import-preview] tbody tr").Count);
        Assert.Equal(0, RowCount("orders"));
        Assert.Equal(0, RowsChangedCount);
    }

    [Fact]
    public void Import_writes_exactly_the_valid_csv_rows_and_reports_written_and_skipped()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.Find("textarea#import-text").Change(Csv);
        panel.Find("[data-testid=import-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("2 rows written, 3 rows skipped.", panel.Find("[data-testid=import-result]").TextContent.Trim()));
        Assert.Equal(
        [
            "Mall, East,1 | note=line one\nline two (STRING), price=9.5 (DOUBLE), qty=3 (INTEGER)",
            "east,4 | note=ok (STRING), price=2 (DOUBLE), qty=5 (INTEGER)",
        ], ReadRows("orders"));
        Assert.Equal(CsvErrors, Errors(panel, "import-errors"));
        Assert.Equal(1, RowsChangedCount);
    }

    [Fact]
    public void Json_lines_chosen_in_the_format_select_are_previewed_and_imported_with_their_errors()
    {
        var panel = RenderPanel<ImportPanel>("orders");
        panel.Find(".mud-select .mud-input-control").MouseDown();
        Host.WaitForAssertion(() => Assert.Equal(["CSV", "JSON Lines"], Host.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        Host.FindAll(".mud-list-item")[1].Click();

        panel.Find("textarea#import-text").Change("""
            {"shop": "a", "id": 1, "price": 2, "tags": "x"}
            {"shop": "b", "id": "two"}

            {"shop": "c", "id": 3, "price": "high"}
            {"shop": "d", "id": 4, "blob": {"binary": "AQI="}, "ok": true}
            {"shop": "e", "id": 5
            """);
        panel.Find("[data-testid=import-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("2 rows written, 3 rows skipped.", panel.Find("[data-testid=import-result]").TextContent.Trim()));
        Assert.Equal(
        [
            "line 2: key 'id' must be an INTEGER, not the STRING 'two'",
            "line 4: column 'price' must be a DOUBLE, not the STRING 'high'",
        ], Errors(panel, "import-errors").Take(2));
        Assert.StartsWith("line 6: not valid JSON", Errors(panel, "import-errors")[2]);
        Assert.Equal(["a,1 | price=2 (DOUBLE), tags=x (STRING)", "d,4 | blob=AQI= (BINARY), ok=true (BOOLEAN)"], ReadRows("orders"));
    }

    [Fact]
    public void A_jsonl_file_is_read_as_json_lines_and_the_text_box_is_set_aside()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("""{"shop": "f", "id": 9}""" + "\n", "rows.jsonl"));
        panel.WaitForAssertion(() => Assert.Contains("rows.jsonl", panel.Find("[data-testid=import-file]").TextContent));
        Assert.True(panel.Find("textarea#import-text").HasAttribute("disabled"));
        panel.Find("[data-testid=import-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("1 rows written, 0 rows skipped.", panel.Find("[data-testid=import-result]").TextContent.Trim()));
        Assert.Equal(["f,9 | "], ReadRows("orders"));
    }

    [Fact]
    public void A_file_over_16_MiB_is_refused_with_a_message_and_nothing_is_read()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[ImportSource.MaxFileBytes + 1], "big.csv"));

        panel.WaitForAssertion(() => Assert.Equal(
            "The file 'big.csv' is 16,777,217 bytes; at most 16 MiB (16,777,216 bytes) can be imported at once. Split it into smaller files.",
            panel.Find("[data-testid=import-file-error]").TextContent.Trim()));
        Assert.Empty(panel.FindAll("[data-testid=import-file]"));
    }

    [Fact]
    public void Nothing_to_import_says_where_rows_come_from()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.Find("[data-testid=import-preview-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("There is nothing to import: choose a file or paste rows into \"Rows to import\".",
            panel.Find("[data-testid=import-input-error]").TextContent.Trim()));
    }

    [Fact]
    public void A_bad_header_is_an_error_and_no_row_is_written()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        panel.Find("textarea#import-text").Change("shop,price\na,1\n");
        panel.Find("[data-testid=import-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("0 rows written, 1 rows skipped.", panel.Find("[data-testid=import-result]").TextContent.Trim()));
        Assert.Equal(["line 1: header: there is no column for key 'id' (the key is shop, id)"], Errors(panel, "import-errors"));
        Assert.Equal(0, RowsChangedCount);
    }

    [Fact]
    public void The_controls_have_the_names_the_browser_tests_use()
    {
        var panel = RenderPanel<ImportPanel>("orders");

        Assert.Equal("Choose file", panel.Find("input[type=file]").GetAttribute("aria-label"));
        Assert.Equal("Rows to import", panel.Find("label[for=import-text]").TextContent);
        Assert.Contains(panel.FindAll("label"), l => l.TextContent == "Format");
        Assert.Equal(["Preview", "Import valid rows"], panel.FindAll("button").Select(b => b.TextContent.Trim()));
    }

    private static List<string> Errors<T>(IRenderedComponent<T> panel, string list) where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. panel.FindAll($"[data-testid={list}] li").Select(li => li.TextContent)];
}

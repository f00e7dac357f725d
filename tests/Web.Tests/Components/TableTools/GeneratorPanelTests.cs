using Bunit;
using DeliveryConsole.TableStore.Model;
using System.Globalization;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Web.Components.Pages.Tables;
using DeliveryConsole.Web.Components.Pages.Tables.Generate;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class GeneratorPanelTests : TableToolTest
{
    public GeneratorPanelTests() =>
        Tables.CreateTable("events", [new("source", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)]);

    [Fact]
    public void Count_mode_writes_exactly_the_rows_asked_for_and_a_second_run_adds_rows()
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)], [new("price", ColumnType.Double)]);
        var panel = RenderPanel<GeneratorPanel>("orders");

        panel.Find("[data-testid=generate]").Click();
        panel.WaitForAssertion(() => Assert.Equal("1,000 rows written", Status(panel)));
        Assert.Equal(1_000, RowCount("orders"));
        Assert.Equal(1, RowsChangedCount);

        panel.Find("[data-testid=generate]").Click();
        panel.WaitForAssertion(() => Assert.Equal(2, RowsChangedCount));

        Assert.Equal("1,000 rows written", Status(panel));
        Assert.Equal(2_000, RowCount("orders"));
        var rows = ReadRows("orders");
        Assert.Equal(["1 | price", "2000 | price"], [rows[0].Split('=')[0], rows[^1].Split('=')[0]]);
        Assert.Equal("100", panel.Find("[aria-label='Generating rows']").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void A_table_without_defined_columns_gets_the_demo_columns_and_auto_increment_keys()
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        panel.Find("input#generate-row-count").Input("5");

        panel.Find("[data-testid=generate]").Click();
        panel.WaitForAssertion(() => Assert.Equal("5 rows written", Status(panel)));

        Assert.All(ReadRows("events"), row => Assert.Matches(
            @"^sensor-[a-d],\d+ \| active=(true|false) \(BOOLEAN\), amount=[\d.]+ \(DOUBLE\), created=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(STRING\), name=[a-z]+ \(STRING\), quantity=\d+ \(INTEGER\)$", row));
    }

    [Fact]
    public void Steady_rate_writes_rate_times_seconds_as_the_clock_moves()
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        ChooseSteadyRate(panel);
        panel.Find("input#generate-rate").Input("50");
        panel.Find("input#generate-duration").Input("3");

        panel.Find("[data-testid=generate]").Click();
        Assert.Equal("0 of 150 rows", Status(panel));
        for (var second = 1; second <= 3; second++)
        {
            Tick();
            var expected = second * 50;
            panel.WaitForAssertion(() => Assert.Equal(expected, RowCount("events")));
        }

        panel.WaitForAssertion(() => Assert.Equal("150 rows written", Status(panel)));
        Assert.Empty(panel.FindAll("[data-testid=stop]"));
        Assert.Equal(1, RowsChangedCount);
    }

    [Fact]
    public void Stop_stops_the_run_and_says_how_many_rows_were_written()
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        ChooseSteadyRate(panel);
        panel.Find("input#generate-rate").Input("10");
        panel.Find("[data-testid=generate]").Click();
        Tick();
        panel.WaitForAssertion(() => Assert.Equal("10 of 600 rows", Status(panel)));

        panel.Find("[data-testid=stop]").Click();
        panel.WaitForAssertion(() => Assert.Equal("Stopped: 10 rows written", Status(panel)));
        Tick(5);

        Assert.Equal(10, RowCount("events"));
        Assert.Equal(1, RowsChangedCount);
        Assert.False(panel.Find("[data-testid=generate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Leaving_the_page_cancels_the_run()
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        ChooseSteadyRate(panel);
        panel.Find("input#generate-rate").Input("10");
        panel.Find("[data-testid=generate]").Click();
        Tick();
        panel.WaitForAssertion(() => Assert.Equal(10, RowCount("events")));

        await DisposeComponentsAsync();
        Tick(5);

        Assert.Equal(10, RowCount("events"));
    }

    [Theory]
    [InlineData("generate-row-count", "0", "Row count must be 1-10,000,000, not 0.")]
    [InlineData("generate-row-count", "", "Row count is required.")]
    [InlineData("generate-rate", "100001", "Rows per second must be 1-100,000, not 100,001.")]
    [InlineData("generate-duration", "-1", "Duration (seconds) must be 1-86,400, not -1.")]
    [InlineData("generate-dirty", "101", "Dirty cells (%) must be 0-100, not 101.")]
    public void A_bad_field_says_its_rule_under_it_and_nothing_is_generated(string field, string text, string message)
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        if (field is "generate-rate" or "generate-duration")
            ChooseSteadyRate(panel);

        panel.Find($"input#{field}").Input(text);
        panel.Find("[data-testid=generate]").Click();

        panel.WaitForAssertion(() => Assert.Contains(message, panel.Find($"input#{field}").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(panel.FindAll("[data-testid=generate-status]"));
        Assert.Equal(0, RowCount("events"));
    }

    [Fact]
    public void The_controls_have_the_names_the_browser_tests_use()
    {
        var panel = RenderPanel<GeneratorPanel>("events");

        Assert.Equal(["Count", "Steady rate"], panel.FindAll("label.mud-radio").Select(l => l.TextContent.Trim()));
        Assert.Equal("Row count", panel.Find("label[for=generate-row-count]").TextContent);
        ChooseSteadyRate(panel);
        Assert.Equal("Rows per second", panel.Find("label[for=generate-rate]").TextContent);
        Assert.Equal("Duration (seconds)", panel.Find("label[for=generate-duration]").TextContent);
        panel.Find("[data-testid=generate]").Click();
        Assert.Equal("progressbar", panel.Find("[aria-label='Generating rows']").GetAttribute("role"));
        Assert.Equal(["Generate", "Stop"], panel.FindAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Zero_rows_cannot_be_started_the_count_field_says_why()
    {
        var panel = RenderPanel<GeneratorPanel>("events");
        panel.Find("input#generate-row-count").Input("0");

        Assert.Equal("Row count must be 1-10,000,000, not 0.", panel.Find("input#generate-row-count").Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text")!.TextContent.Trim());
        panel.Find("[data-testid=generate]").Click();

        Assert.Empty(panel.FindAll("[data-testid=generate-status]"));
        Assert.Equal(0, RowCount("events"));
        Assert.Equal(0, RowsChangedCount);
    }

    [Fact]
    public void The_panel_says_in_one_line_what_the_rows_hold_column_by_column()
    {
        Tables.CreateTable("sales", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)],
            [new("created", ColumnType.String), new("updated_at", ColumnType.Integer), new("qty", ColumnType.Integer)]);
        var panel = RenderPanel<GeneratorPanel>("sales");

        Assert.Contains("times from the last 48 hours", string.Join(" ", panel.Find("[data-testid=generate-explained]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("shop: one of berlin, paris, tokyo, lima, oslo, nairobi · id: unique · created: RFC 3339 times · updated_at: Unix seconds · qty: 1-20",
            string.Join(" ", panel.Find("[data-testid=generate-columns]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Generated_rows_spread_over_hours_and_days_repeat_leading_keys_and_carry_the_dirty_share_asked_for()
    {
        Tables.CreateTable("sales", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)],
            [new("created", ColumnType.String), new("updated_at", ColumnType.Integer), new("qty", ColumnType.Integer), new("price", ColumnType.Double)]);
        var columns = Tables.Table("sales").DefinedColumns.ToDictionary(c => c.Name, c => c.Type);
        var panel = RenderPanel<GeneratorPanel>("sales");
        panel.Find("input#generate-row-count").Input("600");
        panel.Find("input#generate-dirty").Input("10");

        panel.Find("[data-testid=generate]").Click();
        panel.WaitForAssertion(() => Assert.Equal("600 rows written", Status(panel)), TimeSpan.FromMinutes(2));

        var rows = LiveRows.GetRange(new GetRangeRequest("sales", TableStore.Model.Direction.Forward, [new("shop", Value.InfMin), new("id", Value.InfMin)],
            [new("shop", Value.InfMax), new("id", Value.InfMax)], Limit: 1_000)).Rows;
        Assert.Equal(600, rows.Count);
        Assert.Equal(["berlin", "lima", "nairobi", "oslo", "paris", "tokyo"], rows.Select(r => r.PrimaryKey[0].Value.AsString).Distinct().Order());
        Assert.Equal(Enumerable.Range(1, 600).Select(n => (long)n), rows.Select(r => r.PrimaryKey[1].Value.AsInteger).Order());

        var cells = rows.SelectMany(r => r.Columns).ToList();
        var dirty = cells.Count(c => TableTypes.TypeOf(c.Value) != columns[c.Name]);
        Assert.InRange(100.0 * dirty / cells.Count, 7.5, 12.5);
        foreach (var (column, format) in new[] { ("created", EventTimeFormat.RFC3339), ("updated_at", EventTimeFormat.Unix) })
        {
            var clean = cells.Where(c => c.Name == column && TableTypes.TypeOf(c.Value) == columns[column]).ToList();
            var times = clean.Select(c => EventTimeParser.TryParse(format, c.Value, out var time) ? time : (DateTimeOffset?)null).ToList();
            Assert.All(times, time => Assert.NotNull(time));
            Assert.True(times.Select(t => t!.Value.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)).Distinct().Count() >= 24,
                $"{column}: several hourly partitions");
            Assert.True(times.Select(t => t!.Value.UtcDateTime.Date).Distinct().Count() >= 2, $"{column}: more than one day");
        }
    }

    private static void ChooseSteadyRate(IRenderedComponent<GeneratorPanel> panel) =>
        panel.FindAll("input[type=radio]")[1].Click();

    private static string Status(IRenderedComponent<GeneratorPanel> panel) => panel.Find("[data-testid=generate-status]").TextContent.Trim();
}

using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.TableTools;
using DeliveryConsole.Web.Components.Pages.Tables;
using DeliveryConsole.Delivery.Partitioning;
using System.Globalization;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class SampleRowMakerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 30, 15, 250, TimeSpan.Zero);

    [Theory]
    [InlineData(PrimaryKeyType.Integer, 42L, "42 (INTEGER)")]
    [InlineData(PrimaryKeyType.String, 42L, "row-000000000042 (STRING)")]
    [InlineData(PrimaryKeyType.Binary, 258L, "AAAAAAAAAQI= (BINARY)")]
    public void Each_key_column_gets_a_value_of_its_type_from_the_row_number(PrimaryKeyType type, long number, string expected)
    {
        var maker = new SampleRowMaker(TestTables.Meta("t", [new("k", type)], []));

        var key = Assert.Single(maker.Make(number, Now).PrimaryKey);

        Assert.Equal(expected, TestTables.Show(key.Value));
        Assert.Equal(number, SampleRowMaker.NumberOf(key.Value));
    }

    [Fact]
    public void An_auto_increment_key_is_left_to_the_store_and_the_other_key_columns_repeat_a_few_values()
    {
        var rows = Enumerable.Range(1, 200).Select(n => new SampleRowMaker(TestTables.Events).Make(n, Now)).ToList();

        Assert.All(rows, row => Assert.Equal(Value.AutoIncrement, row.PrimaryKey[1].Value));
        var sources = rows.Select(r => r.PrimaryKey[0].Value.AsString).Distinct().Order().ToList();
        Assert.Equal(["sensor-a", "sensor-b", "sensor-c", "sensor-d"], sources);
    }

    [Fact]
    public void Leading_key_columns_repeat_a_small_set_by_name_and_the_last_stays_unique()
    {
        var rows = Enumerable.Range(1, 300).Select(n => new SampleRowMaker(TestTables.Orders).Make(n, Now)).ToList();

        var shops = rows.GroupBy(r => r.PrimaryKey[0].Value.AsString).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["berlin", "lima", "nairobi", "oslo", "paris", "tokyo"], shops.Keys.Order());
        Assert.All(shops.Values, count => Assert.InRange(count, 20, 80));
        Assert.Equal(Enumerable.Range(1, 300).Select(n => (long)n), rows.Select(r => r.PrimaryKey[1].Value.AsInteger));
    }

    [Fact]
    public void A_table_without_defined_columns_gets_the_demo_columns_with_an_rfc3339_created_time()
    {
        var row = new SampleRowMaker(TestTables.Events).Make(5, Now);

        Assert.Equal(["name STRING", "amount DOUBLE", "quantity INTEGER", "active BOOLEAN", "created STRING"],
            row.Puts.Select(p => $"{p.Name} {p.Value.TypeName}"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row.Puts[4].Value.AsString);
        Assert.True(EventTimeParser.TryParse(EventTimeFormat.RFC3339, row.Puts[4].Value, out var created));
        Assert.InRange(created, Now - SampleCells.TimeSpread, Now);
        Assert.Contains(row.Puts[0].Value.AsString, (string[])["ada", "grace", "alan", "edsger", "barbara", "donald"]);
        Assert.InRange(row.Puts[2].Value.AsInteger, 1, 20);
    }

    [Fact]
    public void Time_like_columns_get_times_the_delivery_parser_reads_spread_over_hours_and_days()
    {
        var table = TestTables.Meta("t", [new("id", PrimaryKeyType.Integer)],
        [
            new("created", ColumnType.String), new("updated_at", ColumnType.Integer), new("eventTime", ColumnType.String),
            new("ts_ms", ColumnType.Integer), new("price", ColumnType.Double),
        ]);
        var maker = new SampleRowMaker(table);

        var rows = Enumerable.Range(1, 1_000).Select(n => maker.Make(n, Now)).ToList();

        foreach (var (column, format) in new[] { (0, EventTimeFormat.RFC3339), (1, EventTimeFormat.Unix), (2, EventTimeFormat.RFC3339), (3, EventTimeFormat.Unix) })
        {
            var times = rows.Select(r => EventTimeParser.TryParse(format, r.Puts[column].Value, out var t) ? t : (DateTimeOffset?)null).ToList();
            Assert.All(times, t => Assert.InRange(t!.Value, Now - SampleCells.TimeSpread, Now));
            // Several $yyyy/$MM/$dd/$HH folders: most hours of the two days, on at least two days.
            Assert.InRange(times.Select(t => t!.Value.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)).Distinct().Count(), 40, 49);
            Assert.InRange(times.Select(t => t!.Value.UtcDateTime.Date).Distinct().Count(), 2, 3);
        }
        Assert.All(rows, r => Assert.InRange(r.Puts[1].Value.AsInteger, 1_000_000_000, 9_999_999_999));
        Assert.All(rows, r => Assert.True(r.Puts[3].Value.AsInteger > 100_000_000_000, "milliseconds"));
        Assert.Equal(ValueKind.Double, rows[0].Puts[4].Value.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(100)]
    public void The_dirty_share_of_cells_has_the_wrong_type(int percent)
    {
        var maker = new SampleRowMaker(TestTables.Meta("t", [new("id", PrimaryKeyType.Integer)],
            [new("name", ColumnType.String), new("qty", ColumnType.Integer), new("price", ColumnType.Double), new("ok", ColumnType.Boolean)]),
            dirtyPercent: percent);

        var cells = Enumerable.Range(1, 2_000).SelectMany(n => maker.Make(n, Now).Puts.Select((p, i) => (p.Value, maker.Columns[i].Type))).ToList();

        var dirty = cells.Count(c => TableTypes.TypeOf(c.Value) != c.Type);
        Assert.InRange(100.0 * dirty / cells.Count, percent - 2.0, percent + 2.0);
    }

    [Fact]
    public void The_seed_picks_the_values_and_the_same_seed_the_same_ones()
    {
        string Rows(int seed) => string.Join("\n", Enumerable.Range(1, 20).Select(n => Describe(new SampleRowMaker(TestTables.Orders, seed).Make(n, Now))));

        Assert.Equal(Rows(7), Rows(7));
        Assert.NotEqual(Rows(7), Rows(8));
    }

    [Fact]
    public void Every_defined_column_gets_a_value_of_its_declared_type()
    {
        var table = TestTables.Meta("t", [new("id", PrimaryKeyType.Integer)],
            [new("s", ColumnType.String), new("i", ColumnType.Integer), new("d", ColumnType.Double), new("b", ColumnType.Boolean), new("x", ColumnType.Binary)]);

        var row = new SampleRowMaker(table).Make(3, Now);

        Assert.Equal(["s STRING", "i INTEGER", "d DOUBLE", "b BOOLEAN", "x BINARY"], row.Puts.Select(p => $"{p.Name} {p.Value.TypeName}"));
    }

    [Fact]
    public void The_same_inputs_make_the_same_row_and_different_numbers_different_keys()
    {
        var maker = new SampleRowMaker(TestTables.Orders);

        Assert.Equal(Describe(maker.Make(9, Now)), Describe(maker.Make(9, Now)));
        Assert.Equal(1_000, Enumerable.Range(1, 1_000).Select(n => Describe(maker.Make(n, Now)).Split(';')[0]).Distinct().Count());
    }

    [Theory]
    [InlineData(PrimaryKeyType.Integer)]
    [InlineData(PrimaryKeyType.String)]
    [InlineData(PrimaryKeyType.Binary)]
    public void The_first_free_number_continues_after_the_rows_it_made_and_ignores_others(PrimaryKeyType type)
    {
        using var data = new TempFolder();
        using var store = new TableStoreSet(new TableStoreOptions { Folder = data.Combine("tables") });
        var table = store.Tables.CreateTable("t", [new("k", type), new("n", PrimaryKeyType.Integer)]);
        var maker = new SampleRowMaker(table);
        Assert.Equal(1, maker.FirstFreeNumber(store.Tables, store.LiveRows));

        store.Writer.BatchWriteRow([("t", [.. Enumerable.Range(1, 150).Select(n => maker.Make(n, Now))])]);
        // Rows the maker could not have made, among its own and beside them, must not move the start.
        var leading = maker.Make(1, Now).PrimaryKey[0];
        store.Writer.WriteRow("t", new RowWrite(WriteType.Put, [leading, new("n", Value.Integer(-5))]));
        store.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new("k", type switch
        {
            PrimaryKeyType.String => Value.String("zzz"),
            PrimaryKeyType.Integer => Value.Integer(99),
            _ => Value.Binary([0x7f]),
        }), new("n", Value.Integer(9_999))]));

        Assert.Equal(151, maker.FirstFreeNumber(store.Tables, store.LiveRows));
    }

    private static string Describe(RowWrite row) =>
        string.Join(",", row.PrimaryKey.Select(k => TestTables.Show(k.Value))) + ";" + string.Join(",", row.Puts.Select(p => $"{p.Name}={TestTables.Show(p.Value)}"));
}

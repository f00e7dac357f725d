using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.TableTools;

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
    public void An_auto_increment_key_is_left_to_the_store()
    {
        var row = new SampleRowMaker(TestTables.Events).Make(5, Now);

        Assert.Equal(["source=row-000000000005 (STRING)", "seq=AUTO_INCREMENT (AUTO_INCREMENT)"],
            row.PrimaryKey.Select(k => $"{k.Name}={TestTables.Show(k.Value)}"));
    }

    [Fact]
    public void A_table_without_defined_columns_gets_the_demo_columns_with_an_rfc3339_created_time()
    {
        var row = new SampleRowMaker(TestTables.Events).Make(5, Now);

        Assert.Equal(["name STRING", "amount DOUBLE", "quantity INTEGER", "active BOOLEAN", "created STRING"],
            row.Puts.Select(p => $"{p.Name} {p.Value.TypeName}"));
        Assert.Equal("2026-11-24T08:30:15.250Z", row.Puts[4].Value.AsString);
        Assert.Equal(Now, DateTimeOffset.Parse(row.Puts[4].Value.AsString, System.Globalization.CultureInfo.InvariantCulture));
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
        using var store = new TableService(new TableStoreOptions { Folder = data.Combine("tables") });
        var table = store.CreateTable("t", [new("k", type), new("n", PrimaryKeyType.Integer)]);
        var maker = new SampleRowMaker(table);
        Assert.Equal(1, maker.FirstFreeNumber(store));

        store.BatchWriteRow([("t", [.. Enumerable.Range(1, 150).Select(n => maker.Make(n, Now))])]);
        // Rows the maker could not have made sort after its own; they must not move the start.
        var other = type switch
        {
            PrimaryKeyType.Integer => Value.Integer(-5),
            PrimaryKeyType.String => Value.String("row-zzz"),
            _ => Value.Binary([0x7f, 1]),
        };
        store.WriteRow("t", new RowWrite(WriteType.Put, [new("k", other), new("n", Value.Integer(1))]));

        Assert.Equal(151, maker.FirstFreeNumber(store));
    }

    private static string Describe(RowWrite row) =>
        string.Join(",", row.PrimaryKey.Select(k => TestTables.Show(k.Value))) + ";" + string.Join(",", row.Puts.Select(p => $"{p.Name}={TestTables.Show(p.Value)}"));
}

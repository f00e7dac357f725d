using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class GetRowTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    [Fact]
    public void A_missing_row_is_null()
    {
        CreateTable();
        Put("orders", Id("a"));

        Assert.Null(Store.LiveRows.GetRow("orders", Id("b")));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("A")));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("a ")));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("")));
    }

    [Fact]
    public void The_row_has_its_full_key_in_schema_order_and_cells_by_name_newest_first()
    {
        Store.Tables.CreateTable("t", [new("z", PrimaryKeyType.Integer), new("a", PrimaryKeyType.Binary), new("m", PrimaryKeyType.String)],
            options: new TableOptions(MaxVersions: 3));
        KeyColumn[] key = Key(("z", I(-5)), ("a", Value.Binary([0, 0xFF])), ("m", S("")));
        Store.Update("t", key, [new("b", I(1), Now - 1), new("B", I(2)), new("aa", I(3)), new("_", I(4))]);
        Store.Update("t", key, [new("b", I(5))]);

        var row = Store.LiveRows.GetRow("t", key, maxVersions: 3)!;

        Assert.Equal(key, row.PrimaryKey);
        Assert.Equal($"B=I:2@{Now},_=I:4@{Now},aa=I:3@{Now},b=I:5@{Now},b=I:1@{Now - 1}", Format(row.Columns));
    }

    [Fact]
    public void Keys_differing_only_in_zero_bytes_or_length_are_different_rows()
    {
        CreateTable();
        Store.Tables.CreateTable("bin", [new("id", PrimaryKeyType.Binary)]);
        string[] strings = ["a", "a\0", "a\0\0", "\0", "", "ab", "a\u0001"];
        byte[][] binaries = [[], [0], [0, 0], [0, 1], [1], [0xFF], [0xFF, 0]];

        foreach (var (s, i) in strings.Select((s, i) => (s, i)))
            Put("orders", Id(s), ("i", I(i)));
        foreach (var (b, i) in binaries.Select((b, i) => (b, i)))
            Put("bin", Key(("id", Value.Binary(b))), ("i", I(i)));

        foreach (var (s, i) in strings.Select((s, i) => (s, i)))
            Assert.Equal(I(i), Store.LiveRows.GetRow("orders", Id(s))!.Columns.Single().Value);
        foreach (var (b, i) in binaries.Select((b, i) => (b, i)))
            Assert.Equal(I(i), Store.LiveRows.GetRow("bin", Key(("id", Value.Binary(b))))!.Columns.Single().Value);
        Assert.Equal(strings.Length, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Equal(binaries.Length, Store.Tables.DescribeTable("bin").RowCount);
    }

    [Fact]
    public void Integer_keys_cover_the_whole_signed_range()
    {
        Store.Tables.CreateTable("t", [new("n", PrimaryKeyType.Integer)]);
        long[] values = [long.MinValue, -1, 0, 1, long.MaxValue];
        foreach (var value in values)
            Put("t", Key(("n", I(value))), ("v", I(value)));

        foreach (var value in values)
            Assert.Equal(I(value), Store.LiveRows.GetRow("t", Key(("n", I(value))))!.Columns.Single().Value);
    }

    [Fact]
    public void ColumnsToGet_returns_only_those_columns()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)), ("y", I(2)), ("z", I(3)));

        Assert.Equal(["x", "z"], Store.LiveRows.GetRow("orders", Id("a"), ["z", "x", "missing"])!.Columns.Select(c => c.Name));
        Assert.Equal(["x", "y", "z"], Store.LiveRows.GetRow("orders", Id("a"), [])!.Columns.Select(c => c.Name));
        Assert.Equal(["x", "y", "z"], Store.LiveRows.GetRow("orders", Id("a"), null)!.Columns.Select(c => c.Name));
        Assert.Equal(["y"], Store.LiveRows.GetRow("orders", Id("a"), ["y", "y"])!.Columns.Select(c => c.Name));
        Assert.Equal(["x"], Store.LiveRows.GetRow("orders", Id("a"), [.. Enumerable.Range(0, 127).Select(i => $"c{i}"), "x"])!.Columns.Select(c => c.Name));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("b"), ["x"]));
    }

    [Fact]
    public void More_than_128_columnsToGet_is_rejected()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));

        var error = ErrorOf(() => Store.LiveRows.GetRow("orders", Id("a"), [.. Enumerable.Range(0, 129).Select(i => $"c{i}")]));

        Assert.Equal(Invalid, error.Code);
        Assert.Contains("128", error.Message);
    }

    [Fact]
    public void MaxVersions_returns_the_newest_versions_first()
    {
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: 4));
        for (var i = 1; i <= 4; i++)
            Store.Update("orders", Id("a"), [new("c", I(i), Now - 100 + i), new("d", I(-i), Now - 100 + i)]);

        Assert.Equal([4L, 3L, 2L, 1L], Store.LiveRows.GetRow("orders", Id("a"), ["c"], maxVersions: 100)!.Columns.Select(c => c.Value.AsInteger));
        Assert.Equal([4L, 3L], Store.LiveRows.GetRow("orders", Id("a"), ["c"], maxVersions: 2)!.Columns.Select(c => c.Value.AsInteger));
        Assert.Equal([4L, -4L], Store.LiveRows.GetRow("orders", Id("a"))!.Columns.Select(c => c.Value.AsInteger));
        Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 0)).Code);
        Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("orders", Id("a"), maxVersions: -1)).Code);
    }

    [Fact]
    public void Keys_must_be_complete_and_of_the_right_types()
    {
        Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Integer)]);
        Put("t", Key(("a", S("x")), ("b", I(1))));
        KeyColumn[][] bad =
        [
            [], Key(("a", S("x"))), Key(("b", I(1)), ("a", S("x"))), Key(("a", S("x")), ("b", S("1"))),
            Key(("a", S("x")), ("b", Value.InfMin)), Key(("a", Value.InfMax), ("b", I(1))),
            Key(("a", S("x")), ("b", I(1)), ("c", I(1))), Key(("a", S(new string('x', 1025))), ("b", I(1))),
        ];

        foreach (var key in bad)
            Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("t", key)).Code);
        Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("t", null!)).Code);
    }

    [Fact]
    public void GetRow_does_not_change_anything()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        var before = Store.Dump("orders");

        Store.LiveRows.GetRow("orders", Id("a"));
        Store.LiveRows.GetRow("orders", Id("b"));

        Assert.Equal(before, Store.Dump("orders"));
    }
}

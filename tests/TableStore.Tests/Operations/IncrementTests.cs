using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class IncrementTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    private void CreateTable(int maxVersions = 1, int timeToLive = -1) =>
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(timeToLive, maxVersions));

    private static RowWrite IncrementOf(string id, params ColumnIncrement[] increments) =>
        new(WriteType.Update, Id(id), Increments: increments);

    private RowWriteResult Increment(string id, params ColumnIncrement[] increments) =>
        Store.Writer.WriteRowWithResult("orders", IncrementOf(id, increments));

    private string Cells(string id) => Format(Store.LiveRows.GetRow("orders", Id(id), maxVersions: 100)!.Columns);

    [Fact]
    public void An_absent_column_starts_at_zero_in_a_missing_row_and_in_an_existing_one()
    {
        CreateTable();
        Put("orders", Id("a"), ("other", S("x")));

        Increment("a", new ColumnIncrement("n", 5));
        Increment("new", new ColumnIncrement("n", -3));

        Assert.Equal($"n=I:5@{Now},other=S:x@{Now}", Cells("a"));
        Assert.Equal($"n=I:-3@{Now}", Cells("new"));
        Assert.Equal(2, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void The_latest_INTEGER_version_grows_by_the_delta_as_a_new_version_at_server_time()
    {
        CreateTable(maxVersions: 3);
        Store.Update("orders", Id("a"), [new("n", I(100), Now - 2000), new("n", I(7), Now - 1000)]);

        Increment("a", new ColumnIncrement("n", 10));
        Clock.Advance(TimeSpan.FromMilliseconds(5));
        Increment("a", new ColumnIncrement("n", -2));

        Assert.Equal($"n=I:15@{Now},n=I:17@{Now - 5},n=I:7@{Now - 1005}", Cells("a"));
    }

    [Fact]
    public void Increments_in_the_same_millisecond_replace_the_version_they_read()
    {
        CreateTable(maxVersions: 3);

        Increment("a", new ColumnIncrement("n", 1));
        Increment("a", new ColumnIncrement("n", 1));

        Assert.Equal($"n=I:2@{Now}", Cells("a"));
    }

    [Fact]
    public void A_latest_version_in_the_future_is_replaced_so_the_new_value_stays_the_latest()
    {
        CreateTable(maxVersions: 3);
        Store.Update("orders", Id("a"), [new("n", I(1), Now + 60_000)]);

        Increment("a", new ColumnIncrement("n", 1));

        Assert.Equal($"n=I:2@{Now + 60_000}", Cells("a"));
    }

    [Fact]
    public void Expired_versions_are_not_counted()
    {
        CreateTable(timeToLive: 86_400);
        Store.Update("orders", Id("a"), [new("n", I(40))]);
        Clock.Advance(TimeSpan.FromDays(2));

        Increment("a", new ColumnIncrement("n", 1));

        Assert.Equal($"n=I:1@{Now}", Cells("a"));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("double")]
    [InlineData("boolean")]
    [InlineData("binary")]
    public void A_non_INTEGER_latest_version_cannot_be_incremented_and_nothing_is_written(string type)
    {
        CreateTable(maxVersions: 3);
        var value = type switch
        {
            "string" => S("1"),
            "double" => Value.Double(1),
            "boolean" => Value.Boolean(true),
            _ => Value.Binary([1]),
        };
        Store.Update("orders", Id("a"), [new("n", I(1), Now - 10), new("n", value)]);

        var error = Store.FailsWithoutChange(Invalid,
            () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Update, Id("a"), [new("other", I(1))], Increments: [new("n", 1)])),
            "orders");

        Assert.Contains("'n'", error.Message);
        Assert.Contains("not INTEGER", error.Message);
    }

    [Theory]
    [InlineData(long.MaxValue, 1)]
    [InlineData(long.MinValue, -1)]
    [InlineData(-2, long.MinValue)]
    [InlineData(1, long.MaxValue)]
    public void Overflow_is_rejected_naming_the_column(long start, long delta)
    {
        CreateTable();
        Put("orders", Id("a"), ("n", I(start)));

        var error = Store.FailsWithoutChange(Invalid, () => Increment("a", new ColumnIncrement("n", delta)), "orders");

        Assert.Contains("'n'", error.Message);
        Assert.Contains("overflow", error.Message);
    }

    [Fact]
    public void The_extremes_themselves_are_reachable()
    {
        CreateTable();
        Put("orders", Id("a"), ("up", I(long.MaxValue - 1)), ("down", I(long.MinValue + 1)));

        Increment("a", new ColumnIncrement("up", 1), new ColumnIncrement("down", -1));

        Assert.Equal($"down=I:{long.MinValue}@{Now},up=I:{long.MaxValue}@{Now}", Cells("a"));
    }

    public static TheoryData<string, RowWrite> MixedWrites => new()
    {
        { "put", new RowWrite(WriteType.Update, Id("a"), [new("n", I(1))], Increments: [new("n", 1)]) },
        { "version delete", new RowWrite(WriteType.Update, Id("a"), DeleteVersions: [new("n", 1)], Increments: [new("n", 1)]) },
        { "delete all", new RowWrite(WriteType.Update, Id("a"), DeleteAll: ["n"], Increments: [new("n", 1)]) },
        { "twice", new RowWrite(WriteType.Update, Id("a"), Increments: [new("n", 1), new("n", 2)]) },
        { "PutRow", new RowWrite(WriteType.Put, Id("a"), Increments: [new("n", 1)]) },
        { "DeleteRow", new RowWrite(WriteType.Delete, Id("a"), Increments: [new("n", 1)]) },
        { "key column", new RowWrite(WriteType.Update, Id("a"), Increments: [new("id", 1)]) },
        { "bad name", new RowWrite(WriteType.Update, Id("a"), Increments: [new("bad-name", 1)]) },
    };

    [Theory]
    [MemberData(nameof(MixedWrites))]
    public void An_increment_is_the_only_operation_on_its_column_and_only_UpdateRow_increments(string what, RowWrite write)
    {
        CreateTable();
        Put("orders", Id("a"), ("n", I(1)));

        var error = Store.FailsWithoutChange(Invalid, () => Store.Writer.WriteRow("orders", write), "orders");

        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
    }

    [Fact]
    public void The_change_record_holds_the_new_value_as_a_put()
    {
        CreateTable();
        Put("orders", Id("a"), ("n", I(40)));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Store.Writer.WriteRow("orders", new RowWrite(WriteType.Update, Id("a"), [new("x", S("y"))], DeleteAll: ["gone"], Increments: [new("n", 2)]));

        var change = Store.Changes(1).Single();
        Assert.Equal(ChangeAction.UpdateRow, change.Action);
        Assert.Equal(
            [
                new ColumnChange("gone", ColumnChangeType.DeleteAllVersions, null, null),
                new ColumnChange("n", ColumnChangeType.Put, I(42), Now),
                new ColumnChange("x", ColumnChangeType.Put, S("y"), Now),
            ],
            change.Columns.OrderBy(c => c.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_result_returns_the_incremented_cells_for_RT_AFTER_MODIFY()
    {
        CreateTable();
        Put("orders", Id("a"), ("n", I(40)), ("m", I(1)));

        var result = Store.Writer.WriteRowWithResult("orders",
            new RowWrite(WriteType.Update, Id("a"), [new("x", I(0))], Increments: [new("n", 2), new("fresh", 9)]));

        Assert.True(result.IsOk);
        Assert.Equal(Id("a"), result.PrimaryKey);
        Assert.Equal([new Cell("n", I(42), Now), new Cell("fresh", I(9), Now)], result.ReturnColumns);
        Assert.Null(Store.Writer.WriteRowWithResult("orders", new RowWrite(WriteType.Update, Id("a"), [new("x", I(1))])).ReturnColumns);
    }

    [Fact]
    public void Batch_rows_increment_each_on_their_own_and_return_their_cells()
    {
        CreateTable();
        Put("orders", Id("a"), ("n", I(1)));
        Put("orders", Id("text"), ("n", S("one")));

        var results = Store.Writer.BatchWriteRow([("orders", [IncrementOf("a", new ColumnIncrement("n", 1)), IncrementOf("text", new ColumnIncrement("n", 1)), IncrementOf("b", new ColumnIncrement("n", 5))])]).Single();

        Assert.Equal([null, Invalid, null], results.Select(r => r.Error?.Code));
        Assert.Equal([new Cell("n", I(2), Now)], results[0].ReturnColumns);
        Assert.Null(results[1].ReturnColumns);
        Assert.Equal([new Cell("n", I(5), Now)], results[2].ReturnColumns);
        Assert.Equal($"n=I:2@{Now}", Cells("a"));
        Assert.Equal($"n=S:one@{Now}", Cells("text"));
        Assert.Equal($"n=I:5@{Now}", Cells("b"));
    }

    [Fact]
    public void Increments_survive_a_restart()
    {
        CreateTable();
        Increment("a", new ColumnIncrement("n", 3));
        Reopen();

        Increment("a", new ColumnIncrement("n", 3));

        Assert.Equal($"n=I:6@{Now}", Cells("a"));
    }
}

using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class UpdateRowTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    private void CreateTable(int maxVersions) =>
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: maxVersions));

    private string Cells(string id, int maxVersions = 100) => Format(Store.LiveRows.GetRow("orders", Id(id), maxVersions: maxVersions)!.Columns);

    [Fact]
    public void UpdateRow_creates_a_missing_row()
    {
        CreateTable(1);

        Store.Update("orders", Id("a"), [new("x", I(1))]);

        Assert.Equal($"x=I:1@{Now}", Cells("a"));
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Equal(ChangeAction.UpdateRow, Store.Changes().Single().Action);
    }

    [Fact]
    public void Columns_the_update_does_not_name_stay_as_they_were()
    {
        CreateTable(1);
        Put("orders", Id("a"), ("keep", S("k")), ("change", I(1)), ("drop", I(2)));
        var written = Now;
        Clock.Advance(TimeSpan.FromSeconds(1));

        Store.Update("orders", Id("a"), [new("change", I(10)), new("add", Value.Boolean(true))], deleteAll: ["drop"]);

        Assert.Equal($"add=T@{Now},change=I:10@{Now},keep=S:k@{written}", Cells("a"));
    }

    [Fact]
    public void A_column_may_change_type_between_versions_and_rows()
    {
        CreateTable(3);
        Store.Update("orders", Id("a"), [new("c", I(1), Now - 2)]);
        Store.Update("orders", Id("a"), [new("c", S("one"), Now - 1)]);
        Store.Update("orders", Id("a"), [new("c", Value.Double(1.5), Now)]);
        Store.Update("orders", Id("b"), [new("c", Value.Binary([1]))]);

        Assert.Equal($"c=D:1.5@{Now},c=S:one@{Now - 1},c=I:1@{Now - 2}", Cells("a"));
        Assert.Equal($"c=B:01@{Now}", Cells("b"));
    }

    [Theory]
    [InlineData(RowExistence.Ignore, false, true)]
    [InlineData(RowExistence.Ignore, true, true)]
    [InlineData(RowExistence.ExpectExist, false, false)]
    [InlineData(RowExistence.ExpectExist, true, true)]
    public void Conditions_decide_whether_the_update_happens(RowExistence condition, bool exists, bool succeeds)
    {
        CreateTable(1);
        Put("orders", Id("other"), ("x", I(0)));
        if (exists)
            Put("orders", Id("a"), ("x", I(1)), ("y", I(1)));
        var update = () => Store.Update("orders", Id("a"), [new("x", I(2))], deleteAll: ["y"], condition: condition);

        if (!succeeds)
        {
            Store.FailsWithoutChange(TableStoreError.ConditionCheckFail, () => update(), "orders");
            Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
            return;
        }
        update();
        Assert.Equal($"x=I:2@{Now}", Cells("a"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EXPECT_NOT_EXIST_is_not_allowed_for_UpdateRow(bool exists)
    {
        CreateTable(1);
        if (exists)
            Put("orders", Id("a"), ("x", I(1)));

        var error = Store.FailsWithoutChange(Invalid,
            () => Store.Update("orders", Id("a"), [new("x", I(2))], condition: RowExistence.ExpectNotExist), "orders");

        Assert.Contains("EXPECT_NOT_EXIST", error.Message);
    }

    [Fact]
    public void DELETE_removes_exactly_the_version_with_that_timestamp()
    {
        CreateTable(5);
        var t = Now;
        Store.Update("orders", Id("a"), [new("c", I(1), t - 3), new("d", I(9), t - 2)]);
        Store.Update("orders", Id("a"), [new("c", I(2), t - 2)]);
        Store.Update("orders", Id("a"), [new("c", I(3), t - 1)]);

        Store.Update("orders", Id("a"), deleteVersions: [new("c", t - 2)]);
        Assert.Equal($"c=I:3@{t - 1},c=I:1@{t - 3},d=I:9@{t - 2}", Cells("a"));

        Store.Update("orders", Id("a"), deleteVersions: [new("c", t - 5), new("c", t - 2), new("missing", t)]);
        Assert.Equal($"c=I:3@{t - 1},c=I:1@{t - 3},d=I:9@{t - 2}", Cells("a"));

        Store.Update("orders", Id("a"), deleteVersions: [new("c", t - 1), new("c", t - 3)]);
        Assert.Equal($"d=I:9@{t - 2}", Cells("a"));
    }

    [Fact]
    public void DELETE_ALL_removes_every_version_of_the_column_only()
    {
        CreateTable(5);
        var t = Now;
        Store.Update("orders", Id("a"), [new("c", I(1), t - 2), new("other", I(5), t - 2)]);
        Store.Update("orders", Id("a"), [new("c", I(2), t - 1)]);

        Store.Update("orders", Id("a"), deleteAll: ["c", "never_written"]);

        Assert.Equal($"other=I:5@{t - 2}", Cells("a"));
    }

    [Fact]
    public void A_row_whose_attributes_are_all_deleted_still_exists()
    {
        CreateTable(1);
        Put("orders", Id("a"), ("x", I(1)), ("y", I(2)));

        Store.Update("orders", Id("a"), deleteAll: ["x", "y"]);

        var row = Store.LiveRows.GetRow("orders", Id("a"));
        Assert.NotNull(row);
        Assert.Empty(row.Columns);
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Single(Store.Rows("orders"));
        Store.Update("orders", Id("a"), [new("z", I(3))], condition: RowExistence.ExpectExist);
    }

    [Fact]
    public void An_update_of_a_missing_row_that_only_deletes_creates_no_row()
    {
        CreateTable(1);

        Store.Update("orders", Id("a"), deleteVersions: [new("x", Now)], deleteAll: ["y"]);

        Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Equal(0, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Empty(Store.Rows("orders"));
    }

    [Fact]
    public void Older_versions_beyond_maxVersions_are_trimmed_and_reads_return_newest_first()
    {
        CreateTable(2);
        var t = Now;
        Store.Update("orders", Id("a"), [new("c", I(1), t - 30)]);
        Store.Update("orders", Id("a"), [new("c", I(2), t - 20)]);
        Store.Update("orders", Id("a"), [new("c", I(3), t - 10)]);

        Assert.Equal($"c=I:3@{t - 10},c=I:2@{t - 20}", Cells("a"));
        Assert.Equal($"c=I:3@{t - 10}", Cells("a", maxVersions: 1));

        Store.Update("orders", Id("a"), [new("c", I(0), t - 40)]);
        Assert.Equal($"c=I:3@{t - 10},c=I:2@{t - 20}", Cells("a"));

        Store.Update("orders", Id("a"), [new("c", I(4), t - 15)]);
        Assert.Equal($"c=I:3@{t - 10},c=I:4@{t - 15}", Cells("a"));

        Store.Tables.UpdateTable("orders", new TableOptions(MaxVersions: 10), null);
        Assert.Equal($"c=I:3@{t - 10},c=I:4@{t - 15}", Cells("a"));
    }

    [Fact]
    public void Writing_a_version_with_an_existing_timestamp_replaces_it()
    {
        CreateTable(3);
        var t = Now - 100;
        Store.Update("orders", Id("a"), [new("c", I(1), t)]);

        Store.Update("orders", Id("a"), [new("c", S("again"), t)]);

        Assert.Equal($"c=S:again@{t}", Cells("a"));
    }

    [Fact]
    public void Server_timestamps_of_later_updates_add_versions()
    {
        CreateTable(3);
        for (var i = 0; i < 4; i++)
        {
            Store.Update("orders", Id("a"), [new("c", I(i))]);
            Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var cells = Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 5)!.Columns;

        Assert.Equal([3L, 2L, 1L], cells.Select(c => c.Value.AsInteger));
        Assert.Equal(cells.Select(c => c.Timestamp).OrderDescending(), cells.Select(c => c.Timestamp));
        Assert.Equal(2, Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 2)!.Columns.Count);
    }

    [Fact]
    public void Limits_apply_to_puts_and_deletions_together()
    {
        CreateTable(1);
        Put("orders", Id("a"), ("x", I(1)));
        ColumnPut[] puts = [.. Enumerable.Range(0, 512).Select(i => new ColumnPut($"p{i}", I(i)))];
        string[] deletes = [.. Enumerable.Range(0, 512).Select(i => $"d{i}")];

        Store.Update("orders", Id("a"), puts, deleteAll: deletes);
        Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), puts, [new("z", Now)], deletes), "orders");
        Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), [new("v", Value.Binary(new byte[2 * 1024 * 1024 + 1]))]), "orders");
        Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), [new("v", I(1), Now - 86_400_001)]), "orders");
    }

    [Fact]
    public void Deletions_need_valid_attribute_column_names()
    {
        CreateTable(1);
        Put("orders", Id("a"), ("x", I(1)));

        foreach (var name in new[] { "id", "", "1x", "x-y", new string('x', 256) })
        {
            Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), deleteAll: [name]), "orders");
            Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), deleteVersions: [new(name, Now)]), "orders");
            Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), [new("ok", I(1))], deleteAll: [name]), "orders");
        }
    }

    [Fact]
    public void An_update_with_nothing_to_change_still_succeeds()
    {
        CreateTable(1);
        Put("orders", Id("a"), ("x", I(1)));

        Store.Update("orders", Id("a"), condition: RowExistence.ExpectExist);

        Assert.Equal($"x=I:1@{Now}", Cells("a"));
    }

    [Fact]
    public void Updates_persist_across_restarts()
    {
        CreateTable(3);
        var t = Now;
        Store.Update("orders", Id("a"), [new("c", I(1), t - 2), new("d", I(1))]);
        Store.Update("orders", Id("a"), [new("c", I(2), t - 1)], deleteAll: ["d"]);

        Reopen();

        Assert.Equal($"c=I:2@{t - 1},c=I:1@{t - 2}", Cells("a"));
        Store.Update("orders", Id("a"), deleteVersions: [new("c", t - 1)], condition: RowExistence.ExpectExist);
        Assert.Equal($"c=I:1@{t - 2}", Cells("a"));
    }
}

using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class DeleteRowTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    [Fact]
    public void DeleteRow_removes_the_row_and_only_that_row()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        Put("orders", Id("b"), ("x", I(2)));
        var sequence = Store.ChangeLog.LastSequence;

        var key = Store.Delete("orders", Id("a"));

        Assert.Equal(Id("a"), key);
        Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.NotNull(Store.LiveRows.GetRow("orders", Id("b")));
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
        var change = Assert.Single(Store.Changes(sequence));
        Assert.Equal(ChangeAction.DeleteRow, change.Action);
        Assert.Equal(Id("a"), change.PrimaryKey);
        Assert.Empty(change.Columns);

        Reopen();

        Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Equal(["b"], Store.Rows("orders").Select(r => r.PrimaryKey[0].Value.AsString));
    }

    [Fact]
    public void Deleting_a_missing_row_with_IGNORE_succeeds_and_changes_no_row()
    {
        CreateTable();
        Put("orders", Id("b"), ("x", I(2)));
        var rows = Store.Rows("orders").Select(Format).ToList();

        Store.Delete("orders", Id("a"));

        Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Equal(rows, Store.Rows("orders").Select(Format));
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EXPECT_EXIST_deletes_an_existing_row_and_fails_on_a_missing_one(bool exists)
    {
        CreateTable();
        Put("orders", Id("other"));
        if (exists)
            Put("orders", Id("a"), ("x", I(1)));

        if (!exists)
        {
            Store.FailsWithoutChange(TableStoreError.ConditionCheckFail, () => Store.Delete("orders", Id("a"), RowExistence.ExpectExist), "orders");
            return;
        }
        Store.Delete("orders", Id("a"), RowExistence.ExpectExist);
        Assert.Null(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Equal(ChangeAction.DeleteRow, Store.Changes().Last().Action);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EXPECT_NOT_EXIST_is_not_allowed_for_DeleteRow(bool exists)
    {
        CreateTable();
        if (exists)
            Put("orders", Id("a"), ("x", I(1)));

        var error = Store.FailsWithoutChange(Invalid, () => Store.Delete("orders", Id("a"), RowExistence.ExpectNotExist), "orders");

        Assert.Contains("EXPECT_NOT_EXIST", error.Message);
    }

    [Fact]
    public void DeleteRow_takes_no_columns()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));

        Store.FailsWithoutChange(Invalid, () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Delete, Id("a"), [new("x", I(1))])), "orders");
        Store.FailsWithoutChange(Invalid, () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Delete, Id("a"), DeleteAll: ["x"])), "orders");
        Store.FailsWithoutChange(Invalid,
            () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Delete, Id("a"), DeleteVersions: [new("x", Now)])), "orders");
    }

    [Fact]
    public void A_row_put_again_after_a_delete_has_none_of_its_old_cells()
    {
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: 5));
        Store.Update("orders", Id("a"), [new("x", I(1), Now - 2), new("y", I(1))]);
        Store.Update("orders", Id("a"), [new("x", I(2), Now - 1)]);
        Store.Delete("orders", Id("a"));

        Store.Update("orders", Id("a"), [new("x", I(3), Now - 3)]);

        Assert.Equal($"x=I:3@{Now - 3}", Format(Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 5)!.Columns));
    }

    [Fact]
    public void Rows_with_multi_column_keys_are_deleted_by_the_full_key_only()
    {
        Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Integer)]);
        Put("t", Key(("a", S("x")), ("b", I(1))));
        Put("t", Key(("a", S("x")), ("b", I(2))));

        Store.FailsWithoutChange(Invalid, () => Store.Delete("t", Key(("a", S("x")))), "t");
        Store.FailsWithoutChange(Invalid, () => Store.Delete("t", Key(("a", S("x")), ("b", Value.InfMax))), "t");
        Store.Delete("t", Key(("a", S("x")), ("b", I(1))));

        Assert.Equal([2L], Store.Rows("t").Select(r => r.PrimaryKey[1].Value.AsInteger));
    }
}

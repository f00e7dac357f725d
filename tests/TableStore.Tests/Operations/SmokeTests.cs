using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class SmokeTests : StoreTest
{
    [Fact]
    public void A_put_row_reads_back_and_logs_one_change()
    {
        CreateTable();
        Put("orders", Id("a"), ("qty", Value.Integer(3)), ("name", Value.String("x")));

        var row = Store.LiveRows.GetRow("orders", Id("a"));

        Assert.NotNull(row);
        Assert.Equal(["name", "qty"], row.Columns.Select(c => c.Name));
        var change = Assert.Single(Store.ChangeLog.ReadChanges(0, 10));
        Assert.Equal(1, change.Sequence);
        Assert.Equal(Now, change.CommitTime);
    }

    [Fact]
    public void Data_survives_a_restart()
    {
        CreateTable();
        Put("orders", Id("a"), ("qty", Value.Integer(3)));
        Reopen();
        Assert.NotNull(Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Equal(1, Store.ChangeLog.LastSequence);
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
    }
}

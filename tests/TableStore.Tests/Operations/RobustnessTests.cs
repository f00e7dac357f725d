using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class RobustnessTests : StoreTest
{
    [Fact]
    public void A_key_or_value_with_an_unpaired_surrogate_is_rejected_not_silently_changed()
    {
        CreateTable();

        Assert.Contains("not valid Unicode text", ErrorOf(() => Put("orders", Id("a\uD800b"))).Message);
        Assert.Contains("not valid Unicode text", ErrorOf(() => Put("orders", Id("a"), ("note", S("\uDC00")))).Message);

        Put("orders", Id("\uD83D\uDE00"), ("note", S("ok \uD83D\uDE00")));
        Assert.Equal("ok \uD83D\uDE00", Store.LiveRows.GetRow("orders", Id("\uD83D\uDE00"))!.Columns[0].Value.AsString);
        Assert.Equal(1, Store.ChangeLog.LastSequence);
    }

    [Fact]
    public void An_explicit_auto_increment_value_is_never_generated_again()
    {
        Store.Tables.CreateTable("events", [new("shard", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)]);
        var far = (Now + 10_000_000) * 1000;
        Store.Update("events", Key(("shard", S("s")), ("seq", I(far))), [new ColumnPut("mark", S("explicit"))]);

        var generated = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Key(("shard", S("s")), ("seq", Value.AutoIncrement)),
            [new ColumnPut("mark", S("generated"))]));

        Assert.True(generated[1].Value.AsInteger > far);
        Assert.Equal("explicit", Store.LiveRows.GetRow("events", Key(("shard", S("s")), ("seq", I(far))))!.Columns[0].Value.AsString);
        Reopen();
        var afterRestart = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Key(("shard", S("s")), ("seq", Value.AutoIncrement))));
        Assert.True(afterRestart[1].Value.AsInteger > generated[1].Value.AsInteger);
    }

    [Fact]
    public void A_closed_store_refuses_every_operation_instead_of_touching_freed_native_memory()
    {
        CreateTable();
        Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Store.LiveRows.GetRow("orders", Id("a")));
        Assert.Throws<ObjectDisposedException>(() => Store.LiveRows.GetRange(new GetRangeRequest("orders", Direction.Forward,
            Store.Bound("orders", Value.InfMin), Store.Bound("orders", Value.InfMax))));
        Assert.Throws<ObjectDisposedException>(() => Put("orders", Id("a")));
        Assert.Throws<ObjectDisposedException>(() => Store.ChangeLog.ReadChanges(0, 10));
        Assert.Throws<ObjectDisposedException>(() => Store.LiveRows.OpenSnapshot());
        Assert.Throws<ObjectDisposedException>(() => Store.ChangeLog.SetChangeHold("task", 0));
        Assert.Throws<ObjectDisposedException>(() => Store.Tables.CreateTable("other", [new("id", PrimaryKeyType.String)]));
        Assert.Throws<ObjectDisposedException>(() => Store.Tables.DeleteTable("orders"));
        Assert.Throws<ObjectDisposedException>(() => Store.ChangeLog.TrimChanges());
        Reopen();
        Assert.Equal(["orders"], Store.Tables.ListTable());
    }

    [Fact]
    public void A_name_with_a_trailing_newline_is_not_a_valid_name()
    {
        Assert.Contains("Table name 'orders\n' is invalid", ErrorOf(() => CreateTable("orders\n")).Message);
        CreateTable();
        Assert.Contains("Column name 'note\n' is invalid", ErrorOf(() => Put("orders", Id("a"), ("note\n", S("x")))).Message);
    }
}

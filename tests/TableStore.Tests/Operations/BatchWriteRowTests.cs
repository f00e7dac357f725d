using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class BatchWriteRowTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    private static RowWrite PutOf(string id, params ColumnPut[] columns) => new(WriteType.Put, Id(id), columns);

    private IReadOnlyList<IReadOnlyList<RowWriteResult>> Batch(params (string Table, RowWrite[] Rows)[] tables) =>
        Store.Writer.BatchWriteRow([.. tables.Select(t => (t.Table, (IReadOnlyList<RowWrite>)t.Rows))]);

    [Fact]
    public void Each_row_succeeds_or_fails_on_its_own()
    {
        CreateTable();
        Put("orders", Id("exists"), ("x", I(1)));
        Put("orders", Id("exists2"), ("x", I(1)), ("y", I(1)));
        Put("orders", Id("c"), ("x", I(1)));
        var untouched = Store.Rows("orders").Where(r => r.PrimaryKey[0].Value.AsString is "c").Select(Format).Single();
        var sequence = Store.ChangeLog.LastSequence;
        Clock.Advance(TimeSpan.FromSeconds(1));

        var results = Batch(("orders",
        [
            PutOf("a", new ColumnPut("x", I(10))),
            new RowWrite(WriteType.Update, Id("missing"), [new("x", I(1))], Condition: RowExistence.ExpectExist),
            new RowWrite(WriteType.Put, Key(("id", I(5))), [new("x", I(1))]),
            new RowWrite(WriteType.Delete, Id("exists")),
            PutOf("b", new ColumnPut("bad-name", I(1))),
            new RowWrite(WriteType.Update, Id("exists2"), [new("x", I(2))]),
            new RowWrite(WriteType.Put, Id("c"), [new("x", I(3))], Condition: RowExistence.ExpectNotExist),
            new RowWrite(WriteType.Delete, Id("d"), Condition: RowExistence.ExpectNotExist),
        ])).Single();

        Assert.Equal(8, results.Count);
        Assert.Equal([true, false, false, true, false, true, false, false], results.Select(r => r.IsOk));
        Assert.Equal([null, TableStoreError.ConditionCheckFail, Invalid, null, Invalid, null, TableStoreError.ConditionCheckFail, Invalid],
            results.Select(r => r.Error?.Code));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Null(r.PrimaryKey));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.False(string.IsNullOrWhiteSpace(r.Error!.Message)));
        Assert.Equal(Id("a"), results[0].PrimaryKey);
        Assert.Equal(Id("exists2"), results[5].PrimaryKey);

        Assert.Equal($"x=I:10@{Now}", Format(Store.LiveRows.GetRow("orders", Id("a"))!.Columns));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("exists")));
        Assert.Equal($"x=I:2@{Now},y=I:1@{Now - 1000}", Format(Store.LiveRows.GetRow("orders", Id("exists2"))!.Columns));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("missing")));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("b")));
        Assert.Equal(untouched, Format(Store.LiveRows.GetRow("orders", Id("c"))!));
        Assert.Equal(3, Store.Tables.DescribeTable("orders").RowCount);

        var changes = Store.Changes(sequence);
        Assert.Equal([sequence + 1, sequence + 2, sequence + 3], changes.Select(c => c.Sequence));
        Assert.Equal(sequence + 3, Store.ChangeLog.LastSequence);
        Assert.Equal([ChangeAction.PutRow, ChangeAction.DeleteRow, ChangeAction.UpdateRow], changes.Select(c => c.Action));
        Assert.Equal(["a", "exists", "exists2"], changes.Select(c => c.PrimaryKey.Single().Value.AsString));
        Assert.All(changes, c => Assert.Equal(Now, c.CommitTime));
    }

    [Fact]
    public void A_batch_where_every_row_fails_commits_nothing()
    {
        CreateTable();
        Put("orders", Id("a"));

        var before = Store.Dump("orders");
        var results = Batch(("orders",
        [
            new RowWrite(WriteType.Put, Id("a"), Condition: RowExistence.ExpectNotExist),
            new RowWrite(WriteType.Delete, Id("b"), Condition: RowExistence.ExpectExist),
        ]), ("nope", [PutOf("a")])).SelectMany(r => r).ToList();

        Assert.All(results, r => Assert.False(r.IsOk));
        Assert.Equal(before, Store.Dump("orders"));
    }

    [Fact]
    public void At_most_200_rows()
    {
        CreateTable();
        CreateTable("other");

        var results = Batch(("orders", [.. Enumerable.Range(0, 200).Select(i => PutOf($"r{i:D3}"))]));
        Assert.Equal(200, results.Single().Count(r => r.IsOk));
        Assert.Equal(200, Store.Tables.DescribeTable("orders").RowCount);

        var error = Store.FailsWithoutChange(Invalid,
            () => Batch(("orders", [.. Enumerable.Range(0, 201).Select(i => PutOf($"s{i:D3}"))])), "orders", "other");
        Assert.Contains("200", error.Message);
        Store.FailsWithoutChange(Invalid,
            () => Batch(("orders", [.. Enumerable.Range(0, 100).Select(i => PutOf($"s{i:D3}"))]),
                ("other", [.. Enumerable.Range(0, 101).Select(i => PutOf($"s{i:D3}"))])), "orders", "other");
        Store.FailsWithoutChange(Invalid, () => Batch(), "orders", "other");
        Store.FailsWithoutChange(Invalid, () => Batch(("orders", [])), "orders", "other");
    }

    [Fact]
    public void At_most_4_MiB()
    {
        CreateTable();
        var big = Value.Binary(new byte[1536 * 1024]);

        Store.FailsWithoutChange(Invalid,
            () => Batch(("orders", [PutOf("a", new ColumnPut("v", big)), PutOf("b", new ColumnPut("v", big)), PutOf("c", new ColumnPut("v", big))])), "orders");
        var error = Store.FailsWithoutChange(Invalid,
            () => Batch(("orders", [PutOf("a", new ColumnPut("v", big)), new RowWrite(WriteType.Update, Id("b"), [new("v", big), new("w", big)])])), "orders");
        Assert.Contains("bytes", error.Message);

        var nearly = Value.Binary(new byte[1900 * 1024]);
        var results = Batch(("orders", [PutOf("a", new ColumnPut("v", nearly)), PutOf("b", new ColumnPut("v", nearly))])).Single();
        Assert.All(results, r => Assert.True(r.IsOk));
        Assert.Equal(2, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void A_key_named_twice_for_one_table_rejects_the_whole_request()
    {
        CreateTable();
        CreateTable("other");
        Put("orders", Id("x"), ("v", I(0)));

        var error = Store.FailsWithoutChange(Invalid, () => Batch(("orders",
        [
            PutOf("a", new ColumnPut("v", I(1))),
            PutOf("x", new ColumnPut("v", I(1))),
            new RowWrite(WriteType.Delete, Id("x")),
        ])), "orders", "other");
        Assert.Contains("more than once", error.Message);

        Store.FailsWithoutChange(Invalid, () => Batch(("orders", [PutOf("a")]), ("other", [PutOf("b")]), ("orders", [PutOf("a")])),
            "orders", "other");
        Store.FailsWithoutChange(Invalid, () => Batch(("orders",
        [
            new RowWrite(WriteType.Update, Id("x"), [new("v", I(2))]),
            new RowWrite(WriteType.Update, Id("x"), [new("w", I(2))]),
        ])), "orders", "other");

        var results = Batch(("orders", [PutOf("x", new ColumnPut("v", I(5)))]), ("other", [PutOf("x", new ColumnPut("v", I(6)))]));
        Assert.All(results.SelectMany(r => r), r => Assert.True(r.IsOk));
        Assert.Equal(I(5), Store.LiveRows.GetRow("orders", Id("x"))!.Columns.Single().Value);
        Assert.Equal(I(6), Store.LiveRows.GetRow("other", Id("x"))!.Columns.Single().Value);
    }

    [Fact]
    public void Rows_across_tables_get_results_per_table_in_request_order()
    {
        CreateTable();
        Store.Tables.CreateTable("numbers", [new("n", PrimaryKeyType.Integer)]);
        var sequence = Store.ChangeLog.LastSequence;

        var results = Batch(
            ("orders", [PutOf("a"), PutOf("b")]),
            ("numbers", [new RowWrite(WriteType.Put, Key(("n", I(1)))), new RowWrite(WriteType.Put, Id("wrong")), new RowWrite(WriteType.Put, Key(("n", I(2))))]),
            ("nope", [PutOf("a"), PutOf("b")]));

        Assert.Equal([2, 3, 2], results.Select(r => r.Count));
        Assert.Equal([true, true], results[0].Select(r => r.IsOk));
        Assert.Equal([null, Invalid, null], results[1].Select(r => r.Error?.Code));
        Assert.Equal(Key(("n", I(2))), results[1][2].PrimaryKey);
        Assert.All(results[2], r => Assert.Equal(TableStoreError.ObjectNotExist, r.Error!.Code));
        Assert.Equal(2, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Equal(2, Store.Tables.DescribeTable("numbers").RowCount);
        Assert.Equal(["orders", "orders", "numbers", "numbers"], Store.Changes(sequence).Select(c => c.TableName));
        Assert.Equal(sequence + 4, Store.ChangeLog.LastSequence);
    }

    [Fact]
    public void Auto_increment_placeholders_in_one_batch_get_distinct_increasing_values()
    {
        Store.Tables.CreateTable("events", [new("shard", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)]);
        var placeholder = Key(("shard", S("a")), ("seq", Value.AutoIncrement));

        var results = Batch(("events",
        [
            new RowWrite(WriteType.Put, placeholder, [new("i", I(0))]),
            new RowWrite(WriteType.Put, placeholder, [new("i", I(1))]),
            new RowWrite(WriteType.Update, placeholder, [new("i", I(2))]),
            new RowWrite(WriteType.Put, placeholder, [new("i", I(3))], Condition: RowExistence.ExpectNotExist),
            new RowWrite(WriteType.Put, placeholder, [new("i", I(4))]),
        ])).Single();

        Assert.Equal([null, null, Invalid, Invalid, null], results.Select(r => r.Error?.Code));
        var values = results.Where(r => r.IsOk).Select(r => r.PrimaryKey![1].Value.AsInteger).ToList();
        Assert.Equal(values.Order(), values);
        Assert.Equal(3, values.Distinct().Count());
        Assert.Equal([0L, 1L, 4L], Store.Rows("events").Select(r => r.Columns.Single().Value.AsInteger));
        Assert.Equal(values, Store.Changes().Select(c => c.PrimaryKey[1].Value.AsInteger));

        var next = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, placeholder))[1].Value.AsInteger;
        Assert.True(next > values[^1]);
    }

    [Fact]
    public void A_batch_sees_each_rows_state_from_before_the_batch()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));

        var results = Batch(("orders",
        [
            new RowWrite(WriteType.Delete, Id("a"), Condition: RowExistence.ExpectExist),
            new RowWrite(WriteType.Put, Id("b"), [new("x", I(2))], Condition: RowExistence.ExpectNotExist),
            new RowWrite(WriteType.Update, Id("c"), [new("x", I(3))], Condition: RowExistence.ExpectExist),
        ])).Single();

        Assert.Equal([null, null, TableStoreError.ConditionCheckFail], results.Select(r => r.Error?.Code));
        Assert.Equal(["b"], Store.Rows("orders").Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);

        Reopen();

        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Equal(3, Store.ChangeLog.LastSequence);
    }
}

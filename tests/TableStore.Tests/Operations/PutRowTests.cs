using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class PutRowTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;

    private IReadOnlyList<KeyColumn> PutRow(string table, IReadOnlyList<KeyColumn> key, IReadOnlyList<ColumnPut>? columns = null,
        RowExistence condition = RowExistence.Ignore) =>
        Store.Writer.WriteRow(table, new RowWrite(WriteType.Put, key, columns, Condition: condition));

    private TableMeta CreateTable(string name = "orders", TableOptions? options = null) =>
        Store.Tables.CreateTable(name, [new("id", PrimaryKeyType.String)], options: options);

    private void CreateAutoIncrementTable(string name = "events") =>
        Store.Tables.CreateTable(name, [new("shard", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)]);

    private static KeyColumn[] Event(string shard, Value seq) => Key(("shard", S(shard)), ("seq", seq));

    [Fact]
    public void Every_value_type_reads_back_exactly()
    {
        CreateTable();
        byte[] bytes = [0, 1, 0x7F, 0x80, 0xFF];
        ColumnPut[] columns =
        [
            new("s", S("héllo 表 \0 end")), new("empty", S("")), new("min", I(long.MinValue)), new("max", I(long.MaxValue)),
            new("d", Value.Double(-0.125)), new("nan", Value.Double(double.NaN)), new("inf", Value.Double(double.PositiveInfinity)),
            new("t", Value.Boolean(true)), new("f", Value.Boolean(false)), new("bin", Value.Binary(bytes)), new("nobin", Value.Binary([])),
        ];

        PutRow("orders", Id("a"), columns);
        Reopen();

        var row = Store.LiveRows.GetRow("orders", Id("a"))!;
        Assert.Equal(Id("a"), row.PrimaryKey);
        Assert.Equal(columns.Select(c => c.Name).Order(StringComparer.Ordinal), row.Columns.Select(c => c.Name));
        foreach (var column in columns)
        {
            var cell = row.Columns.Single(c => c.Name == column.Name);
            Assert.Equal(column.Value, cell.Value);
            Assert.Equal(Now, cell.Timestamp);
        }
    }

    [Fact]
    public void PutRow_replaces_the_whole_row_with_all_its_versions()
    {
        CreateTable(options: new TableOptions(MaxVersions: 5));
        Store.Update("orders", Id("a"), [new("old", I(1), Now - 2), new("kept", I(1), Now - 2)]);
        Store.Update("orders", Id("a"), [new("kept", I(2), Now - 1)]);

        PutRow("orders", Id("a"), [new("kept", I(3)), new("new", S("x"))]);

        var row = Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 5)!;
        Assert.Equal($"kept=I:3@{Now},new=S:x@{Now}", Format(row.Columns));
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
    }

    [Fact]
    public void A_row_without_attributes_exists()
    {
        CreateTable();

        PutRow("orders", Id("a"));

        var row = Store.LiveRows.GetRow("orders", Id("a"));
        Assert.NotNull(row);
        Assert.Empty(row.Columns);
        Assert.Equal(1, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Equal(TableStoreError.ConditionCheckFail,
            ErrorOf(() => PutRow("orders", Id("a"), condition: RowExistence.ExpectNotExist)).Code);
    }

    [Theory]
    [InlineData(RowExistence.Ignore, false, true)]
    [InlineData(RowExistence.Ignore, true, true)]
    [InlineData(RowExistence.ExpectExist, false, false)]
    [InlineData(RowExistence.ExpectExist, true, true)]
    [InlineData(RowExistence.ExpectNotExist, false, true)]
    [InlineData(RowExistence.ExpectNotExist, true, false)]
    public void Conditions_decide_whether_the_put_happens(RowExistence condition, bool exists, bool succeeds)
    {
        CreateTable();
        Put("orders", Id("other"), ("x", I(0)));
        if (exists)
            Put("orders", Id("a"), ("x", I(1)));

        if (!succeeds)
        {
            var error = Store.FailsWithoutChange(TableStoreError.ConditionCheckFail,
                () => PutRow("orders", Id("a"), [new("x", I(2))], condition), "orders");
            Assert.Contains("ondition", error.Message);
            return;
        }
        var sequence = Store.ChangeLog.LastSequence;
        PutRow("orders", Id("a"), [new("x", I(2))], condition);
        Assert.Equal(I(2), Store.LiveRows.GetRow("orders", Id("a"))!.Columns.Single().Value);
        Assert.Equal(sequence + 1, Store.ChangeLog.LastSequence);
        Assert.Equal(ChangeAction.PutRow, Store.Changes(sequence).Single().Action);
    }

    [Fact]
    public void Server_timestamps_are_the_clock_and_client_timestamps_are_kept()
    {
        CreateTable();
        Clock.Advance(TimeSpan.FromMilliseconds(1234));

        PutRow("orders", Id("a"), [new("server", I(1)), new("client", I(2), Now - 5000), new("ahead", I(3), Now + 5000)]);

        var cells = Store.LiveRows.GetRow("orders", Id("a"))!.Columns.ToDictionary(c => c.Name, c => c.Timestamp);
        Assert.Equal(Now, cells["server"]);
        Assert.Equal(Now - 5000, cells["client"]);
        Assert.Equal(Now + 5000, cells["ahead"]);
    }

    [Theory]
    [InlineData(-86_400_000L, true)]
    [InlineData(-86_400_001L, false)]
    [InlineData(86_399_999L, true)]
    [InlineData(86_400_000L, false)]
    [InlineData(-10 * 86_400_000L, false)]
    public void Client_timestamps_must_be_within_the_max_time_deviation(long offset, bool accepted)
    {
        CreateTable();
        var write = () => PutRow("orders", Id("a"), [new("x", I(1)), new("y", I(2), Now + offset)]);

        if (accepted)
            Assert.Equal(Now + offset, Store.LiveRows.GetRow("orders", Id(write()[0].Value.AsString))!.Columns.Single(c => c.Name == "y").Timestamp);
        else
            Assert.Contains("maxTimeDeviation", Store.FailsWithoutChange(Invalid, () => write(), "orders").Message);
    }

    [Fact]
    public void The_max_time_deviation_is_a_table_option()
    {
        CreateTable(options: new TableOptions(MaxTimeDeviation: 10));

        PutRow("orders", Id("a"), [new("x", I(1), Now - 10_000)]);
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("a"), [new("x", I(1), Now - 10_001)]), "orders");
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("a"), [new("x", I(1), Now + 10_000)]), "orders");
        Store.Tables.UpdateTable("orders", new TableOptions(MaxTimeDeviation: 20), null);
        PutRow("orders", Id("a"), [new("x", I(1), Now + 10_000)]);
    }

    [Fact]
    public void Time_to_live_hides_expired_versions_and_rejects_writes_older_than_it()
    {
        CreateTable(options: new TableOptions(TimeToLive: 86_400, MaxTimeDeviation: 200_000));
        var start = Now;
        PutRow("orders", Id("a"), [new("x", I(1)), new("young", I(2), start + 10_000)]);
        PutRow("orders", Id("old"), [new("x", I(3), start - 86_400_000)]);

        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("b"), [new("x", I(1), start - 86_400_001)]), "orders");
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("b"), [new("x", I(1), start - 90_000_000)]), "orders");
        Assert.Single(Store.LiveRows.GetRow("orders", Id("old"))!.Columns);

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(Store.LiveRows.GetRow("orders", Id("old"))?.Columns ?? []);
        Assert.Equal(2, Store.LiveRows.GetRow("orders", Id("a"))!.Columns.Count);

        Clock.Advance(TimeSpan.FromSeconds(86_400));
        Assert.Equal("young", Assert.Single(Store.LiveRows.GetRow("orders", Id("a"))!.Columns).Name);
        Assert.Equal("young", Assert.Single(Store.Rows("orders").Single(r => r.PrimaryKey[0].Value.AsString == "a").Columns).Name);

        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(Store.LiveRows.GetRow("orders", Id("a"))?.Columns ?? []);
        Assert.All(Store.Rows("orders"), r => Assert.Empty(r.Columns));
    }

    [Fact]
    public void Without_time_to_live_nothing_expires()
    {
        CreateTable();
        PutRow("orders", Id("a"), [new("x", I(1))]);

        Clock.Advance(TimeSpan.FromDays(100));

        Assert.Single(Store.LiveRows.GetRow("orders", Id("a"))!.Columns);
    }

    [Theory]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void String_and_binary_key_values_are_at_most_1_KiB(int bytes, bool accepted)
    {
        CreateTable();
        Store.Tables.CreateTable("bin", [new("id", PrimaryKeyType.Binary)]);
        var text = new string('k', bytes);
        var multiByte = new string('€', bytes / 3) + new string('k', bytes % 3);
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetByteCount(multiByte));
        var binary = new byte[bytes];

        if (accepted)
        {
            PutRow("orders", Id(text));
            PutRow("orders", Id(multiByte));
            PutRow("bin", Key(("id", Value.Binary(binary))));
            Assert.NotNull(Store.LiveRows.GetRow("orders", Id(text)));
            Assert.NotNull(Store.LiveRows.GetRow("orders", Id(multiByte)));
            Assert.NotNull(Store.LiveRows.GetRow("bin", Key(("id", Value.Binary(binary)))));
            return;
        }
        Assert.Contains("1024", Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id(text)), "orders", "bin").Message);
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id(multiByte)), "orders", "bin");
        Store.FailsWithoutChange(Invalid, () => PutRow("bin", Key(("id", Value.Binary(binary)))), "orders", "bin");
    }

    [Theory]
    [InlineData(2 * 1024 * 1024, true)]
    [InlineData(2 * 1024 * 1024 + 1, false)]
    public void String_and_binary_attribute_values_are_at_most_2_MiB(int bytes, bool accepted)
    {
        CreateTable();
        ColumnPut[] text = [new("s", S(new string('v', bytes - 2) + "é"))];
        ColumnPut[] binary = [new("b", Value.Binary(new byte[bytes]))];

        if (accepted)
        {
            PutRow("orders", Id("s"), text);
            PutRow("orders", Id("b"), binary);
            Assert.Equal(bytes, Store.LiveRows.GetRow("orders", Id("s"))!.Columns.Single().Value.Size);
            Assert.Equal(bytes, Store.LiveRows.GetRow("orders", Id("b"))!.Columns.Single().Value.AsBinary.Length);
            return;
        }
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("s"), text), "orders");
        Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("b"), binary), "orders");
    }

    [Theory]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void At_most_1024_attribute_columns_per_write(int count, bool accepted)
    {
        CreateTable();
        ColumnPut[] columns = [.. Enumerable.Range(0, count).Select(i => new ColumnPut($"c{i}", I(i)))];

        if (accepted)
        {
            PutRow("orders", Id("a"), columns);
            Assert.Equal(count, Store.LiveRows.GetRow("orders", Id("a"))!.Columns.Count);
            return;
        }
        Assert.Contains("1024", Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("a"), columns), "orders").Message);
    }

    [Fact]
    public void Keys_must_match_the_schema_in_names_order_count_and_types()
    {
        Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Integer), new("c", PrimaryKeyType.Binary)]);
        KeyColumn[] good = Key(("a", S("x")), ("b", I(1)), ("c", Value.Binary([1])));
        KeyColumn[][] bad =
        [
            [],
            Key(("a", S("x"))),
            Key(("a", S("x")), ("b", I(1))),
            [.. good, new("d", S("y"))],
            Key(("b", I(1)), ("a", S("x")), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("c", Value.Binary([1])), ("b", I(1))),
            Key(("A", S("x")), ("b", I(1)), ("c", Value.Binary([1]))),
            Key(("x", S("x")), ("b", I(1)), ("c", Value.Binary([1]))),
            Key(("a", I(1)), ("b", I(1)), ("c", Value.Binary([1]))),
            Key(("a", Value.Binary([1])), ("b", I(1)), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("b", S("1")), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("b", Value.Double(1)), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("b", I(1)), ("c", S("\u0001"))),
            Key(("a", S("x")), ("b", Value.Boolean(true)), ("c", Value.Binary([1]))),
            Key(("a", Value.InfMin), ("b", I(1)), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("b", Value.InfMax), ("c", Value.Binary([1]))),
            Key(("a", S("x")), ("b", Value.AutoIncrement), ("c", Value.Binary([1]))),
        ];

        foreach (var key in bad)
        {
            Store.FailsWithoutChange(Invalid, () => PutRow("t", key, [new("v", I(1))]), "t");
            Store.FailsWithoutChange(Invalid, () => Store.Update("t", key, [new("v", I(1))]), "t");
            Store.FailsWithoutChange(Invalid, () => Store.Delete("t", key), "t");
            Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("t", key)).Code);
        }
        Store.FailsWithoutChange(Invalid, () => PutRow("t", null!), "t");
        PutRow("t", good, [new("v", I(1))]);
        Assert.NotNull(Store.LiveRows.GetRow("t", good));
    }

    [Fact]
    public void Attribute_columns_need_valid_names_that_are_not_key_columns()
    {
        Store.Tables.CreateTable("t", [new("id", PrimaryKeyType.String), new("n", PrimaryKeyType.Integer)]);
        KeyColumn[] key = Key(("id", S("a")), ("n", I(1)));
        string[] names = ["id", "n", "", "1a", "a-b", "a b", "é", new string('c', 256), null!];

        foreach (var name in names)
            Store.FailsWithoutChange(Invalid, () => PutRow("t", key, [new("ok", I(1)), new(name, I(1))]), "t");

        PutRow("t", key, [new("ID", I(1)), new("N", I(2)), new(new string('c', 255), I(3)), new("_", I(4))]);
        Assert.Equal(4, Store.LiveRows.GetRow("t", key)!.Columns.Count);
    }

    [Fact]
    public void Attribute_values_cannot_be_placeholders()
    {
        CreateTable();

        foreach (var placeholder in new[] { Value.InfMin, Value.InfMax, Value.AutoIncrement })
        {
            Store.FailsWithoutChange(Invalid, () => PutRow("orders", Id("a"), [new("x", placeholder)]), "orders");
            Store.FailsWithoutChange(Invalid, () => Store.Update("orders", Id("a"), [new("x", placeholder)]), "orders");
        }
    }

    [Fact]
    public void PutRow_takes_no_column_deletions()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));

        Store.FailsWithoutChange(Invalid, () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Put, Id("a"), DeleteAll: ["x"])), "orders");
        Store.FailsWithoutChange(Invalid,
            () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Put, Id("a"), DeleteVersions: [new("x", Now)])), "orders");
    }

    [Fact]
    public void Auto_increment_values_are_generated_unique_increasing_and_returned()
    {
        CreateAutoIncrementTable();
        var values = new List<long>();

        for (var i = 0; i < 100; i++)
        {
            var key = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event(i % 2 == 0 ? "a" : "b", Value.AutoIncrement),
                [new("n", I(i))], ReturnPrimaryKey: true));
            Assert.Equal("shard", key[0].Name);
            Assert.Equal("seq", key[1].Name);
            Assert.Equal(ValueKind.Integer, key[1].Value.Kind);
            values.Add(key[1].Value.AsInteger);
            Assert.Equal(I(i), Store.LiveRows.GetRow("events", key)!.Columns.Single().Value);
        }

        Assert.Equal(values.Order(), values);
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, v => Assert.True(v > 0));
        Assert.Equal(100, Store.Tables.DescribeTable("events").RowCount);
        Assert.Equal(values.Where((_, i) => i % 2 == 0), Store.Rows("events").Where(r => r.PrimaryKey[0].Value.AsString == "a")
            .Select(r => r.PrimaryKey[1].Value.AsInteger));
    }

    [Fact]
    public void Auto_increment_values_keep_increasing_after_a_restart()
    {
        CreateAutoIncrementTable();
        CreateAutoIncrementTable("other");
        var before = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)))[1].Value.AsInteger;
        var second = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)))[1].Value.AsInteger;

        Reopen();

        var after = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)))[1].Value.AsInteger;
        Assert.True(before < second && second < after, $"{before} < {second} < {after}");
        Assert.Equal(3, Store.Rows("events").Count);
        var other = Store.Writer.WriteRow("other", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)))[1].Value.AsInteger;
        Assert.True(other > 0);
    }

    [Fact]
    public void Auto_increment_placeholders_are_only_for_PutRow_with_condition_IGNORE()
    {
        CreateAutoIncrementTable();
        var key = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)));

        var placeholder = Event("a", Value.AutoIncrement);
        Store.FailsWithoutChange(Invalid, () => Store.Update("events", placeholder, [new("x", I(1))]), "events");
        Store.FailsWithoutChange(Invalid, () => Store.Delete("events", placeholder), "events");
        Assert.Equal(Invalid, ErrorOf(() => Store.LiveRows.GetRow("events", placeholder)).Code);
        Store.FailsWithoutChange(Invalid, () => PutRow("events", placeholder, condition: RowExistence.ExpectNotExist), "events");
        Store.FailsWithoutChange(Invalid, () => PutRow("events", placeholder, condition: RowExistence.ExpectExist), "events");

        Store.Update("events", key, [new("x", I(1))], condition: RowExistence.ExpectExist);
        PutRow("events", key, [new("y", I(2))], RowExistence.ExpectExist);
        Assert.Equal("y", Store.LiveRows.GetRow("events", key)!.Columns.Single().Name);
        Store.Delete("events", key, RowExistence.ExpectExist);
        Assert.Null(Store.LiveRows.GetRow("events", key));
    }

    [Fact]
    public void An_auto_increment_placeholder_in_a_column_that_is_not_auto_increment_is_rejected()
    {
        CreateAutoIncrementTable();

        Store.FailsWithoutChange(Invalid, () => PutRow("events", Key(("shard", Value.AutoIncrement), ("seq", Value.AutoIncrement))), "events");
        Store.FailsWithoutChange(Invalid, () => PutRow("events", Key(("shard", Value.AutoIncrement), ("seq", I(5)))), "events");
    }

    [Fact]
    public void Failed_puts_do_not_consume_auto_increment_state_or_sequences()
    {
        CreateAutoIncrementTable();
        var first = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)));
        var sequence = Store.ChangeLog.LastSequence;

        Store.FailsWithoutChange(Invalid, () => PutRow("events", Event("a", Value.AutoIncrement), [new("bad-name", I(1))]), "events");

        Assert.Equal(sequence, Store.ChangeLog.LastSequence);
        var second = Store.Writer.WriteRow("events", new RowWrite(WriteType.Put, Event("a", Value.AutoIncrement)));
        Assert.True(second[1].Value.AsInteger > first[1].Value.AsInteger);
        Assert.Equal(sequence + 1, Store.ChangeLog.LastSequence);
    }
}

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class TableOperationTests : StoreTest
{
    private const string ObjectNotExist = TableStoreError.ObjectNotExist;
    private const string Invalid = TableStoreError.ParameterInvalid;
    private static readonly PrimaryKeyColumn[] IdKey = [new("id", PrimaryKeyType.String)];

    private TableStoreError CreateFails(string code, Func<TableMeta> create)
    {
        var tables = Store.Tables.ListTable();
        var error = Assert.Throws<TableStoreException>(() => create()).Error;
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(tables, Store.Tables.ListTable());
        return error;
    }

    [Fact]
    public void DescribeTables_gives_every_table_in_name_order_with_its_row_count()
    {
        Store.Tables.CreateTable("users", IdKey);
        Store.Tables.CreateTable("orders", IdKey);
        Store.Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.String("a"))], [new ColumnPut("n", Value.Integer(1))]));
        Store.Tables.DeleteTable("users");
        Store.Tables.CreateTable("accounts", IdKey);

        var tables = Store.Tables.DescribeTables();

        Assert.Equal([("accounts", 0L), ("orders", 1L)], tables.Select(t => (t.Table.Name, t.RowCount)));
        Assert.Equal(Store.Tables.DescribeTable("orders"), tables[1]);
    }

    [Fact]
    public void CreateTable_returns_and_describes_the_definition()
    {
        var meta = Store.Tables.CreateTable("orders",
            [new("region", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true), new("blob", PrimaryKeyType.Binary)],
            [new("qty", ColumnType.Integer), new("price", ColumnType.Double), new("ok", ColumnType.Boolean), new("note", ColumnType.String), new("raw", ColumnType.Binary)],
            new TableOptions(TimeToLive: 86_400, MaxVersions: 3, MaxTimeDeviation: 600),
            new StreamSpecification(EnableStream: true, ExpirationTime: 24));

        Assert.Equal("orders", meta.Name);
        Assert.Equal(Now, meta.CreationTime);
        var described = Store.Tables.DescribeTable("orders");
        Assert.Equal(0, described.RowCount);
        Assert.Equal(["region", "seq", "blob"], described.Table.PrimaryKey.Select(k => k.Name));
        Assert.Equal([PrimaryKeyType.String, PrimaryKeyType.Integer, PrimaryKeyType.Binary], described.Table.PrimaryKey.Select(k => k.Type));
        Assert.Equal([false, true, false], described.Table.PrimaryKey.Select(k => k.AutoIncrement));
        Assert.Equal(["qty", "price", "ok", "note", "raw"], described.Table.DefinedColumns.Select(c => c.Name));
        Assert.Equal(new TableOptions(86_400, 3, 600), described.Table.Options);
        Assert.Equal(new StreamSpecification(true, 24), described.Table.Stream);
    }

    [Fact]
    public void CreateTable_defaults_match_the_real_service()
    {
        var meta = CreateTable();

        Assert.Equal(-1, meta.Options.TimeToLive);
        Assert.Equal(1, meta.Options.MaxVersions);
        Assert.Equal(86_400, meta.Options.MaxTimeDeviation);
        Assert.False(meta.Stream.EnableStream);
        Assert.Equal(168, meta.Stream.ExpirationTime);
        Assert.Empty(meta.DefinedColumns);
    }

    public static TheoryData<string> ValidNames => ["a", "_", "A", "_1", "a1_B2", "Orders_2026", new string('x', 255), "_" + new string('9', 254)];

    public static TheoryData<string> InvalidNames =>
        [null!, "", "1a", "9", "a-b", "a b", " a", "a.b", "a$", "é", "表", "a\0", new string('x', 256), "_" + new string('9', 255)];

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Table_and_column_names_follow_the_rules(string name)
    {
        Store.Tables.CreateTable(name, [new(name, PrimaryKeyType.String)]);
        Store.Tables.CreateTable("t", [new("k", PrimaryKeyType.String)], [new(name, ColumnType.String)]);
        Put("t", Key(("k", S("a"))), (name, S("v")));
        Store.Writer.WriteRow(name, new RowWrite(WriteType.Put, Key((name, S("a")))));

        Assert.Contains(name, Store.Tables.ListTable());
        Assert.Equal(name, Store.Tables.DescribeTable(name).Table.PrimaryKey[0].Name);
        Assert.Equal(name, Store.Tables.DescribeTable("t").Table.DefinedColumns[0].Name);
        Assert.Equal(name, Assert.Single(Store.LiveRows.GetRow("t", Key(("k", S("a"))))!.Columns).Name);
        Assert.NotNull(Store.LiveRows.GetRow(name, Key((name, S("a")))));
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_table_names_are_rejected(string? name)
    {
        var error = CreateFails(TableStoreError.ParameterInvalid, () => Store.Tables.CreateTable(name!, IdKey));
        Assert.Contains("name", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Store.Tables.ListTable());
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_key_and_defined_column_names_are_rejected(string? name)
    {
        CreateFails(TableStoreError.ParameterInvalid, () => Store.Tables.CreateTable("t", [new(name!, PrimaryKeyType.String)]));
        CreateFails(TableStoreError.ParameterInvalid, () => Store.Tables.CreateTable("t", IdKey, [new(name!, ColumnType.String)]));
        Assert.Empty(Store.Tables.ListTable());
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        Store.Tables.CreateTable("orders", IdKey);
        Store.Tables.CreateTable("Orders", IdKey);
        Store.Tables.CreateTable("t", [new("id", PrimaryKeyType.String), new("ID", PrimaryKeyType.String)]);

        Assert.Equal(["Orders", "orders", "t"], Store.Tables.ListTable());
        Assert.Equal(ObjectNotExist, ErrorOf(() => Store.Tables.DescribeTable("ORDERS")).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void One_to_four_key_columns_are_allowed(int count)
    {
        var key = Enumerable.Range(0, count).Select(i => new PrimaryKeyColumn($"k{i}", (PrimaryKeyType)(i % 3 + 1))).ToArray();

        Assert.Equal(count, Store.Tables.CreateTable("t", key).PrimaryKey.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    public void Zero_or_more_than_four_key_columns_are_rejected(int count)
    {
        var key = Enumerable.Range(0, count).Select(i => new PrimaryKeyColumn($"k{i}", PrimaryKeyType.String)).ToArray();

        CreateFails(Invalid, () => Store.Tables.CreateTable("t", key));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", null!));
    }

    [Fact]
    public void Key_column_types_and_names_are_checked()
    {
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("a", PrimaryKeyType.Integer)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", (PrimaryKeyType)0)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", (PrimaryKeyType)4)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", (PrimaryKeyType)ColumnType.Double)]));
    }

    [Fact]
    public void Auto_increment_is_one_integer_column_that_is_not_first()
    {
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.Integer, AutoIncrement: true)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.Integer, true), new("b", PrimaryKeyType.Integer)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.String, true)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Binary, true)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t",
            [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Integer, true), new("c", PrimaryKeyType.Integer, true)]));

        var last = Store.Tables.CreateTable("t1", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.String), new("c", PrimaryKeyType.Integer, true)]);
        var middle = Store.Tables.CreateTable("t2", [new("a", PrimaryKeyType.Integer), new("b", PrimaryKeyType.Integer, true), new("c", PrimaryKeyType.Binary)]);

        Assert.True(last.PrimaryKey[2].AutoIncrement);
        Assert.True(middle.PrimaryKey[1].AutoIncrement);
    }

    [Fact]
    public void Defined_columns_are_checked()
    {
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, [new("id", ColumnType.String)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, [new("a", ColumnType.String), new("a", ColumnType.Integer)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, [new("a", (ColumnType)0)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, [new("a", (ColumnType)9)]));
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, [.. Enumerable.Range(0, 33).Select(i => new DefinedColumn($"c{i}", ColumnType.String))]));

        var meta = Store.Tables.CreateTable("t", IdKey, [.. Enumerable.Range(0, 32).Select(i => new DefinedColumn($"c{i}", (ColumnType)(i % 5 + 1)))]);

        Assert.Equal(32, meta.DefinedColumns.Count);
    }

    [Theory]
    [InlineData(-1, 1, 86_400, true)]
    [InlineData(86_400, 1, 86_400, true)]
    [InlineData(int.MaxValue, 500, 1, true)]
    [InlineData(86_399, 1, 86_400, false)]
    [InlineData(0, 1, 86_400, false)]
    [InlineData(1, 1, 86_400, false)]
    [InlineData(-2, 1, 86_400, false)]
    [InlineData(-1, 0, 86_400, false)]
    [InlineData(-1, -1, 86_400, false)]
    [InlineData(-1, 1, 0, false)]
    [InlineData(-1, 1, -5, false)]
    public void Table_options_are_checked_on_create_and_update(int timeToLive, int maxVersions, long deviation, bool valid)
    {
        var options = new TableOptions(timeToLive, maxVersions, deviation);
        CreateTable("existing");
        if (valid)
        {
            Assert.Equal(options, Store.Tables.CreateTable("t", IdKey, options: options).Options);
            Assert.Equal(options, Store.Tables.UpdateTable("existing", options, null).Options);
            return;
        }
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, options: options));
        Assert.Equal(Invalid, ErrorOf(() => Store.Tables.UpdateTable("existing", options, null)).Code);
        Assert.Equal(new TableOptions(), Store.Tables.DescribeTable("existing").Table.Options);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(168, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(169, false)]
    public void Stream_expiration_is_1_to_168_hours(int hours, bool valid)
    {
        var stream = new StreamSpecification(true, hours);
        CreateTable("existing");
        if (valid)
        {
            Assert.Equal(stream, Store.Tables.CreateTable("t", IdKey, stream: stream).Stream);
            Assert.Equal(stream, Store.Tables.UpdateTable("existing", null, stream).Stream);
            return;
        }
        CreateFails(Invalid, () => Store.Tables.CreateTable("t", IdKey, stream: stream));
        Assert.Equal(Invalid, ErrorOf(() => Store.Tables.UpdateTable("existing", null, stream)).Code);
        Assert.Equal(new StreamSpecification(), Store.Tables.DescribeTable("existing").Table.Stream);
    }

    [Fact]
    public void A_duplicate_table_is_rejected_and_the_original_is_untouched()
    {
        CreateTable();
        Put("orders", Id("a"), ("qty", I(1)));

        var error = CreateFails(TableStoreError.ObjectAlreadyExist,
            () => Store.Tables.CreateTable("orders", [new("other", PrimaryKeyType.Integer)], options: new TableOptions(MaxVersions: 5)));

        Assert.Contains("orders", error.Message);
        var described = Store.Tables.DescribeTable("orders");
        Assert.Equal("id", described.Table.PrimaryKey.Single().Name);
        Assert.Equal(1, described.Table.Options.MaxVersions);
        Assert.Equal(1, described.RowCount);
        Assert.NotNull(Store.LiveRows.GetRow("orders", Id("a")));
    }

    [Fact]
    public void Every_operation_on_an_unknown_table_is_ObjectNotExist()
    {
        CreateTable();
        var key = Id("a");
        var range = new GetRangeRequest("nope", Direction.Forward, [new("id", Value.InfMin)], [new("id", Value.InfMax)]);
        Action[] operations =
        [
            () => Store.Tables.DescribeTable("nope"),
            () => Store.Tables.UpdateTable("nope", new TableOptions(), null),
            () => Store.Tables.DeleteTable("nope"),
            () => Store.LiveRows.GetRow("nope", key),
            () => Store.LiveRows.GetRange(range),
            () => Store.Writer.WriteRow("nope", new RowWrite(WriteType.Put, key)),
            () => Store.Writer.WriteRow("nope", new RowWrite(WriteType.Update, key, [new("a", I(1))])),
            () => Store.Writer.WriteRow("nope", new RowWrite(WriteType.Delete, key)),
            () => Store.Tables.Table("nope"),
            () => Store.Tables.DescribeTable(null!),
            () => Store.Tables.DescribeTable("Orders"),
        ];

        foreach (var operation in operations)
        {
            var error = Store.FailsWithoutChange(ObjectNotExist, operation, "orders");
            Assert.Contains("does not exist", error.Message);
        }
    }

    [Fact]
    public void The_instance_holds_at_most_64_tables_by_default()
    {
        for (var i = 0; i < 64; i++)
            Store.Tables.CreateTable($"t{i:D2}", IdKey);

        var error = CreateFails(TableStoreError.QuotaExhausted, () => Store.Tables.CreateTable("t64", IdKey));

        Assert.Contains("64", error.Message);
        Assert.Equal(64, Store.Tables.ListTable().Count);
        Store.Tables.DeleteTable("t10");
        Store.Tables.CreateTable("t64", IdKey);
        Reopen();
        CreateFails(TableStoreError.QuotaExhausted, () => Store.Tables.CreateTable("t65", IdKey));
        Assert.Equal(64, Store.Tables.ListTable().Count);
    }

    [Fact]
    public void The_table_quota_is_a_setting()
    {
        using var store = new TableStoreSet(new TableStoreOptions { Folder = Data.Combine("small"), MaxTables = 2 }, Clock);
        store.Tables.CreateTable("a", IdKey);
        store.Tables.CreateTable("b", IdKey);

        Assert.Equal(TableStoreError.QuotaExhausted, Assert.Throws<TableStoreException>(() => store.Tables.CreateTable("c", IdKey)).Code);
        Assert.Equal(TableStoreError.ObjectAlreadyExist, Assert.Throws<TableStoreException>(() => store.Tables.CreateTable("a", IdKey)).Code);
        Assert.Equal(["a", "b"], store.Tables.ListTable());
    }

    [Fact]
    public void ListTable_is_sorted_by_ordinal_name()
    {
        Assert.Empty(Store.Tables.ListTable());
        foreach (var name in new[] { "b", "a", "B", "_x", "a1", "A_", "aa", "Z" })
            Store.Tables.CreateTable(name, IdKey);

        string[] expected = ["A_", "B", "Z", "_x", "a", "a1", "aa", "b"];
        Assert.Equal(expected, Store.Tables.ListTable());
        Reopen();
        Assert.Equal(expected, Store.Tables.ListTable());
    }

    [Fact]
    public void DescribeTable_counts_rows_as_they_come_and_go()
    {
        CreateTable();
        CreateTable("other");
        long Count() => Store.Tables.DescribeTable("orders").RowCount;

        Put("orders", Id("a"), ("x", I(1)));
        Put("orders", Id("b"));
        Put("other", Id("a"));
        Assert.Equal(2, Count());
        Put("orders", Id("a"), ("x", I(2)));
        Store.Update("orders", Id("a"), [new("y", I(1))]);
        Assert.Equal(2, Count());
        Store.Update("orders", Id("c"), [new("y", I(1))]);
        Assert.Equal(3, Count());
        Store.Update("orders", Id("d"), deleteAll: ["y"]);
        Assert.Equal(3, Count());
        Store.Update("orders", Id("c"), deleteAll: ["y"]);
        Assert.Equal(3, Count());
        Store.Delete("orders", Id("a"));
        Store.Delete("orders", Id("missing"));
        Assert.Equal(2, Count());
        Assert.Throws<TableStoreException>(() => Store.Delete("orders", Id("missing"), RowExistence.ExpectExist));
        Assert.Throws<TableStoreException>(() => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Put, Id("b"), Condition: RowExistence.ExpectNotExist)));
        Assert.Equal(2, Count());
        Assert.Equal(1, Store.Tables.DescribeTable("other").RowCount);

        Reopen();

        Assert.Equal(2, Count());
        Assert.Equal(Store.Rows("orders").Count, Count());
        Store.Delete("orders", Id("b"));
        Assert.Equal(1, Count());
    }

    [Fact]
    public void UpdateTable_changes_options_and_stream_and_null_keeps_them()
    {
        CreateTable();

        var updated = Store.Tables.UpdateTable("orders", new TableOptions(86_400 * 2, 4, 1000), null);
        Assert.Equal(new TableOptions(172_800, 4, 1000), updated.Options);
        Assert.Equal(new StreamSpecification(), updated.Stream);

        updated = Store.Tables.UpdateTable("orders", null, new StreamSpecification(true, 12));
        Assert.Equal(new TableOptions(172_800, 4, 1000), updated.Options);
        Assert.Equal(new StreamSpecification(true, 12), updated.Stream);

        updated = Store.Tables.UpdateTable("orders", null, null);
        Assert.Equal(new TableOptions(172_800, 4, 1000), updated.Options);
        Assert.Equal("id", updated.PrimaryKey.Single().Name);

        Reopen();

        var described = Store.Tables.DescribeTable("orders").Table;
        Assert.Equal(new TableOptions(172_800, 4, 1000), described.Options);
        Assert.Equal(new StreamSpecification(true, 12), described.Stream);
    }

    [Fact]
    public void UpdateTable_maxVersions_applies_to_rows_already_written()
    {
        CreateTable();
        Store.Tables.UpdateTable("orders", new TableOptions(MaxVersions: 3), null);
        for (var i = 1; i <= 3; i++)
            Store.Update("orders", Id("a"), [new("c", I(i), Now - i)]);
        Assert.Equal(3, Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 10)!.Columns.Count);

        Store.Tables.UpdateTable("orders", new TableOptions(MaxVersions: 1), null);

        var cell = Assert.Single(Store.LiveRows.GetRow("orders", Id("a"), maxVersions: 10)!.Columns);
        Assert.Equal(I(1), cell.Value);
    }

    [Fact]
    public void DeleteTable_removes_the_table_and_its_rows_and_a_new_table_of_that_name_is_empty()
    {
        var first = CreateTable();
        CreateTable("other");
        for (var i = 0; i < 50; i++)
            Put("orders", Id($"r{i}"), ("x", I(i)));
        Put("other", Id("r1"), ("y", I(1)));

        Store.Tables.DeleteTable("orders");

        Assert.Equal(["other"], Store.Tables.ListTable());
        Assert.Equal(ObjectNotExist, ErrorOf(() => Store.LiveRows.GetRow("orders", Id("r1"))).Code);
        Assert.Equal(ObjectNotExist, ErrorOf(() => Store.Tables.DeleteTable("orders")).Code);
        var again = Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)]);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(0, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Null(Store.LiveRows.GetRow("orders", Id("r1")));
        Assert.Empty(Store.Rows("orders"));
        Assert.Equal("r1", Assert.Single(Store.Rows("other")).PrimaryKey[0].Value.AsString);

        Reopen();

        Assert.Equal(["orders", "other"], Store.Tables.ListTable());
        Assert.Empty(Store.Rows("orders"));
        Assert.Equal(0, Store.Tables.DescribeTable("orders").RowCount);
        Assert.Single(Store.Rows("other"));
        var third = Store.Tables.CreateTable("third", [new("id", PrimaryKeyType.String)]);
        Assert.True(third.Id > again.Id, "table ids are never reused, not even after a restart");
    }

    [Fact]
    public void A_recreated_table_with_a_different_key_reads_only_its_own_rows()
    {
        CreateTable("t", new PrimaryKeyColumn("id", PrimaryKeyType.String));
        Put("t", Id("a"), ("x", I(1)));
        Store.Tables.DeleteTable("t");
        Store.Tables.CreateTable("t", [new("n", PrimaryKeyType.Integer), new("m", PrimaryKeyType.Integer, AutoIncrement: true)]);

        Assert.Empty(Store.Rows("t"));
        var key = Store.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new("n", I(1)), new("m", Value.AutoIncrement)]));
        Assert.Equal(1, key[0].Value.AsInteger);
        Assert.Single(Store.Rows("t"));
    }

    [Fact]
    public void Tables_persist_across_restarts()
    {
        var created = Store.Tables.CreateTable("orders",
            [new("region", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)],
            [new("qty", ColumnType.Integer)], new TableOptions(86_400, 2, 100), new StreamSpecification(true, 48));
        CreateTable("b");

        Reopen();

        var meta = Store.Tables.DescribeTable("orders").Table;
        Assert.Equal(created.Id, meta.Id);
        Assert.Equal(created.CreationTime, meta.CreationTime);
        Assert.Equal(created.PrimaryKey, meta.PrimaryKey);
        Assert.Equal(created.DefinedColumns, meta.DefinedColumns);
        Assert.Equal(created.Options, meta.Options);
        Assert.Equal(created.Stream, meta.Stream);
        Assert.Equal(["b", "orders"], Store.Tables.ListTable());
        Assert.Equal(TableStoreError.ObjectAlreadyExist, ErrorOf(() => CreateTable("b")).Code);
    }
}

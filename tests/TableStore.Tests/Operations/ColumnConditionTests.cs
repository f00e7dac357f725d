using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class ColumnConditionTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;
    private const string ConditionFail = TableStoreError.ConditionCheckFail;

    private void CreateTable(int maxVersions = 1) =>
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: maxVersions));

    private static SingleColumnCondition Where(string column, Comparison comparator, Value value, bool passIfMissing = true,
        bool latestOnly = true) => new(column, comparator, value, passIfMissing, latestOnly);

    private static CompositeColumnCondition Not(ColumnCondition condition) => new(LogicalOperator.Not, [condition]);
    private static CompositeColumnCondition And(params ColumnCondition[] conditions) => new(LogicalOperator.And, conditions);
    private static CompositeColumnCondition Or(params ColumnCondition[] conditions) => new(LogicalOperator.Or, conditions);

    /// <summary>Tries an update of row <paramref name="id"/> under the condition; true when it was written.</summary>
    private bool UpdateIf(string id, ColumnCondition condition, RowExistence existence = RowExistence.Ignore)
    {
        var result = Store.Writer.BatchWriteRow([("orders",
            [new RowWrite(WriteType.Update, Id(id), [new("written", I(1))], Condition: existence, ColumnCondition: condition)])]).Single().Single();
        Assert.True(result.IsOk || result.Error!.Code == ConditionFail, result.Error?.Message);
        return result.IsOk;
    }

    private static Value Typed(string type, string text) => type switch
    {
        "I" => I(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
        "D" => Value.Double(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
        "S" => S(text),
        "B" => Value.Binary(Convert.FromHexString(text)),
        _ => Value.Boolean(text == "true"),
    };

    /// <summary>For each type: a cell value and a condition value below, equal to and above it.</summary>
    public static TheoryData<string, string, string, int> Orders => new()
    {
        { "I", "5", "4", 1 }, { "I", "5", "5", 0 }, { "I", "5", "6", -1 }, { "I", "-1", "1", -1 },
        { "D", "2.5", "2.25", 1 }, { "D", "2.5", "2.5", 0 }, { "D", "-2.5", "2.5", -1 },
        { "S", "b", "a", 1 }, { "S", "b", "b", 0 }, { "S", "b", "bb", -1 }, { "S", "B", "a", -1 },
        // UTF-8 bytes, not UTF-16 units: U+1F600 (F0 9F ...) sorts after U+FF61 (EF BD A1), though its surrogate does not.
        { "S", "\U0001F600", "\uFF61", 1 },
        { "B", "02", "01FF", 1 }, { "B", "FF", "FF", 0 }, { "B", "7F", "80", -1 }, { "B", "01", "0100", -1 },
        { "T", "true", "false", 1 }, { "T", "true", "true", 0 }, { "T", "false", "true", -1 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_comparator_orders_values_of_each_type(string type, string cell, string value, int order)
    {
        CreateTable();
        Put("orders", Id("a"), ("c", Typed(type, cell)));
        var expected = new Dictionary<Comparison, bool>
        {
            [Comparison.Equal] = order == 0,
            [Comparison.NotEqual] = order != 0,
            [Comparison.GreaterThan] = order > 0,
            [Comparison.GreaterEqual] = order >= 0,
            [Comparison.LessThan] = order < 0,
            [Comparison.LessEqual] = order <= 0,
        };

        foreach (var (comparator, passes) in expected)
            Assert.True(passes == UpdateIf("a", Where("c", comparator, Typed(type, value))), $"{type}:{cell} {comparator} {value}");
    }

    [Theory]
    [InlineData("I", "1", "D", "1")]
    [InlineData("D", "1", "I", "1")]
    [InlineData("S", "1", "I", "1")]
    [InlineData("B", "31", "S", "1")]
    [InlineData("T", "true", "I", "1")]
    public void Values_of_different_types_never_satisfy_a_condition_not_even_NOT_EQUAL(string cellType, string cell, string valueType, string value)
    {
        CreateTable();
        Put("orders", Id("a"), ("c", Typed(cellType, cell)));

        foreach (var comparator in Enum.GetValues<Comparison>())
            Assert.False(UpdateIf("a", Where("c", comparator, Typed(valueType, value))), comparator.ToString());
        Assert.True(UpdateIf("a", Not(Where("c", Comparison.Equal, Typed(valueType, value)))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_column_or_row_passes_exactly_when_PassIfMissing(bool passIfMissing)
    {
        CreateTable();
        Put("orders", Id("a"), ("other", I(1)));

        Assert.Equal(passIfMissing, UpdateIf("a", Where("c", Comparison.Equal, I(1), passIfMissing)));
        Assert.Equal(passIfMissing, UpdateIf("missing", Where("c", Comparison.NotEqual, I(1), passIfMissing)));
        Assert.Equal(passIfMissing, Store.LiveRows.GetRow("orders", Id("missing")) is not null);
    }

    [Fact]
    public void LatestVersionOnly_compares_the_newest_version_and_otherwise_any_version_may_pass()
    {
        CreateTable(maxVersions: 3);
        Store.Update("orders", Id("a"), [new("c", I(1), Now - 2), new("c", I(2), Now - 1), new("c", I(3), Now - 3)]);

        Assert.True(UpdateIf("a", Where("c", Comparison.Equal, I(2), latestOnly: true)));
        Assert.False(UpdateIf("a", Where("c", Comparison.Equal, I(1), latestOnly: true)));
        Assert.True(UpdateIf("a", Where("c", Comparison.Equal, I(1), latestOnly: false)));
        Assert.True(UpdateIf("a", Where("c", Comparison.Equal, I(3), latestOnly: false)));
        Assert.False(UpdateIf("a", Where("c", Comparison.Equal, I(4), latestOnly: false)));
        Assert.True(UpdateIf("a", Where("c", Comparison.LessThan, I(2), latestOnly: false)));
        Assert.False(UpdateIf("a", Where("c", Comparison.LessThan, I(2), latestOnly: true)));
    }

    [Fact]
    public void Composites_combine_with_NOT_AND_OR_at_any_nesting()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)), ("y", S("v")));
        var xIs1 = Where("x", Comparison.Equal, I(1));
        var xIs2 = Where("x", Comparison.Equal, I(2));
        var yIsV = Where("y", Comparison.Equal, S("v"));

        Assert.True(UpdateIf("a", And(xIs1, yIsV)));
        Assert.False(UpdateIf("a", And(xIs1, yIsV, xIs2)));
        Assert.True(UpdateIf("a", Or(xIs2, yIsV)));
        Assert.False(UpdateIf("a", Or(xIs2, Not(yIsV))));
        Assert.True(UpdateIf("a", Not(xIs2)));
        Assert.False(UpdateIf("a", Not(Not(xIs2))));
        Assert.True(UpdateIf("a", And(Or(xIs2, Not(xIs2)), Not(And(xIs1, xIs2)))));
        Assert.False(UpdateIf("a", Or(And(xIs1, xIs2), Not(Or(yIsV, xIs2)))));
    }

    public static TheoryData<string, ColumnCondition> InvalidConditions()
    {
        var single = new SingleColumnCondition("x", Comparison.Equal, I(1));
        ColumnCondition deep = single;
        for (var i = 0; i < 10; i++)
            deep = new CompositeColumnCondition(LogicalOperator.Not, [deep]);
        return new()
        {
            { "NOT of two", new CompositeColumnCondition(LogicalOperator.Not, [single, single]) },
            { "NOT of none", new CompositeColumnCondition(LogicalOperator.Not, []) },
            { "AND of one", new CompositeColumnCondition(LogicalOperator.And, [single]) },
            { "OR of none", new CompositeColumnCondition(LogicalOperator.Or, []) },
            { "nested invalid", new CompositeColumnCondition(LogicalOperator.And, [single, new CompositeColumnCondition(LogicalOperator.Or, [single])]) },
            { "operator 9", new CompositeColumnCondition((LogicalOperator)9, [single, single]) },
            { "comparator 0", new SingleColumnCondition("x", 0, I(1)) },
            { "INF_MAX value", new SingleColumnCondition("x", Comparison.Equal, Value.InfMax) },
            { "bad name", new SingleColumnCondition("bad-name", Comparison.Equal, I(1)) },
            { "11 levels", deep },
            { "11 singles", new CompositeColumnCondition(LogicalOperator.Or, [.. Enumerable.Repeat<ColumnCondition>(single, 11)]) },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidConditions))]
    public void Invalid_conditions_are_rejected_and_nothing_is_written(string what, ColumnCondition condition)
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));

        var error = Store.FailsWithoutChange(Invalid,
            () => Store.Writer.WriteRow("orders", new RowWrite(WriteType.Update, Id("a"), [new("x", I(2))], ColumnCondition: condition)), "orders");

        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
    }

    [Fact]
    public void The_limits_themselves_are_allowed()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        ColumnCondition nine = Where("x", Comparison.Equal, I(1));
        for (var i = 0; i < 9; i++)
            nine = Not(nine);

        Assert.True(UpdateIf("a", Or([.. Enumerable.Repeat<ColumnCondition>(Where("x", Comparison.Equal, I(1)), 10)])));
        // Ten levels: nine NOTs around a true condition, which is valid and false.
        Assert.False(UpdateIf("a", nine));
    }

    public static TheoryData<string> WriteTypes => ["put", "update", "delete"];

    [Theory]
    [MemberData(nameof(WriteTypes))]
    public void A_failing_condition_writes_nothing_for_every_write_type(string type)
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var fails = Where("x", Comparison.GreaterThan, I(1));
        RowWrite Write(ColumnCondition condition) => type switch
        {
            "put" => new RowWrite(WriteType.Put, Id("a"), [new("y", I(2))], ColumnCondition: condition),
            "update" => new RowWrite(WriteType.Update, Id("a"), [new("y", I(2))], DeleteAll: ["x"], Increments: [new("n", 1)], ColumnCondition: condition),
            _ => new RowWrite(WriteType.Delete, Id("a"), ColumnCondition: condition),
        };

        var error = Store.FailsWithoutChange(ConditionFail, () => Store.Writer.WriteRow("orders", Write(fails)), "orders");
        Assert.Equal("Condition check failed.", error.Message);

        Store.Writer.WriteRow("orders", Write(Where("x", Comparison.Equal, I(1))));
        Assert.Equal(2, Store.ChangeLog.LastSequence);
    }

    [Fact]
    public void Row_existence_and_column_condition_must_both_pass()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        var passes = Where("x", Comparison.Equal, I(1));

        Assert.True(UpdateIf("a", passes, RowExistence.ExpectExist));
        Assert.False(UpdateIf("missing", passes, RowExistence.ExpectExist));
        Assert.False(UpdateIf("a", Where("x", Comparison.Equal, I(2)), RowExistence.ExpectExist));
    }

    [Fact]
    public void Batch_rows_pass_or_fail_their_conditions_on_their_own()
    {
        CreateTable();
        Put("orders", Id("a"), ("x", I(1)));
        Put("orders", Id("b"), ("x", I(2)));
        Put("orders", Id("c"), ("x", I(3)));
        var sequence = Store.ChangeLog.LastSequence;
        var xIs1 = Where("x", Comparison.Equal, I(1));

        var results = Store.Writer.BatchWriteRow([("orders",
        [
            new RowWrite(WriteType.Update, Id("a"), [new("y", I(1))], ColumnCondition: xIs1),
            new RowWrite(WriteType.Update, Id("b"), [new("y", I(1))], ColumnCondition: xIs1),
            new RowWrite(WriteType.Delete, Id("c"), ColumnCondition: xIs1),
            new RowWrite(WriteType.Put, Id("d"), [new("y", I(1))], ColumnCondition: Where("x", Comparison.Equal, I(1), passIfMissing: false)),
            new RowWrite(WriteType.Put, Id("e"), [new("y", I(1))], ColumnCondition: new CompositeColumnCondition(LogicalOperator.And, [xIs1])),
        ])]).Single();

        Assert.Equal([null, ConditionFail, ConditionFail, ConditionFail, Invalid], results.Select(r => r.Error?.Code));
        Assert.Equal([sequence + 1], Store.Changes(sequence).Select(c => c.Sequence));
        Assert.Equal($"x=I:1@{Now},y=I:1@{Now}", Format(Store.LiveRows.GetRow("orders", Id("a"))!.Columns));
        Assert.Equal($"x=I:2@{Now}", Format(Store.LiveRows.GetRow("orders", Id("b"))!.Columns));
        Assert.NotNull(Store.LiveRows.GetRow("orders", Id("c")));
        Assert.Null(Store.LiveRows.GetRow("orders", Id("d")));
        Assert.Equal(3, Store.Tables.DescribeTable("orders").RowCount);
    }
}

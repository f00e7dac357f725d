using System.Text;
using DeliveryConsole.TableStore.Storage;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.TableStore.Tests.Operations.StoreAssertions;

namespace DeliveryConsole.TableStore.Tests.Operations;

public class GetRangeTests : StoreTest
{
    private const string Invalid = TableStoreError.ParameterInvalid;
    private static readonly Value Min = Value.InfMin;
    private static readonly Value Max = Value.InfMax;

    private GetRangeResult Range(string table, Direction direction, KeyColumn[] start, KeyColumn[] end, int? limit = null,
        IReadOnlyList<string>? columns = null, int maxVersions = 1) =>
        Store.LiveRows.GetRange(new GetRangeRequest(table, direction, start, end, limit, columns, maxVersions));

    /// <summary>Every page from <paramref name="start"/> on, following nextStartPrimaryKey.</summary>
    private List<Row> AllPages(string table, Direction direction, IReadOnlyList<KeyColumn> start, KeyColumn[] end, int? limit,
        List<int>? pageSizes = null)
    {
        var rows = new List<Row>();
        for (IReadOnlyList<KeyColumn>? next = start; next is not null;)
        {
            var page = Store.LiveRows.GetRange(new GetRangeRequest(table, direction, next, end, limit));
            Assert.True(page.Rows.Count <= Math.Min(limit ?? 5000, 5000));
            pageSizes?.Add(page.Rows.Count);
            rows.AddRange(page.Rows);
            next = page.NextStartPrimaryKey;
        }
        return rows;
    }

    private static KeyColumn[] Pk(Value s, Value n) => Key(("s", s), ("n", n));

    private static string Keys(IEnumerable<Row> rows) =>
        string.Join(" ", rows.Select(r => string.Join("/", r.PrimaryKey.Select(k => k.Value.Kind == ValueKind.String ? k.Value.AsString : k.Value.ToString()))));

    /// <summary>Table "t" (s STRING, n INTEGER) with rows a..c x 1..3.</summary>
    private void CreateGrid()
    {
        Store.Tables.CreateTable("t", [new("s", PrimaryKeyType.String), new("n", PrimaryKeyType.Integer)]);
        foreach (var s in new[] { "c", "a", "b" })
            foreach (var n in new[] { 3, 1, 2 })
                Put("t", Pk(S(s), I(n)), ("v", S($"{s}{n}")));
    }

    [Fact]
    public void Forward_and_backward_over_everything()
    {
        CreateGrid();

        var forward = Range("t", Direction.Forward, Pk(Min, Min), Pk(Max, Max));
        var backward = Range("t", Direction.Backward, Pk(Max, Max), Pk(Min, Min));

        Assert.Equal("a/1 a/2 a/3 b/1 b/2 b/3 c/1 c/2 c/3", Keys(forward.Rows));
        Assert.Equal("c/3 c/2 c/1 b/3 b/2 b/1 a/3 a/2 a/1", Keys(backward.Rows));
        Assert.Null(forward.NextStartPrimaryKey);
        Assert.Null(backward.NextStartPrimaryKey);
        Assert.Equal(Pk(S("a"), I(1)), forward.Rows[0].PrimaryKey);
        Assert.Equal($"v=S:a1@{Now}", Format(forward.Rows[0].Columns));
        Assert.Equal(Keys(forward.Rows), Keys(Range("t", Direction.Forward, Pk(Min, Max), Pk(Max, Min)).Rows));
        Assert.Equal(Keys(backward.Rows), Keys(Range("t", Direction.Backward, Pk(Max, Min), Pk(Min, Max)).Rows));
    }

    [Fact]
    public void Start_is_inclusive_and_end_is_exclusive()
    {
        CreateGrid();

        Assert.Equal("b/2 b/3 c/1", Keys(Range("t", Direction.Forward, Pk(S("b"), I(2)), Pk(S("c"), I(2))).Rows));
        Assert.Equal("c/2 c/1 b/3", Keys(Range("t", Direction.Backward, Pk(S("c"), I(2)), Pk(S("b"), I(2))).Rows));
        Assert.Equal("b/2", Keys(Range("t", Direction.Forward, Pk(S("b"), I(2)), Pk(S("b"), I(3))).Rows));
        Assert.Equal("b/3", Keys(Range("t", Direction.Backward, Pk(S("b"), I(3)), Pk(S("b"), I(2))).Rows));
        Assert.Equal("b/2 b/3", Keys(Range("t", Direction.Forward, Pk(S("b"), I(2)), Pk(S("b"), I(4))).Rows));
        Assert.Equal("a/3 a/2", Keys(Range("t", Direction.Backward, Pk(S("a"), I(3)), Pk(S("a"), I(1))).Rows));
        Assert.Equal("a/1", Keys(Range("t", Direction.Backward, Pk(S("a"), I(1)), Pk(Min, Min)).Rows));
        Assert.Equal("c/3", Keys(Range("t", Direction.Forward, Pk(S("c"), I(3)), Pk(Max, Max)).Rows));
    }

    [Fact]
    public void Infinite_values_in_the_second_column_bound_the_first_column_value()
    {
        CreateGrid();

        Assert.Equal("b/1 b/2 b/3", Keys(Range("t", Direction.Forward, Pk(S("b"), Min), Pk(S("b"), Max)).Rows));
        Assert.Equal("b/1 b/2 b/3 c/1 c/2 c/3", Keys(Range("t", Direction.Forward, Pk(S("b"), Min), Pk(S("c"), Max)).Rows));
        Assert.Equal("b/1 b/2 b/3", Keys(Range("t", Direction.Forward, Pk(S("a"), Max), Pk(S("c"), Min)).Rows));
        Assert.Equal("a/2 a/3 b/1 b/2 b/3", Keys(Range("t", Direction.Forward, Pk(S("a"), I(2)), Pk(S("b"), Max)).Rows));
        Assert.Equal("c/3 c/2 c/1 b/3 b/2 b/1", Keys(Range("t", Direction.Backward, Pk(S("c"), Max), Pk(S("b"), Min)).Rows));
        Assert.Equal("b/3 b/2 b/1", Keys(Range("t", Direction.Backward, Pk(S("c"), Min), Pk(S("a"), Max)).Rows));
        Assert.Equal("b/3 b/2 b/1", Keys(Range("t", Direction.Backward, Pk(S("b"), Max), Pk(S("b"), Min)).Rows));
        Assert.Equal("c/1 b/3 b/2 b/1 a/3", Keys(Range("t", Direction.Backward, Pk(S("c"), I(1)), Pk(S("a"), I(2))).Rows));
        Assert.Equal("a/1 a/2 a/3 b/1 b/2 b/3", Keys(Range("t", Direction.Forward, Pk(S("a"), Min), Pk(S("bb"), Min)).Rows));
        Assert.Empty(Range("t", Direction.Forward, Pk(S("b"), Max), Pk(S("bb"), Min)).Rows);
        Assert.Empty(Range("t", Direction.Forward, Pk(S("d"), Min), Pk(Max, Max)).Rows);
        Assert.Empty(Range("t", Direction.Backward, Pk(S("a"), Min), Pk(Min, Min)).Rows);
    }

    [Fact]
    public void A_start_after_the_end_is_rejected_and_an_equal_start_and_end_reads_nothing()
    {
        CreateGrid();

        var error = ErrorOf(() => Range("t", Direction.Forward, Pk(S("c"), I(1)), Pk(S("b"), I(1))));
        Assert.Equal(Invalid, error.Code);
        Assert.Contains("FORWARD", error.Message);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, Pk(Max, Max), Pk(Min, Min))).Code);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, Pk(S("b"), Max), Pk(S("b"), I(3)))).Code);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, Pk(S("b"), I(1)), Pk(S("b"), Min))).Code);
        error = ErrorOf(() => Range("t", Direction.Backward, Pk(S("b"), I(1)), Pk(S("c"), I(1))));
        Assert.Equal(Invalid, error.Code);
        Assert.Contains("BACKWARD", error.Message);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Backward, Pk(Min, Min), Pk(Max, Max))).Code);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Backward, Pk(S("b"), Min), Pk(S("b"), I(1)))).Code);

        Assert.Empty(Range("t", Direction.Forward, Pk(S("b"), I(2)), Pk(S("b"), I(2))).Rows);
        Assert.Empty(Range("t", Direction.Backward, Pk(S("b"), I(2)), Pk(S("b"), I(2))).Rows);
        Assert.Empty(Range("t", Direction.Forward, Pk(S("b"), Max), Pk(S("b"), Max)).Rows);
    }

    [Fact]
    public void Every_combination_of_bounds_on_two_columns_matches_the_model()
    {
        Store.Tables.CreateTable("t", [new("s", PrimaryKeyType.String), new("n", PrimaryKeyType.Integer)]);
        foreach (var s in new[] { "a", "b", "b\0" })
            foreach (var n in new long[] { -1, 0, 255, 256 })
                Put("t", Pk(S(s), I(n)));
        Value[] first = [Min, S(""), S("a"), S("a0"), S("b"), S("b\0"), S("c"), Max];
        Value[] second = [Min, I(long.MinValue), I(-1), I(0), I(1), I(255), I(256), I(long.MaxValue), Max];

        CheckAgainstModel("t", [.. from s in first from n in second select Pk(s, n)]);
    }

    [Fact]
    public void Every_combination_of_bounds_on_three_columns_matches_the_model()
    {
        Store.Tables.CreateTable("t3", [new("a", PrimaryKeyType.String), new("b", PrimaryKeyType.Integer), new("c", PrimaryKeyType.Binary)]);
        foreach (var a in new[] { "x", "y" })
            foreach (var b in new long[] { 1, 2 })
                foreach (var c in new byte[][] { [], [0], [1] })
                    Put("t3", Key(("a", S(a)), ("b", I(b)), ("c", Value.Binary(c))));
        Value[] first = [Min, S("x"), S("y"), Max];
        Value[] second = [Min, I(1), I(2), Max];
        Value[] third = [Min, Value.Binary([]), Value.Binary([0]), Value.Binary([0, 0]), Value.Binary([1]), Max];

        CheckAgainstModel("t3", [.. from a in first from b in second from c in third select Key(("a", a), ("b", b), ("c", c))]);
    }

    [Fact]
    public void Every_combination_of_bounds_on_extreme_integers_matches_the_model()
    {
        Store.Tables.CreateTable("before", [new("a", PrimaryKeyType.Integer), new("b", PrimaryKeyType.Integer)]);
        Store.Tables.CreateTable("ints", [new("a", PrimaryKeyType.Integer), new("b", PrimaryKeyType.Integer)]);
        Store.Tables.CreateTable("after", [new("a", PrimaryKeyType.Integer), new("b", PrimaryKeyType.Integer)]);
        long[] values = [long.MinValue, -1, 0, 255, long.MaxValue];
        foreach (var table in new[] { "before", "ints", "after" })
            foreach (var a in values)
                foreach (var b in values)
                    Put(table, Key(("a", I(a)), ("b", I(b))));
        Value[] bounds = [Min, I(long.MinValue), I(long.MinValue + 1), I(-1), I(0), I(255), I(256), I(long.MaxValue - 1), I(long.MaxValue), Max];

        CheckAgainstModel("ints", [.. from a in bounds from b in bounds select Key(("a", a), ("b", b))]);
    }

    private void CheckAgainstModel(string table, KeyColumn[][] bounds)
    {
        var rows = Store.Rows(table).Select(r => r.PrimaryKey).ToList();
        Assert.Equal(rows.Order(Comparer<IReadOnlyList<KeyColumn>>.Create((x, y) => CompareToBound(x, y))), rows);
        foreach (var start in bounds)
            foreach (var end in bounds)
                foreach (var direction in new[] { Direction.Forward, Direction.Backward })
                {
                    var order = CompareBounds(start, end);
                    var context = $"{direction} [{Format(start)}] -> ({Format(end)})";
                    // (x, 1, INF_MAX) and (x, 2, INF_MIN) are the same position in storage: no key can lie between them, and the
                    // store reads such a range as empty in both directions instead of rejecting one of them.
                    var samePosition = KeyCodec.EncodeBound(1, start, out _).AsSpan().SequenceEqual(KeyCodec.EncodeBound(1, end, out _));
                    if (samePosition)
                    {
                        Assert.True(order == 0 || !rows.Any(r => CompareToBound(r, order < 0 ? start : end) > 0 && CompareToBound(r, order < 0 ? end : start) < 0), context);
                        Assert.True(Range(table, direction, start, end).Rows.Count == 0, context);
                        continue;
                    }
                    if (direction == Direction.Forward ? order > 0 : order < 0)
                    {
                        var code = Record.Exception(() => Range(table, direction, start, end)) is TableStoreException e ? e.Code : "no error";
                        Assert.True(Invalid == code, context + ": " + code);
                        continue;
                    }
                    var expected = direction == Direction.Forward
                        ? rows.Where(r => CompareToBound(r, start) >= 0 && CompareToBound(r, end) < 0)
                        : rows.Where(r => CompareToBound(r, start) <= 0 && CompareToBound(r, end) > 0).Reverse();
                    var expectedText = string.Join(" ", expected.Select(r => Format(r)));
                    Assert.True(expectedText == string.Join(" ", Range(table, direction, start, end).Rows.Select(r => Format(r.PrimaryKey))), context);
                    Assert.True(expectedText == string.Join(" ", AllPages(table, direction, start, end, 2).Select(r => Format(r.PrimaryKey))), context + " by 2");
                }
    }

    /// <summary>Row key (no infinities) against a bound: the sign of row - bound.</summary>
    private static int CompareToBound(IReadOnlyList<KeyColumn> row, IReadOnlyList<KeyColumn> bound)
    {
        for (var i = 0; i < bound.Count; i++)
        {
            var b = bound[i].Value;
            if (b.Kind == ValueKind.InfMin)
                return 1;
            if (b.Kind == ValueKind.InfMax)
                return -1;
            var c = CompareValues(row[i].Value, b);
            if (c != 0)
                return c;
        }
        return 0;
    }

    private static int CompareBounds(IReadOnlyList<KeyColumn> x, IReadOnlyList<KeyColumn> y)
    {
        for (var i = 0; i < x.Count; i++)
        {
            int Rank(Value v) => v.Kind == ValueKind.InfMin ? -1 : v.Kind == ValueKind.InfMax ? 1 : 0;
            var (a, b) = (x[i].Value, y[i].Value);
            if (Rank(a) != Rank(b))
                return Rank(a).CompareTo(Rank(b));
            if (Rank(a) != 0)
                return 0;
            var c = CompareValues(a, b);
            if (c != 0)
                return c;
        }
        return 0;
    }

    private static int CompareValues(Value a, Value b) => a.Kind switch
    {
        ValueKind.Integer => a.AsInteger.CompareTo(b.AsInteger),
        ValueKind.String => Encoding.UTF8.GetBytes(a.AsString).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.AsString)),
        _ => a.AsBinary.AsSpan().SequenceCompareTo(b.AsBinary),
    };

    [Fact]
    public void Rows_are_ordered_by_unsigned_bytes_and_signed_integers()
    {
        CreateTable();
        Store.Tables.CreateTable("bin", [new("id", PrimaryKeyType.Binary)]);
        Store.Tables.CreateTable("num", [new("id", PrimaryKeyType.Integer)]);
        string[] strings = ["", "\0", "B", "a", "a\0", "a\u0001", "ab", "ä", "中", "\uFF21", "😀"];
        byte[][] binaries = [[], [0], [0, 0], [0, 0xFF], [1], [0x7F], [0x80], [0xFF], [0xFF, 0]];
        long[] numbers = [long.MinValue, -256, -1, 0, 1, 255, 256, long.MaxValue];
        foreach (var s in Enumerable.Reverse(strings))
            Put("orders", Id(s));
        foreach (var b in Enumerable.Reverse(binaries))
            Put("bin", Key(("id", Value.Binary(b))));
        foreach (var n in Enumerable.Reverse(numbers))
            Put("num", Key(("id", I(n))));

        Assert.Equal(strings, Store.Rows("orders").Select(r => r.PrimaryKey[0].Value.AsString));
        Assert.Equal(binaries.Select(Convert.ToHexString), Store.Rows("bin").Select(r => Convert.ToHexString(r.PrimaryKey[0].Value.AsBinary)));
        Assert.Equal(numbers, Store.Rows("num").Select(r => r.PrimaryKey[0].Value.AsInteger));
        Assert.Equal(Enumerable.Reverse(numbers), Range("num", Direction.Backward, [new("id", Max)], [new("id", Min)]).Rows.Select(r => r.PrimaryKey[0].Value.AsInteger));
        Assert.Equal([-1L, 0L, 1L], Range("num", Direction.Forward, [new("id", I(-1))], [new("id", I(255))]).Rows.Select(r => r.PrimaryKey[0].Value.AsInteger));
    }

    [Fact]
    public void Pages_of_12000_rows_return_every_row_once_in_order_both_ways()
    {
        Store.Tables.CreateTable("big", [new("n", PrimaryKeyType.Integer)]);
        for (var batch = 0; batch < 60; batch++)
        {
            var results = Store.Writer.BatchWriteRow([("big", [.. Enumerable.Range(batch * 200, 200)
                .Select(i => new RowWrite(WriteType.Put, Key(("n", I(i * 7 % 12_000))), [new("i", I(i))]))])]);
            Assert.All(results.Single(), r => Assert.True(r.IsOk));
        }
        Assert.Equal(12_000, Store.Tables.DescribeTable("big").RowCount);
        long[] ascending = [.. Enumerable.Range(0, 12_000).Select(i => (long)i)];
        KeyColumn[] min = [new("n", Min)], max = [new("n", Max)];

        foreach (var limit in new int?[] { 5000, null, 4000, 7, 5001, int.MaxValue })
        {
            var sizes = new List<int>();
            var forward = AllPages("big", Direction.Forward, min, max, limit, sizes);
            Assert.Equal(ascending, forward.Select(r => r.PrimaryKey[0].Value.AsInteger));
            Assert.All(forward, r => Assert.Equal(r.PrimaryKey[0].Value.AsInteger, r.Columns.Single().Value.AsInteger * 7 % 12_000));
            if (limit != 7)
                Assert.Equal(limit == 4000 ? [4000, 4000, 4000] : (int[])[5000, 5000, 2000], sizes);

            sizes.Clear();
            var backward = AllPages("big", Direction.Backward, max, min, limit, sizes);
            Assert.Equal(Enumerable.Reverse(ascending), backward.Select(r => r.PrimaryKey[0].Value.AsInteger));
            if (limit != 7)
                Assert.Equal(limit == 4000 ? [4000, 4000, 4000] : (int[])[5000, 5000, 2000], sizes);
        }

        var first = Range("big", Direction.Forward, min, max);
        Assert.Equal(Key(("n", I(5000))), first.NextStartPrimaryKey);
        var back = Range("big", Direction.Backward, max, min, 5000);
        Assert.Equal(Key(("n", I(6999))), back.NextStartPrimaryKey);
        var middle = AllPages("big", Direction.Forward, Key(("n", I(100))), Key(("n", I(11_000))), 3000);
        Assert.Equal(ascending[100..11_000], middle.Select(r => r.PrimaryKey[0].Value.AsInteger));
    }

    [Fact]
    public void A_page_stops_at_about_4_MiB_and_paging_continues()
    {
        Store.Tables.CreateTable("blobs", [new("n", PrimaryKeyType.Integer)]);
        for (var i = 0; i < 9; i++)
            Put("blobs", Key(("n", I(i))), ("v", Value.Binary(new byte[1024 * 1024])));

        var page = Range("blobs", Direction.Forward, [new("n", Min)], [new("n", Max)]);

        Assert.InRange(page.Rows.Count, 3, 4);
        Assert.Equal(Key(("n", I(page.Rows.Count))), page.NextStartPrimaryKey);
        var sizes = new List<int>();
        Assert.Equal(9, AllPages("blobs", Direction.Forward, [new("n", Min)], [new("n", Max)], null, sizes).Select(r => r.PrimaryKey[0].Value.AsInteger).Distinct().Count());
        Assert.True(sizes.Count >= 3);
        Assert.Equal(9, AllPages("blobs", Direction.Backward, [new("n", Max)], [new("n", Min)], null).Count);
    }

    [Fact]
    public void An_empty_table_or_range_has_no_rows_and_no_next_page()
    {
        CreateTable();

        foreach (var (direction, start, end) in new[] { (Direction.Forward, Min, Max), (Direction.Backward, Max, Min) })
        {
            var page = Range("orders", direction, [new("id", start)], [new("id", end)], 10);
            Assert.Empty(page.Rows);
            Assert.Null(page.NextStartPrimaryKey);
        }
        Put("orders", Id("m"));
        Assert.Empty(Range("orders", Direction.Forward, Id("n"), [new("id", Max)]).Rows);
        Assert.Null(Range("orders", Direction.Forward, Id("a"), Id("m")).NextStartPrimaryKey);
    }

    [Fact]
    public void A_page_that_ends_exactly_at_the_last_row_has_no_next_page()
    {
        CreateTable();
        foreach (var id in new[] { "a", "b", "c", "d" })
            Put("orders", Id(id));

        var first = Range("orders", Direction.Forward, [new("id", Min)], [new("id", Max)], 2);
        Assert.Equal(Id("c"), first.NextStartPrimaryKey);
        var second = Range("orders", Direction.Forward, Id("c"), [new("id", Max)], 2);
        Assert.Equal("c d", Keys(second.Rows));
        Assert.Null(second.NextStartPrimaryKey);
        var bounded = Range("orders", Direction.Forward, Id("a"), Id("c"), 2);
        Assert.Equal("a b", Keys(bounded.Rows));
        Assert.Null(bounded.NextStartPrimaryKey);
        var backward = Range("orders", Direction.Backward, Id("d"), Id("b"), 2);
        Assert.Equal("d c", Keys(backward.Rows));
        Assert.Null(backward.NextStartPrimaryKey);
    }

    [Fact]
    public void ColumnsToGet_and_maxVersions_apply_to_every_row()
    {
        Store.Tables.CreateTable("orders", [new("id", PrimaryKeyType.String)], options: new TableOptions(MaxVersions: 3));
        foreach (var id in new[] { "a", "b" })
            for (var v = 1; v <= 3; v++)
                Store.Update("orders", Id(id), [new("x", I(v), Now - 10 + v), new("y", I(-v), Now - 10 + v)]);
        Put("orders", Id("c"), ("z", I(1)));
        KeyColumn[] min = [new("id", Min)], max = [new("id", Max)];

        var rows = Range("orders", Direction.Forward, min, max, columns: ["x"], maxVersions: 2).Rows;

        Assert.Equal("a b", Keys(rows.Take(2)));
        Assert.Equal($"x=I:3@{Now - 7},x=I:2@{Now - 8}", Format(rows[0].Columns));
        Assert.Equal($"x=I:3@{Now - 7},x=I:2@{Now - 8}", Format(rows[1].Columns));
        Assert.All(rows.Skip(2), r => Assert.Empty(r.Columns));
        Assert.Equal($"x=I:3@{Now - 7},y=I:-3@{Now - 7}", Format(Range("orders", Direction.Forward, min, max).Rows[0].Columns));
        Assert.Equal(6, Range("orders", Direction.Backward, max, min, maxVersions: 10).Rows[1].Columns.Count);
    }

    [Fact]
    public void Invalid_requests_are_rejected()
    {
        CreateGrid();
        KeyColumn[] min = Pk(Min, Min), max = Pk(Max, Max);
        KeyColumn[][] badBounds =
        [
            [], [new("s", Min)], [.. min, new("x", Min)], Key(("n", Min), ("s", Min)), Key(("s", Min), ("x", Min)),
            Pk(I(1), Min), Pk(S("a"), S("1")), Pk(Value.AutoIncrement, Min), Pk(S("a"), Value.Double(1)),
        ];

        foreach (var bound in badBounds)
        {
            Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, bound, max)).Code);
            Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, min, bound)).Code);
        }
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, null!, max)).Code);
        foreach (var limit in new[] { 0, -1, int.MinValue })
            Assert.Contains("limit", ErrorOf(() => Range("t", Direction.Forward, min, max, limit)).Message);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, min, max, maxVersions: 0)).Code);
        Assert.Equal(Invalid, ErrorOf(() => Range("t", Direction.Forward, min, max, columns: [.. Enumerable.Range(0, 129).Select(i => $"c{i}")])).Code);
        Assert.Equal(9, Range("t", Direction.Forward, min, max, columns: [.. Enumerable.Range(0, 128).Select(i => $"c{i}")]).Rows.Count);
        Assert.Equal(TableStoreError.ObjectNotExist, ErrorOf(() => Range("nope", Direction.Forward, min, max)).Code);
    }

    [Fact]
    public void Rows_of_other_tables_never_appear_in_a_range()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            Store.Tables.CreateTable(name, [new("n", PrimaryKeyType.Integer)]);
            foreach (var n in new[] { long.MinValue, 0, long.MaxValue })
                Put(name, Key(("n", I(n))), ("table", S(name)));
        }
        Store.Tables.CreateTable("s", [new("k", PrimaryKeyType.String)]);
        Put("s", Key(("k", S(""))), ("table", S("s")));
        Put("s", Key(("k", S("\uFFFF"))), ("table", S("s")));
        KeyColumn[] min = [new("n", Min)], max = [new("n", Max)];

        foreach (var name in new[] { "a", "b", "c" })
        {
            var forward = Range(name, Direction.Forward, min, max).Rows;
            var backward = Range(name, Direction.Backward, max, min).Rows;
            Assert.Equal([long.MinValue, 0, long.MaxValue], forward.Select(r => r.PrimaryKey[0].Value.AsInteger));
            Assert.Equal([long.MaxValue, 0, long.MinValue], backward.Select(r => r.PrimaryKey[0].Value.AsInteger));
            Assert.All(forward.Concat(backward), r => Assert.Equal(S(name), r.Columns.Single().Value));
            Assert.Empty(Range(name, Direction.Forward, Key(("n", I(long.MaxValue))), max).Rows.Skip(1));
            Assert.Empty(Range(name, Direction.Backward, Key(("n", I(long.MinValue))), min).Rows.Skip(1));
        }
        Assert.Equal(2, Range("s", Direction.Forward, [new("k", Min)], [new("k", Max)]).Rows.Count);

        Store.Tables.DeleteTable("b");
        Store.Tables.CreateTable("b", [new("n", PrimaryKeyType.Integer)]);
        Assert.Empty(Range("b", Direction.Forward, min, max).Rows);
        Assert.Empty(Range("b", Direction.Backward, max, min).Rows);
        Assert.Equal(3, Range("a", Direction.Forward, min, max).Rows.Count);
        Assert.Equal(3, Range("c", Direction.Backward, max, min).Rows.Count);
    }
}

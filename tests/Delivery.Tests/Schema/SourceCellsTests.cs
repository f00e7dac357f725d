using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

public class SourceCellsTests
{
    private static readonly KeyColumn[] Key = [new("pk1", Value.String("a")), new("pk2", Value.Integer(1))];

    [Fact]
    public void A_row_gives_its_key_then_its_cells_and_the_mapper_takes_the_newest_version()
    {
        var row = new Row(Key, [new("c", Value.Integer(2), 200), new("c", Value.Integer(1), 100), new("d", Value.Double(0.5), 50)]);
        var mapper = new SchemaMapper([new("pk2", "pk2", ParquetType.Int64), new("c", "c", ParquetType.Int64), new("pk1", "pk1", ParquetType.Utf8)]);

        var cells = SourceCells.FromRow(row);

        Assert.Equal(
            [("pk1", Value.String("a")), ("pk2", Value.Integer(1)), ("c", Value.Integer(2)), ("c", Value.Integer(1)), ("d", Value.Double(0.5))],
            cells);
        Assert.Equal(new Value?[] { Value.Integer(1), Value.Integer(2), Value.String("a") }, mapper.Map(cells).Values);
    }

    public static TheoryData<string, ColumnChange[], (string, Value)[]> Changes() => new()
    {
        { "puts only", [Put("a", Value.Integer(1), 10), Put("b", Value.String("x"), 10)], [("a", Value.Integer(1)), ("b", Value.String("x"))] },
        { "deletes deliver nothing", [Put("a", Value.Integer(1), 10), Delete("b", ColumnChangeType.DeleteOneVersion), Delete("c", ColumnChangeType.DeleteAllVersions)], [("a", Value.Integer(1))] },
        { "only deletes", [Delete("b", ColumnChangeType.DeleteAllVersions)], [] },
        { "a column put twice keeps the newer", [Put("a", Value.Integer(2), 20), Put("a", Value.Integer(1), 10)], [("a", Value.Integer(2))] },
        { "a newer second put replaces the first", [Put("a", Value.Integer(1), 10), Put("b", Value.Boolean(true), 5), Put("a", Value.Integer(3), 30)], [("a", Value.Integer(3)), ("b", Value.Boolean(true))] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_gives_its_key_then_only_the_columns_it_put(string _, ColumnChange[] columns, (string, Value)[] expected)
    {
        var change = new ChangeRecord(1, 1000, "t", ChangeAction.UpdateRow, Key, columns);

        var cells = SourceCells.FromChange(change);

        Assert.Equal([("pk1", Value.String("a")), ("pk2", Value.Integer(1)), .. expected], cells);
    }

    private static ColumnChange Put(string name, Value value, long timestamp) => new(name, ColumnChangeType.Put, value, timestamp);

    private static ColumnChange Delete(string name, ColumnChangeType type) => new(name, type, null, type == ColumnChangeType.DeleteOneVersion ? 5 : null);
}

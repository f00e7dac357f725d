using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Random PutRow, UpdateRow (puts and whole-column deletes) and DeleteRow on a small key space of one table.</summary>
internal sealed class RandomWrites(RowWriter writer, string tableName, int seed, int keys = 40)
{
    private static readonly string[] Columns = ["n", "s", "d", "b"];
    private readonly Random _random = new(seed);

    public static TableMeta CreateTable(TableDefinitions tables, string tableName) =>
        tables.CreateTable(tableName, [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);

    public static CreateTaskSchema Schema { get; } = new(["id", "n", "s", "d", "b"], ["UTF8", "INT64", "UTF8", "DOUBLE", "BOOL"]);

    public void Write(int count)
    {
        for (var i = 0; i < count; i++)
            WriteOne();
    }

    public void WriteOne()
    {
        var key = new[] { new KeyColumn("id", Value.String($"k{_random.Next(keys):D3}")) };
        var roll = _random.Next(10);
        if (roll < 5)
            writer.WriteRow(tableName, new RowWrite(WriteType.Put, key, Puts()));
        else if (roll < 8)
            writer.WriteRow(tableName, new RowWrite(WriteType.Update, key, Puts(atLeastOne: true),
                DeleteAll: _random.Next(3) == 0 ? [Columns[_random.Next(Columns.Length)]] : null));
        else
            writer.WriteRow(tableName, new RowWrite(WriteType.Delete, key));
    }

    private List<ColumnPut> Puts(bool atLeastOne = false)
    {
        var puts = new List<ColumnPut>();
        var forced = atLeastOne ? _random.Next(Columns.Length) : -1;
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = Columns[c];
            if (c != forced && _random.Next(3) == 0)
                continue;
            puts.Add(new ColumnPut(column, column switch
            {
                "n" => Value.Integer(_random.NextInt64(long.MinValue, long.MaxValue)),
                "s" => Value.String(_random.Next(4) == 0 ? "" : $"text-{_random.Next(1000)}-ü"),
                "d" => Value.Double(Math.Round(_random.NextDouble() * 1e6, 3)),
                _ => Value.Boolean(_random.Next(2) == 0),
            }));
        }
        return puts;
    }
}

/// <summary>Parallel lists of column names and Parquet types for a task's schema.</summary>
internal sealed record CreateTaskSchema(string[] Columns, string[] Types);

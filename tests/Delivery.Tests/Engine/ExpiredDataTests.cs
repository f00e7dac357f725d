using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>BASE delivers what the table holds at the snapshot: data past the table's time to live is not delivered.</summary>
public sealed class ExpiredDataTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Rows_whose_cells_all_expired_are_not_delivered_and_expired_cells_are_left_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-3));
        await using var host = await EngineHost.StartAsync(_data, tableClock: clock);
        host.Tables.CreateTable("ttl", [new PrimaryKeyColumn("id", PrimaryKeyType.String)], options: new TableOptions(TimeToLive: 86_400));
        Put(host, "old", ("a", 1));
        Put(host, "mixed", ("a", 2));
        clock.Advance(TimeSpan.FromDays(2));
        host.Writer.WriteRow("ttl", new RowWrite(WriteType.Update, [new KeyColumn("id", Value.String("mixed"))], [new ColumnPut("b", Value.Integer(3))]));
        Put(host, "new", ("a", 4));

        await host.CreateAsync(EngineRequests.Task("ttl", "ttl-task", "BASE", "ttl", new(["id", "a", "b"], ["UTF8", "INT64", "INT64"])));
        var done = await host.WaitForAsync("ttl", "ttl-task", s => s.State.Finished);

        DeliveredRows.AssertSame(["ttl|mixed|null|3", "ttl|new|4|null"], DeliveredRows.Read(host, "ttl/"));
        Assert.Equal(2, done.State.RowsDelivered);
    }

    private static void Put(EngineHost host, string id, (string Name, long Value) cell) =>
        host.Writer.WriteRow("ttl", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))], [new ColumnPut(cell.Name, Value.Integer(cell.Value))]));

    public void Dispose() => _data.Dispose();
}

using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Stopping the host writes what tasks buffer and saves their checkpoints, whatever the flush interval.</summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Buffered_rows_are_delivered_when_the_host_stops_and_not_again_after_it_starts()
    {
        var request = EngineRequests.Task("t", "stop-task", "INC", "p", new(["id", "v"], ["UTF8", "INT64"]),
            emulator: new EmulatorTaskConfig(FlushIntervalSeconds: 3600));
        await using (var host = await EngineHost.StartAsync(_data))
        {
            host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
            await host.CreateAsync(request);
            for (var i = 0; i < 50; i++)
                host.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String($"r{i:D2}"))], [new ColumnPut("v", Value.Integer(i))]));
            // Every change read and held: the hour-long interval keeps them buffered until the host stops.
            await host.WaitForAsync("t", "stop-task", s => s.RowsBuffered == 50);
            Assert.Empty(host.ObjectKeys());
        }
        await using (var host = await EngineHost.StartAsync(_data, createBucket: false))
        {
            Assert.Equal(["p/stop-task_0_p__1"], host.ObjectKeys());
            var status = await host.DescribeAsync("t", "stop-task");
            Assert.Equal(50, status.State.RowsDelivered);
            Assert.Equal(50, DeliveredRows.Read(host, "p/").Count);
        }
    }

    public void Dispose() => _data.Dispose();
}

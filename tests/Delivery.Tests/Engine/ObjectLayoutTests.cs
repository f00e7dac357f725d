using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Object keys as the engine writes them, for the documented examples (research §4.2) that our rules accept.</summary>
public sealed class ObjectLayoutTests : IDisposable
{
    // 2020-08-31 16:03 in Asia/Shanghai, the write time of the documented examples.
    private static readonly long WriteTime = new DateTimeOffset(2020, 8, 31, 16, 3, 27, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("lake/$yyyy/$MM/$dd", "lake/2020/08/31/tsk_0_lake_2020_08_31__1")]
    [InlineData("myPrefix", "myPrefix/tsk_0_myPrefix__1")]
    [InlineData("myPrefix/$yyyy/$MM/$dd/$HH/$mm", "myPrefix/2020/08/31/16/03/tsk_0_myPrefix_2020_08_31_16_03__1")]
    [InlineData("ds=$yyyy$MM$dd", "ds=20200831/tsk_0_ds=20200831__1")]
    [InlineData("lake/year=$yyyy/", "lake/year=2020/tsk_0_lake_year=2020__1")]
    public async Task A_row_written_at_the_documented_time_lands_under_the_documented_key(string prefix, string key)
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("golden", [new PrimaryKeyColumn("id", PrimaryKeyType.String)],
            options: new TableOptions(MaxTimeDeviation: 20L * 365 * 86_400));
        host.Writer.WriteRow("golden", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String("a"))],
            [new ColumnPut("v", Value.Integer(7), WriteTime)]));
        await host.CreateAsync(EngineRequests.Task("golden", "tsk", "BASE", prefix, new(["id", "v"], ["UTF8", "INT64"])));
        await host.WaitForAsync("golden", "tsk", s => s.State.Finished);

        Assert.Equal([key], host.ObjectKeys());
    }

    [Fact]
    public async Task Sequence_numbers_grow_per_prefix_and_continue_after_a_restart()
    {
        var request = EngineRequests.Task("seq", "cont", "INC", "cont", new(["id", "v"], ["UTF8", "INT64"]));
        await using (var host = await EngineHost.StartAsync(_data))
        {
            host.Tables.CreateTable("seq", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
            await host.CreateAsync(request);
            Put(host, "a", 1);
            await host.WaitCaughtUpAsync("seq", "cont");
            Put(host, "b", 2);
            await host.WaitCaughtUpAsync("seq", "cont");
        }
        await using (var host = await EngineHost.StartAsync(_data, createBucket: false))
        {
            Put(host, "c", 3);
            var done = await host.WaitCaughtUpAsync("seq", "cont");
            Assert.Equal(["cont/cont_0_cont__1", "cont/cont_0_cont__2", "cont/cont_0_cont__3"], host.ObjectKeys());
            DeliveredRows.AssertSame(["cont|a|1", "cont|b|2", "cont|c|3"], DeliveredRows.Read(host, "cont/"));
            Assert.Equal(3, done.State.RowsDelivered);
        }
    }

    private static void Put(EngineHost host, string id, long v) =>
        host.Writer.WriteRow("seq", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))], [new ColumnPut("v", Value.Integer(v))]));

    public void Dispose() => _data.Dispose();
}

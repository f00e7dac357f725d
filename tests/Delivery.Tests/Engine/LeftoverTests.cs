using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>What a process stopped at the wrong instant leaves behind is let go at the next start.</summary>
public sealed class LeftoverTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_finished_task_lets_go_of_its_change_hold_and_snapshot_after_a_restart()
    {
        await using (var host = await EngineHost.StartAsync(_data))
        {
            host.Tables.CreateTable("t", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
            host.Writer.WriteRow("t", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String("a"))], [new ColumnPut("v", Value.Integer(1))]));
            await host.CreateAsync(EngineRequests.Task("t", "done-task", "BASE", "p", new(["id", "v"], ["UTF8", "INT64"])));
            await host.WaitForAsync("t", "done-task", s => s.State.Finished);
            // As if the process had stopped after saving the finished state and before letting go.
            host.ChangeLog.SetChangeHold(EngineHost.HoldOf("done-task"), 0);
            host.SavedSnapshots.SaveSnapshot("done-task");
        }
        await using (var host = await EngineHost.StartAsync(_data, createBucket: false))
        {
            await host.WaitForAsync("t", "done-task", s => s.State.Finished);
            await Eventually.UntilAsync(() => host.ChangeLog.ChangeHoldConsumers.Count == 0 && host.SavedSnapshots.SavedSnapshotNames.Count == 0,
                () => "the hold or the snapshot stayed");
            Assert.Equal(["p/done-task_0_p__1"], host.ObjectKeys());
        }
    }

    public void Dispose() => _data.Dispose();
}

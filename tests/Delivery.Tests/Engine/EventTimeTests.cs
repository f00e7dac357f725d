using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Partitioning by an event-time column in each of the five formats; bad or missing values fall back to write time and count as dirty.</summary>
public sealed class EventTimeTests : IDisposable
{
    private readonly TempFolder _data = new();

    public static TheoryData<string, Value, string> GoodValues => new()
    {
        { "RFC822", Value.String("31 Aug 20 16:03 UTC"), "2020/08/31/16/03" },
        { "RFC850", Value.String("Monday, 31-Aug-20 16:03:05 UTC"), "2020/08/31/16/03" },
        { "RFC1123", Value.String("Mon, 31 Aug 2020 16:03:05 GMT"), "2020/08/31/16/03" },
        { "RFC3339", Value.String("2020-08-31T16:03:05+08:00"), "2020/08/31/08/03" },
        { "Unix", Value.Integer(1598889785), "2020/08/31/16/03" },
        { "Unix", Value.Integer(1598889785123), "2020/08/31/16/03" },
        { "Unix", Value.String("1598889785"), "2020/08/31/16/03" },
    };

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task A_good_value_partitions_by_event_time_and_a_bad_or_missing_one_by_write_time(string format, Value good, string folder)
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("events", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        await host.CreateAsync(EngineRequests.Task("events", "event-task", "INC", "ev/$yyyy/$MM/$dd/$HH/$mm",
            new(["id"], ["UTF8"]), emulator: new EmulatorTaskConfig(TimeZone: "UTC"), eventTime: new EventTimeColumnConfig("ts", format)));
        Put(host, "good", good);
        Put(host, "bad", format == "Unix" ? Value.String("12:00") : Value.String("2020-13-45 nonsense"));
        Put(host, "missing", null);
        var before = DateTimeOffset.UtcNow;
        var done = await host.WaitCaughtUpAsync("events", "event-task");
        var after = DateTimeOffset.UtcNow;

        var rows = DeliveredRows.Read(host, "ev/");
        Assert.Contains($"ev/{folder}|good", rows);
        var fallback = rows.Where(r => !r.EndsWith("|good", StringComparison.Ordinal)).Select(r => r.Split('|')).ToList();
        Assert.Equal(["bad", "missing"], fallback.Select(r => r[1]).Order());
        Assert.All(fallback, r => Assert.True(IsWriteTimeFolder(r[0], before.AddMinutes(-1), after), r[0]));
        Assert.Equal(2, done.State.DirtyCells);
    }

    private static bool IsWriteTimeFolder(string folder, DateTimeOffset from, DateTimeOffset to)
    {
        for (var t = from; t <= to.AddMinutes(1); t = t.AddMinutes(1))
        {
            if (folder == "ev/" + t.UtcDateTime.ToString("yyyy/MM/dd/HH/mm"))
                return true;
        }
        return false;
    }

    private static void Put(EngineHost host, string id, Value? ts) =>
        host.Writer.WriteRow("events", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))],
            ts is { } value ? [new ColumnPut("ts", value), new ColumnPut("x", Value.Integer(1))] : [new ColumnPut("x", Value.Integer(1))]));

    public void Dispose() => _data.Dispose();
}

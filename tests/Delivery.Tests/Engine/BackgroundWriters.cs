using DeliveryConsole.TableStore;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// Writers that keep making random changes (<see cref="RandomWrites"/>) to a table in the background until stopped,
/// each in small bursts with a short pause, so a test that runs for many seconds stays at a few thousand changes
/// a second rather than as many as the store takes.
/// </summary>
internal sealed class BackgroundWriters : IAsyncDisposable
{
    private const int Burst = 10;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers;
    private long _written;

    /// <param name="seed">Writer i uses seed + i.</param>
    public BackgroundWriters(RowWriter writer, string tableName, int seed, int writers = 2, int keys = 3000)
    {
        _writers = [.. Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var writes = new RandomWrites(writer, tableName, seed + i, keys);
            while (!_stop.IsCancellationRequested)
            {
                writes.Write(Burst);
                Interlocked.Add(ref _written, Burst);
                await Task.Delay(Pause);
            }
        }))];
    }

    /// <summary>Changes written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Stops every writer and waits until none writes any more; a writer's failure is thrown here.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}

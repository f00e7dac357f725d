using System.Diagnostics;

namespace DeliveryConsole.Testing;

/// <summary>
/// Waits for a state by reading it until it holds. The limit only catches hangs: on a machine whose two cores are
/// shared with other builds a step can take many times longer than on a quiet one, so tests wait for the state they
/// need, never for a time, and fail with what they last saw.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough that only a hang reaches it, also with other jobs on the same cores.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Reads until <paramref name="reached"/> holds and returns what was read then; after <paramref name="limit"/>
    /// (<see cref="HangLimit"/> by default) fails with <paramref name="stuck"/> of the last value read.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> reached, Func<T, string> stuck, TimeSpan? limit = null)
    {
        var hang = limit ?? HangLimit;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (reached(value))
                return value;
            if (clock.Elapsed > hang)
                Assert.Fail($"Still waiting after {hang.TotalSeconds:N0} s (a limit for hangs only): {stuck(value)}");
            await Task.Delay(Every, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Checks <paramref name="reached"/> until it holds; fails with <paramref name="stuck"/> after the limit.</summary>
    public static Task UntilAsync(Func<bool> reached, Func<string> stuck, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(reached()), done => done, _ => stuck(), limit);
}

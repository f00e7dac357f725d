using System.Net;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// Slows down guessing the instance key: after <see cref="MaxFailures"/> wrong keys from one address within
/// <see cref="Window"/>, that address is refused for <see cref="LockOut"/>, whatever it sends, through every door
/// (the sign-in form, HTTP Basic on the API, wire-protocol signatures). A refusal while locked out is not another
/// failure, so the lock-out ends on time. Other addresses are not affected.
/// </summary>
public sealed class KeyGuessLimiter(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(1);

    // Bounds the table under a flood from many addresses: past this size, entries with nothing to remember go first.
    private const int MaxAddresses = 10_000;

    private readonly Dictionary<string, Attempts> _byAddress = [];
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="address"/> is still refused; null when it may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
            return _byAddress.TryGetValue(Key(address), out var attempts) && attempts.LockedUntil > now ? attempts.LockedUntil - now : null;
    }

    /// <summary>Counts a wrong key from <paramref name="address"/>; the one that reaches the limit starts the lock-out.</summary>
    public void Failed(IPAddress? address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_byAddress.Count >= MaxAddresses)
                Forget(now, evenRecent: false);
            if (_byAddress.Count >= MaxAddresses)
                Forget(now, evenRecent: true);
            var key = Key(address);
            var attempts = _byAddress.TryGetValue(key, out var known) && now - known.WindowStart < Window
                ? known with { Failures = known.Failures + 1 }
                : new Attempts(now, 1, known?.LockedUntil ?? DateTimeOffset.MinValue);
            if (attempts.Failures >= MaxFailures)
                attempts = new Attempts(now, 0, now + LockOut);
            _byAddress[key] = attempts;
        }
    }

    /// <summary>The message every door gives while an address is locked out.</summary>
    public static string Message(TimeSpan retryAfter) =>
        $"Too many wrong access keys from this address; try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.";

    // Lock-outs in force are always kept; recent failure counts go only when the table is still full without them.
    private void Forget(DateTimeOffset now, bool evenRecent)
    {
        foreach (var (key, _) in _byAddress.Where(e => e.Value.LockedUntil <= now && (evenRecent || now - e.Value.WindowStart >= Window)).ToList())
            _byAddress.Remove(key);
    }

    // In-process test hosts have no remote address; they share one entry.
    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private sealed record Attempts(DateTimeOffset WindowStart, int Failures, DateTimeOffset LockedUntil);
}

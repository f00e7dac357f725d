using System.Diagnostics;
using System.Security.Cryptography;

namespace DeliveryConsole.Web.Tests.CrashSafety;

/// <summary>
/// Lists the bucket every ~50 ms while the console is killed and restarted, and hashes (SHA-256) each object the
/// first time it shows up; whenever a listing shows it written again (new size, time or tag) it is read and hashed
/// again and must have the same content. An object once seen must never disappear. <see cref="FinalPassAsync"/>
/// reads and hashes every object once more.
/// </summary>
public sealed class ObjectWatch(IKillBucket bucket)
{
    private readonly Dictionary<string, (string Version, string Hash, long Size)> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly object _gate = new();
    private int _passes;
    private int _rewritesSameContent;
    private int _listFailures;
    private string? _lastListFailure;

    /// <summary>What broke the rule (a rewrite with other content, an object gone), one line each.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_gate) return [.. _violations]; }
    }

    public int Passes => Volatile.Read(ref _passes);

    /// <summary>Objects written again with the same content (an upload redone after a kill): allowed.</summary>
    public int RewritesSameContent => Volatile.Read(ref _rewritesSameContent);

    public int ListFailures => Volatile.Read(ref _listFailures);

    public string? LastListFailure => _lastListFailure;

    public IReadOnlyDictionary<string, string> Hashes
    {
        get { lock (_gate) return _seen.ToDictionary(p => p.Key, p => p.Value.Hash, StringComparer.Ordinal); }
    }

    public long TotalBytes
    {
        get { lock (_gate) return _seen.Values.Sum(v => v.Size); }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            try
            {
                await PassAsync(rehashAll: false, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The S3 server busy for a moment: the next pass looks again.
                Interlocked.Increment(ref _listFailures);
                _lastListFailure = $"{e.GetType().Name}: {e.Message}";
            }
            var wait = TimeSpan.FromMilliseconds(50) - (clock.Elapsed - started);
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Lists and reads every object once more; the contents by key (for the reader that checks the rows).</summary>
    public async Task<Dictionary<string, byte[]>> FinalPassAsync(CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await PassAsync(rehashAll: true, cancellationToken, contents);
        return contents;
    }

    private async Task PassAsync(bool rehashAll, CancellationToken cancellationToken, Dictionary<string, byte[]>? contents = null)
    {
        var listed = await bucket.ListAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in listed)
        {
            keys.Add(o.Key);
            (string Version, string Hash, long Size) known;
            bool seen;
            lock (_gate)
                seen = _seen.TryGetValue(o.Key, out known);
            if (seen && known.Version == o.Version && !rehashAll)
                continue;
            var bytes = await bucket.ReadAsync(o.Key, cancellationToken);
            if (bytes is null)
            {
                if (seen)
                    Violation($"object {o.Key} was listed and then could not be read: gone");
                continue; // listed a moment before it was replaced or removed: the next pass sees it again
            }
            contents?.Add(o.Key, bytes);
            var hash = Convert.ToHexString(SHA256.HashData(bytes));
            lock (_gate)
            {
                if (!seen)
                    _seen[o.Key] = (o.Version, hash, bytes.Length);
                else if (known.Hash != hash)
                    Violation($"object {o.Key} was rewritten with other content: {known.Size} bytes sha256 {known.Hash[..16]}… " +
                        $"then {bytes.Length} bytes sha256 {hash[..16]}…");
                else
                {
                    if (known.Version != o.Version)
                        _rewritesSameContent++;
                    _seen[o.Key] = (o.Version, hash, bytes.Length);
                }
            }
        }
        lock (_gate)
        {
            foreach (var key in _seen.Keys.Where(k => !keys.Contains(k)))
                Violation($"object {key} disappeared from the listing");
        }
        Interlocked.Increment(ref _passes);
    }

    private void Violation(string message)
    {
        lock (_gate)
        {
            if (_violations.Count < 100 && !_violations.Contains(message))
                _violations.Add(message);
        }
    }
}

using System.Diagnostics;
using DeliveryConsole.Delivery.Endpoints;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.DeliveryBench;

/// <summary>
/// The S3 service measurement 4 delivers to: the one named by S3_TEST_URL, S3_TEST_KEY and S3_TEST_SECRET when all
/// three are set, else a single-node OpenStack Swift with its S3 API that this process starts with
/// <c>tests/s3-server/start.sh</c> into a temp state folder and stops with <c>stop.sh</c> on dispose (also when the
/// measurement fails, and at process exit). For a server it started, <see cref="ServerCpuSeconds"/> reads the CPU
/// time of every Swift and memcached process (and their forked workers) from /proc.
/// </summary>
internal sealed class S3Target : IDisposable
{
    private readonly string? _stateFolder;
    private readonly string? _scripts;
    private int _stopped;

    private S3Target(string url, string key, string secret, string? stateFolder, string? scripts)
    {
        Url = url;
        Key = key;
        Secret = secret;
        _stateFolder = stateFolder;
        _scripts = scripts;
        if (stateFolder is not null)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public string Url { get; private set; }
    public string Key { get; private set; }
    public string Secret { get; private set; }

    /// <summary>True when this process started the server (and can read its CPU time).</summary>
    public bool Own => _stateFolder is not null;

    public string Description => Own ? $"Swift started by the bench ({Url}, state in {_stateFolder})" : $"S3_TEST_URL {Url} (not started by the bench)";

    /// <summary>The endpoint as the console configures one: kind s3, path-style URL, region us-east-1, key and secret.</summary>
    public EndpointOptions Options => new()
    {
        Kind = EndpointOptions.S3Kind,
        Url = Url,
        Region = "us-east-1",
        AccessKey = Key,
        Secret = Secret,
    };

    public static S3Target Open()
    {
        var url = Environment.GetEnvironmentVariable("S3_TEST_URL");
        var key = Environment.GetEnvironmentVariable("S3_TEST_KEY");
        var secret = Environment.GetEnvironmentVariable("S3_TEST_SECRET");
        if (!string.IsNullOrEmpty(url) && !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret))
            return new S3Target(url, key, secret, null, null);

        var scripts = FindScripts();
        var target = new S3Target("", "", "", NewFolder("swift"), scripts);
        try
        {
            var clock = Stopwatch.StartNew();
            Script("start.sh", scripts, target._stateFolder!, TimeSpan.FromMinutes(2));
            var env = File.ReadAllLines(Path.Combine(target._stateFolder!, "env"))
                .Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            (target.Url, target.Key, target.Secret) = (env["S3_TEST_URL"], env["S3_TEST_KEY"], env["S3_TEST_SECRET"]);
            Console.WriteLine(string.Create(Inv, $"# s3: Swift started in {clock.Elapsed.TotalSeconds:F1} s at {target.Url} (untimed)"));
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>User + system CPU seconds of the server's processes and all their descendants, now; 0 when not ours.</summary>
    public double ServerCpuSeconds()
    {
        if (_stateFolder is null)
            return 0;
        var roots = Directory.EnumerateFiles(Path.Combine(_stateFolder, "run"), "*.pid")
            .Select(f => int.TryParse(File.ReadAllText(f).Trim(), out var pid) ? pid : -1).Where(pid => pid > 0).ToHashSet();
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "stat"));
                // After the command in parentheses: state ppid ... utime(14) stime(15), counting fields from 1.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                stats[pid] = (int.Parse(fields[1], Inv), long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }
        var ours = new HashSet<int>(roots.Where(stats.ContainsKey));
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, (parent, _)) in stats)
                grew |= ours.Contains(parent) && ours.Add(pid);
        }
        return ours.Sum(pid => stats[pid].Ticks) / 100.0; // USER_HZ is 100 on Linux
    }

    /// <summary>Stops a server this process started (stop.sh) and deletes its state folder; once.</summary>
    public void Dispose()
    {
        if (_stateFolder is null || _scripts is null || Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        try
        {
            Script("stop.sh", _scripts, _stateFolder, TimeSpan.FromMinutes(1));
            Console.WriteLine("# s3: Swift stopped");
        }
        finally
        {
            try
            {
                DeleteFolder(_stateFolder);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"# s3: could not delete {_stateFolder}: {e.Message}");
            }
        }
    }

    /// <summary>tests/s3-server, looked for upwards from the working folder and from the bench's binaries.</summary>
    private static string FindScripts()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var scripts = Path.Combine(dir.FullName, "tests", "s3-server");
                if (File.Exists(Path.Combine(scripts, "start.sh")))
                    return scripts;
            }
        }
        throw new InvalidOperationException("tests/s3-server/start.sh not found above the working folder; set S3_TEST_URL, S3_TEST_KEY and S3_TEST_SECRET instead");
    }

    private static void Script(string name, string scripts, string state, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(scripts, name));
        start.ArgumentList.Add(state);
        using var script = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(limit))
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish in {limit}");
        }
        if (script.ExitCode != 0)
            throw new InvalidOperationException($"{name} exited with {script.ExitCode}: {errors.Result.Trim()} {output.Result.Trim()}");
    }
}

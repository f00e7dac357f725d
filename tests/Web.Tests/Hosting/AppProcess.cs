using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

/// <summary>The console (or `dotnet run`, or `dotnet publish`) as a child process, the way a user starts it.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The configuration these tests were built in; the app under test was built in the same one.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>
    /// How long a start (or a `dotnet publish`) may take before it counts as hung: minutes, since a JIT-heavy start on
    /// two cores shared with other builds can take a minute where a quiet machine takes two seconds.
    /// </summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);

    public static string WebBuildOutput => RepositoryRoot.Combine("src", "Web", "bin", Configuration, "net10.0");

    private AppProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>A client for a started app that sends the well-known key it starts with, as a script would (curl -u).</summary>
    public static HttpClient KeyedClient(Uri baseAddress, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, DefaultRequestHeaders = { Authorization = ConsoleFactory.DefaultKey } };
        if (timeout is { } limit)
            client.Timeout = limit;
        return client;
    }

    public static AppProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(workingDirectory, environment, arguments);

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The address from Kestrel's "Now listening on:" line (start the app with --urls http://127.0.0.1:0).</summary>
    public async Task<Uri> ListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(StartLimit));
        return first == _listening.Task
            ? await _listening.Task
            : throw new TimeoutException($"The app did not start listening ({(first == exited ? $"exit code {_process.ExitCode}" : "time limit")}):\n{Output}");
    }

    public async Task<int> ExitCodeAsync()
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(StartLimit)) != exited)
            throw new TimeoutException($"The process did not exit within {StartLimit.TotalMinutes} minutes:\n{Output}");
        return _process.ExitCode;
    }

    private readonly List<(string Text, TaskCompletionSource Seen)> _awaitedLines = [];

    /// <summary>Waits until the process has printed a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
                return;
            _awaitedLines.Add((text, seen));
        }
        var first = await Task.WhenAny(seen.Task, _process.WaitForExitAsync(), Task.Delay(StartLimit));
        if (first != seen.Task)
            throw new TimeoutException($"The app did not print '{text}':\n{Output}");
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var (text, seen) in _awaitedLines)
                if (line.Contains(text, StringComparison.Ordinal))
                    seen.TrySetResult();
        }
        if (ListeningLine().Match(line) is { Success: true } match)
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>SIGKILL (what Process.Kill sends on Linux): no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}

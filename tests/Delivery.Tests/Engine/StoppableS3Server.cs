using System.Diagnostics;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// An OpenStack Swift (S3 API on loopback) of one test's own, started with tests/s3-server/start.sh in a temp state
/// folder, so the test may stop its proxy (the endpoint becomes unreachable) and start it again on the same port
/// without disturbing the server other tests share. Disposing stops every process of it and removes the folder.
/// </summary>
internal sealed class StoppableS3Server : IDisposable
{
    // The scripts themselves wait only while Swift's processes are alive and give up after ten minutes of no start;
    // this limit is just above theirs, so it only catches a script that hangs, never a slow (loaded) machine.
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(11);
    private readonly TempFolder _state;

    private StoppableS3Server(TempFolder state, EndpointOptions endpoint)
    {
        _state = state;
        Endpoint = endpoint;
    }

    /// <summary>The server as an endpoint, with its access key and secret.</summary>
    public EndpointOptions Endpoint { get; }

    public static async Task<StoppableS3Server> StartAsync()
    {
        Requires.SwiftBinaries();
        var state = new TempFolder();
        try
        {
            await RunAsync("start.sh", state.Path);
            var env = File.ReadAllLines(state.Combine("env"))
                .Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
            return new StoppableS3Server(state, EngineHost.S3(env["S3_TEST_URL"], env["S3_TEST_KEY"], env["S3_TEST_SECRET"]));
        }
        catch
        {
            Stop(state);
            throw;
        }
    }

    /// <summary>Stops the proxy; returns once its port refuses connections (the backends keep running).</summary>
    public Task StopProxyAsync() => RunAsync("proxy.sh", "stop", _state.Path);

    /// <summary>Starts the proxy again on the same port; returns once it answers.</summary>
    public Task StartProxyAsync() => RunAsync("proxy.sh", "start", _state.Path);

    public void Dispose() => Stop(_state);

    private static void Stop(TempFolder state)
    {
        RunAsync("stop.sh", state.Path).GetAwaiter().GetResult();
        state.Dispose();
    }

    /// <summary>Runs one of tests/s3-server's scripts; fails with its output when it fails.</summary>
    private static async Task RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryRoot.Combine("tests", "s3-server", script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(ScriptLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(" ", arguments)} hung: still running after {ScriptLimit.TotalMinutes} min");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{script} {string.Join(" ", arguments)} failed ({process.ExitCode}): {await errors}{await output}");
    }
}

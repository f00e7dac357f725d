using System.Diagnostics;
using System.Text.Json.Nodes;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Hosting;

namespace DeliveryConsole.Web.Tests.Wire.Sdk;

/// <summary>
/// Runs a script of <c>tests/sdk-node</c> (the real npm SDK <c>tablestore@5.6.5</c>) against a console started as
/// a real process on a free port, the way a user's program would reach it. Installed by <c>test.sh</c> with
/// <c>npm ci --prefix tests/sdk-node</c>; a missing install fails the test, naming that command.
/// </summary>
public sealed class NodeSdk : IAsyncDisposable
{
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    public static string Folder => RepositoryRoot.Combine("tests", "sdk-node");

    private readonly TempFolder _data = new();
    private AppProcess? _console;

    /// <summary>The console's URL root, the SDK's endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Starts the console (well-known key, instance <c>console</c>) on 127.0.0.1 and a free port.</summary>
    public static async Task<NodeSdk> StartAsync()
    {
        var sdk = new NodeSdk();
        sdk._console = AppProcess.Start(sdk._data.Path, new Dictionary<string, string> { ["Console__DataFolder"] = sdk._data.Path },
            Path.Combine(AppProcess.WebBuildOutput, "DeliveryConsole.Web.dll"), "--urls", "http://127.0.0.1:0");
        sdk.Endpoint = await sdk._console.ListeningAsync();
        return sdk;
    }

    /// <summary>
    /// Runs <c>node &lt;script&gt;</c> with the endpoint, instance and key in its environment; asserts exit code 0
    /// and returns the JSON summary (its last line of output).
    /// </summary>
    public async Task<JsonObject> RunAsync(string script, CancellationToken cancel)
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "tablestore", "package.json")))
            Assert.Fail($"The npm SDK is not installed in {Folder}: run `npm ci --prefix tests/sdk-node` (test.sh does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.Environment["OTS_ENDPOINT"] = Endpoint.GetLeftPart(UriPartial.Authority);
        start.Environment["OTS_INSTANCE"] = "console";
        start.Environment["OTS_ACCESS_KEY_ID"] = ConsoleFactory.DefaultKeyId;
        start.Environment["OTS_ACCESS_KEY_SECRET"] = ConsoleFactory.DefaultKeySecret;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync(cancel);
        var errors = node.StandardError.ReadToEndAsync(cancel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(RunLimit);
        try
        {
            await node.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {RunLimit.TotalSeconds} s:\n{await Output()}");
        }
        Assert.True(node.ExitCode == 0, $"node {script} exited with {node.ExitCode}:\n{await Output()}\nconsole:\n{_console!.Output}");
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return JsonNode.Parse(lines[^1])!.AsObject();

        async Task<string> Output() => $"{await output}{await errors}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_console is not null)
            await _console.DisposeAsync();
        _data.Dispose();
    }
}

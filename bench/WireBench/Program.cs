using System.Diagnostics;
using System.Runtime;
using DeliveryConsole.Testing;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.WireBench;

// Write throughput through the wire protocol (the real npm SDK) against the JSON API, both driven from node so the
// client language is the same: PutRow one row per call, and BatchWriteRow 200 rows per call, interleaved rounds.
//   dotnet run -c Release --project bench/WireBench [-- --puts N] [--batch-total N] [--batch-rows N] [--rounds N]
// Smoke: --puts 200 --batch-total 2000 --rounds 1. See docs/benchmarks.md for the method.

/// <summary>Not top-level statements: those would declare a Program that hides the console's own.</summary>
internal static class WireBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var settings = new Dictionary<string, int> { ["puts"] = 5000, ["batch-total"] = 100_000, ["batch-rows"] = 200, ["rounds"] = 3 };
        try
        {
            for (var i = 0; i < args.Length; i += 2)
            {
                var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new FormatException(args[i]);
                if (!settings.ContainsKey(name))
                    throw new FormatException(args[i]);
                settings[name] = int.Parse(args[i + 1], Inv);
            }
            if (settings.Values.Any(v => v < 1) || settings["batch-rows"] > 200)
                throw new FormatException("out of range");
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            Console.Error.WriteLine("usage: WireBench [--puts N] [--batch-total N] [--batch-rows 1-200] [--rounds N]");
            return 2;
        }
        var script = RepositoryRoot.Combine("bench", "WireBench", "writes.js");
        if (!File.Exists(RepositoryRoot.Combine("tests", "sdk-node", "node_modules", "tablestore", "package.json")))
        {
            Console.Error.WriteLine("The npm SDK is not installed: run `npm ci --prefix tests/sdk-node` first.");
            return 2;
        }

        var nodeVersion = await NodeVersionAsync();
        Console.WriteLine(string.Create(Inv,
            $"# wire bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}, " +
            $"node {nodeVersion}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        Console.WriteLine(string.Create(Inv,
            $"# PutRow: {settings["puts"]:N0} rows per round and API; BatchWriteRow: {settings["batch-total"]:N0} rows in calls of " +
            $"{settings["batch-rows"]}; a warm-up round, then {settings["rounds"]} rounds"));

        // WebApplicationFactory finds the console's content root through MvcTestingAppManifest.json in the current
        // folder, as under a test runner, which starts in the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        using var console = new ConsoleFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        var baseUrl = console.StartOnLoopback();
        Console.WriteLine($"# serving {baseUrl} (this process: its CPU time is the server's while node runs)");

        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.GetDirectoryName(script)!, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        start.Environment["OTS_ENDPOINT"] = baseUrl.GetLeftPart(UriPartial.Authority);
        start.Environment["OTS_INSTANCE"] = "console";
        (start.Environment["OTS_ACCESS_KEY_ID"], start.Environment["OTS_ACCESS_KEY_SECRET"]) = console.Key;
        start.Environment["PUTS"] = settings["puts"].ToString(Inv);
        start.Environment["BATCH_TOTAL"] = settings["batch-total"].ToString(Inv);
        start.Environment["BATCH_ROWS"] = settings["batch-rows"].ToString(Inv);
        start.Environment["ROUNDS"] = settings["rounds"].ToString(Inv);
        start.Environment["SERVER_PID"] = Environment.ProcessId.ToString(Inv);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        // Progress lines (stderr) as comments while it runs; the markdown table (stdout) after them.
        var table = node.StandardOutput.ReadToEndAsync();
        string? line;
        while ((line = await node.StandardError.ReadLineAsync()) is not null)
            Console.WriteLine("# " + line);
        await node.WaitForExitAsync();
        Console.WriteLine();
        Console.Write(await table);
        Console.WriteLine(string.Create(Inv, $"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        return node.ExitCode;
    }

    private static async Task<string> NodeVersionAsync()
    {
        var start = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var version = (await node.StandardOutput.ReadToEndAsync()).Trim();
        await node.WaitForExitAsync();
        return version;
    }

}

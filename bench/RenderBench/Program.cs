using System.Diagnostics;
using System.Net;
using System.Runtime;
using System.Text.RegularExpressions;
using DeliveryConsole.RenderBench;
using DeliveryConsole.Testing;
using static DeliveryConsole.DeliveryBench.Stats;

namespace DeliveryConsole.RenderBench;

// Server render time of the delivery pages: HTTP GET of the prerendered page through the whole console (real
// Kestrel on loopback, real engine, SQLite catalog), with many tasks and a task of many delivered objects,
// against cheap pages measured in the same rounds.
//   dotnet run -c Release --project bench/RenderBench [-- --tasks N] [--objects N] [--requests N] [--warmup N]
// See docs/benchmarks.md for the method.

/// <summary>Not top-level statements: those would declare a Program that hides the console's own.</summary>
internal static class RenderBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        int tasks = 1000, objects = 10_000, requests = 30, warmup = 5;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--tasks": tasks = int.Parse(args[++i], Inv); break;
                    case "--objects": objects = int.Parse(args[++i], Inv); break;
                    case "--requests": requests = int.Parse(args[++i], Inv); break;
                    case "--warmup": warmup = int.Parse(args[++i], Inv); break;
                    default: throw new FormatException(args[i]);
                }
            }
            if (tasks < 1 || objects < 1 || requests < 1 || warmup < 0)
                throw new FormatException("out of range");
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            Console.Error.WriteLine("usage: RenderBench [--tasks N] [--objects N] [--requests N] [--warmup N]");
            return 2;
        }

        Console.WriteLine(string.Create(Inv,
            $"# render bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}, " +
            $"started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));

        // WebApplicationFactory finds the console's content root through MvcTestingAppManifest.json in the current
        // folder, as under a test runner, which starts in the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        // Development shows the real exception page instead of the generic one if a page throws: a broken page must
        // not be measured as a fast one (the checks below also look for each page's content).
        using var console = new ConsoleFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error" });
        var baseUrl = console.StartOnLoopback();
        var seed = new Seed(console.Services, tasks, objects);
        var seeding = Stopwatch.StartNew();
        await seed.RunAsync();
        Console.WriteLine(string.Create(Inv, $"# seeded {tasks:N0} + 2 tasks and {objects:N0} objects in {seeding.Elapsed.TotalSeconds:F1} s; serving {baseUrl}"));

        var pages = new BenchPage[]
        {
            new("reference: /not-found (layout only)", "/not-found", HttpStatusCode.OK, html => html.Contains("<h1", StringComparison.Ordinal)),
            new("reference: /delivery?table=solo (1 task shown)", $"/delivery?table={Seed.SoloTable}", HttpStatusCode.OK,
                html => Count(html, "data-testid=\"phase-chip\"") == 1),
            new($"/delivery, {tasks + 2:N0} tasks, first page of 50", "/delivery", HttpStatusCode.OK,
                html => Count(html, "data-testid=\"phase-chip\"") == Math.Min(50, tasks + 2)),
            new($"/delivery?phase=Completed, {tasks + 1:N0} match (every task described)", "/delivery?phase=Completed", HttpStatusCode.OK,
                html => Count(html, "data-testid=\"phase-chip\"") == Math.Min(50, tasks + 1)),
            new("reference: task detail, 0 objects", $"/delivery/{Seed.SoloTable}/{Seed.SoloTask}", HttpStatusCode.OK,
                html => html.Contains("data-testid=\"no-objects\"", StringComparison.Ordinal)),
            new($"task detail, {objects:N0} objects + 10,000 dirty records", $"/delivery/{Seed.Table}/{Seed.BigTask}", HttpStatusCode.OK,
                html => html.Contains("data-testid=\"objects\"", StringComparison.Ordinal) && html.Contains("data-testid=\"dirty-records\"", StringComparison.Ordinal)
                        && html.Contains($"of {objects:N0} delivered objects", StringComparison.Ordinal)),
        };

        // The pages need the instance key since access control is on; HTTP Basic works for pages as for the API.
        using var http = new HttpClient { BaseAddress = baseUrl, DefaultRequestHeaders = { Authorization = ConsoleFactory.DefaultKey } };
        // Warm-up rounds (JIT, EF model, caches), then measured rounds with the pages interleaved, so the host's noise
        // falls on every page alike.
        for (var round = 0; round < warmup; round++)
            foreach (var page in pages)
                await page.GetAsync(http, record: false);
        for (var round = 0; round < requests; round++)
            foreach (var page in pages)
                await page.GetAsync(http, record: true);
        Console.WriteLine(string.Create(Inv, $"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));

        var notFound = Median(pages[0].Ms);
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"| page ({requests} warm GETs each, interleaved) | median ms | p95 ms | min–max ms | HTML KB | median / not-found | median / its reference | target | met |"));
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var page in pages)
        {
            var sorted = page.Ms.Order().ToArray();
            var reference = page.Path switch
            {
                "/delivery" or "/delivery?phase=Completed" => pages[1],
                $"/delivery/{Seed.Table}/{Seed.BigTask}" => pages[4],
                _ => null,
            };
            var measured = reference is not null;
            var met = Percentile(sorted, 95) < 300;
            Console.WriteLine(string.Create(Inv,
                $"| {page.Name} | {Median(sorted):F1} | {Percentile(sorted, 95):F1} | {sorted[0]:F1}–{sorted[^1]:F1} | {page.Bytes / 1024.0:F0} | " +
                $"{Median(sorted) / notFound:F2} | {(reference is null ? "—" : (Median(sorted) / Median(reference.Ms)).ToString("F2", Inv))} | " +
                $"{(measured ? "< 300 ms" : "—")} | {(measured ? met ? "yes" : "**no**" : "—")} |"));
        }
        return 0;
    }

    private static int Count(string html, string needle) => Regex.Count(html, Regex.Escape(needle));

}

/// <summary>A page to GET, the status it must answer, and a check that it rendered what it should.</summary>
internal sealed class BenchPage(string name, string path, HttpStatusCode status, Func<string, bool> rendered)
{
    public string Name => name;
    public string Path => path;
    public List<double> Ms { get; } = [];
    public long Bytes { get; private set; }

    /// <summary>Time from sending the request to the last byte of the body.</summary>
    public async Task GetAsync(HttpClient http, bool record)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (response.StatusCode != status || !rendered(html))
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without the expected content:\n{html[..Math.Min(html.Length, 3000)]}");
        Bytes = html.Length;
        if (record)
            Ms.Add(watch.Elapsed.TotalMilliseconds);
    }
}

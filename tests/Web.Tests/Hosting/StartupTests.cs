using System.Text.RegularExpressions;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting;

/// <summary>
/// The console started the ways users start it: the README's `dotnet run`, the published app as the Dockerfile
/// builds and runs it, and with a bad setting. Each is a real child process on a real port.
/// </summary>
public class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_readme_run_command_serves_the_console()
    {
        using var data = new TempFolder();
        await using var app = AppProcess.Start(RepositoryRoot.Path, new Dictionary<string, string> { ["Console__DataFolder"] = data.Path },
            "run", "--project", "src/Web", "--no-build", "-c", AppProcess.Configuration, "--", "--urls", "http://127.0.0.1:0");

        using var http = AppProcess.KeyedClient(await app.ListeningAsync());

        await ServedConsole.AssertServesShellAndAssetsAsync(http, Cancel);
        Assert.Contains("\"status\":\"healthy\"", await http.GetStringAsync("/healthz", Cancel));
        Assert.True(File.Exists(Path.Combine(data.Path, "catalog.db")));
    }

    [Fact]
    public async Task The_readme_run_command_logs_no_warning_on_default_settings_at_a_first_start_or_a_restart()
    {
        using var data = new TempFolder();
        foreach (var start in new[] { "first start", "restart" })
        {
            await using var app = AppProcess.Start(RepositoryRoot.Path, new Dictionary<string, string> { ["Console__DataFolder"] = data.Path },
                "run", "--project", "src/Web", "--no-build", "-c", AppProcess.Configuration, "--", "--urls", "http://127.0.0.1:0");
            using var http = AppProcess.KeyedClient(await app.ListeningAsync());
            // The last line of a start: the catalog is migrated, the engine and the keys are up by then.
            await app.WaitForLineAsync("Access control: on");
            // A first page and a sign-in form (which makes the antiforgery keys) are part of starting to use it.
            await ServedConsole.AssertServesShellAndAssetsAsync(http, Cancel);
            Assert.Contains("Access key ID", await http.GetStringAsync("/signin", Cancel));

            // The console logger writes "warn:" and "fail:" (and "crit:") before a message of those levels.
            Assert.DoesNotMatch(new Regex("^(warn|fail|crit):", RegexOptions.Multiline), app.Output);
            Assert.True(Directory.EnumerateFiles(Path.Combine(data.Path, "keys")).Any(), start);
        }
    }

    [Fact]
    public async Task The_published_app_serves_pages_mudblazor_and_the_top_level_wwwroot_in_production()
    {
        using var temp = new TempFolder();
        var publish = temp.Combine("app");
        // As the Dockerfile does it, minus the build that this test run has already done in the same configuration.
        await using (var publishing = AppProcess.Start(RepositoryRoot.Path, new Dictionary<string, string>(),
            "publish", "src/Web/Web.csproj", "-c", AppProcess.Configuration, "--no-build", "-o", publish))
            Assert.True(await publishing.ExitCodeAsync() == 0, publishing.Output);

        await using var app = AppProcess.Start(publish, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Console__DataFolder"] = temp.Combine("data"),
        }, "DeliveryConsole.Web.dll", "--urls", "http://127.0.0.1:0");
        using var http = AppProcess.KeyedClient(await app.ListeningAsync());

        await ServedConsole.AssertServesShellAndAssetsAsync(http, Cancel);
        Assert.Contains("\"status\":\"healthy\"", await http.GetStringAsync("/healthz", Cancel));

        // The container's HEALTHCHECK command, against this app and against a port where nothing listens.
        await using (var probe = AppProcess.Start(publish, new Dictionary<string, string>(),
            "DeliveryConsole.Web.dll", "healthcheck", new Uri(http.BaseAddress!, "/healthz").ToString()))
            Assert.True(await probe.ExitCodeAsync() == 0, probe.Output);
        await using (var probe = AppProcess.Start(publish, new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "1" },
            "DeliveryConsole.Web.dll", "healthcheck"))
            Assert.True(await probe.ExitCodeAsync() == 1, probe.Output);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_console_with_a_message_that_names_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("a-file"), "");
        await using var app = AppProcess.Start(temp.Path, new Dictionary<string, string>
        {
            ["Console__InstanceName"] = "x!",
            ["Console__DataFolder"] = temp.Combine("a-file"),
        }, Path.Combine(AppProcess.WebBuildOutput, "DeliveryConsole.Web.dll"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, await app.ExitCodeAsync());
        Assert.Contains("The console cannot start; fix these settings:", app.Output);
        Assert.Contains("Console:InstanceName 'x!' must be 3-16 characters", app.Output);
        Assert.Contains($"Console:DataFolder '{temp.Combine("a-file")}' is not a writable folder", app.Output);
        Assert.DoesNotContain("Now listening on", app.Output);
    }
}

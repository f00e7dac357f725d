namespace DeliveryConsole.Testing;

/// <summary>
/// Real servers and browsers a test needs. On a developer machine a missing one skips the test with the reason;
/// in CI (CI=true) it fails the test, so a broken install step can never turn into silent skips.
/// </summary>
public static class Requires
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void That(bool available, string missing)
    {
        if (available)
            return;
        if (InCi)
            Assert.Fail($"{missing} (CI=true: tests that need it fail instead of skipping)");
        Assert.Skip(missing);
    }

    public const string ChromiumPath = "/usr/bin/chromium";

    public static void Chromium() =>
        That(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}; the test command installs it");

    /// <summary>The S3-compatible server the test command starts (OpenStack Swift's S3 API on loopback).</summary>
    public static (string Url, string AccessKey, string Secret) S3Server()
    {
        var url = Environment.GetEnvironmentVariable("S3_TEST_URL");
        That(!string.IsNullOrEmpty(url), "No S3 server: S3_TEST_URL is not set; the test command starts one");
        return (url!, Environment.GetEnvironmentVariable("S3_TEST_KEY") ?? "test:tester",
            Environment.GetEnvironmentVariable("S3_TEST_SECRET") ?? "testing");
    }

    /// <summary>
    /// What tests/s3-server/start.sh needs to start a Swift of the test's own (OpenStack Swift, memcached, curl,
    /// python3), for tests that stop and start their server; the test command installs them.
    /// </summary>
    public static void SwiftBinaries()
    {
        string[] commands = ["swift-ring-builder", "swift-proxy-server", "swift-account-server", "swift-container-server",
            "swift-object-server", "memcached", "curl", "python3"];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var missing = commands.Where(command => !path.Any(folder => File.Exists(System.IO.Path.Combine(folder, command)))).ToList();
        That(missing.Count == 0, $"Swift cannot be started: {string.Join(", ", missing)} not on PATH; the test command installs them");
    }
}

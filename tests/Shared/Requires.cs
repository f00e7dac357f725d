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
}

using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>The start-up warning: the well-known key on an address beyond this machine, or sign-in turned off.</summary>
public class OpenAccessWarningTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", true)]
    [InlineData("http://[::]:8080", true)]
    [InlineData("http://+:80", true)]
    [InlineData("http://*:80", true)]
    [InlineData("http://192.168.1.20:5000", true)]
    [InlineData("http://console.example:5000", true)]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("http://127.0.0.2:5000", false)]
    [InlineData("http://[::1]:5000", false)]
    [InlineData("http://localhost:5000", false)]
    public void An_address_is_beyond_loopback_unless_it_is_loopback(string address, bool beyond) =>
        Assert.Equal(beyond, OpenAccessWarning.IsBeyondLoopback(address));

    [Fact]
    public void The_well_known_key_on_a_wildcard_address_is_warned_about_by_its_two_settings()
    {
        var warning = OpenAccessWarning.Warning(new ConsoleOptions(), ["http://127.0.0.1:5000", "http://0.0.0.0:8080"]);

        Assert.NotNull(warning);
        Assert.Contains("Console:AccessKeyId", warning);
        Assert.Contains("Console:AccessKeySecret", warning);
        Assert.Contains("http://0.0.0.0:8080", warning);
        Assert.DoesNotContain(InstanceAccessKey.WellKnownSecret, warning);
    }

    [Fact]
    public void No_warning_on_loopback_or_with_a_key_of_ones_own()
    {
        Assert.Null(OpenAccessWarning.Warning(new ConsoleOptions(), ["http://127.0.0.1:5000", "http://[::1]:5000"]));
        Assert.Null(OpenAccessWarning.Warning(
            new ConsoleOptions { AccessKeyId = "LTAImyOwnKey1", AccessKeySecret = "my-own-secret-of-this-instance" }, ["http://0.0.0.0:80"]));
    }

    [Fact]
    public void Sign_in_turned_off_is_always_warned_about()
    {
        var warning = OpenAccessWarning.Warning(new ConsoleOptions { Authentication = "None" }, ["http://127.0.0.1:5000"]);

        Assert.Contains("Console:Authentication is None", warning);
    }

    [Fact]
    public async Task A_real_start_on_all_interfaces_with_the_well_known_key_logs_the_warning_and_loopback_does_not()
    {
        using var data = new TempFolder();
        var environment = new Dictionary<string, string> { ["Console__DataFolder"] = data.Path };

        await using (var open = AppProcess.Start(AppProcess.WebBuildOutput, environment, "DeliveryConsole.Web.dll", "--urls", "http://0.0.0.0:0"))
        {
            await open.WaitForLineAsync("Access control: on");
            Assert.Contains("uses the well-known access key", open.Output);
            Assert.DoesNotContain(InstanceAccessKey.WellKnownSecret, open.Output);
        }

        await using var loopback = AppProcess.Start(AppProcess.WebBuildOutput, environment, "DeliveryConsole.Web.dll", "--urls", "http://127.0.0.1:0");
        await loopback.WaitForLineAsync("Access control: on");
        Assert.DoesNotContain("well-known access key", loopback.Output);
    }
}

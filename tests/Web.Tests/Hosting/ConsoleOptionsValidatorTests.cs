using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Hosting;

namespace DeliveryConsole.Web.Tests.Hosting;

public class ConsoleOptionsValidatorTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public void The_embedded_defaults_are_valid()
    {
        var result = Validate(Defaults());
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void A_broken_access_key_is_named_without_showing_the_secret()
    {
        var options = Defaults();
        options.AccessKeyId = "short";
        options.AccessKeySecret = "tiny-secret";
        options.Authentication = "Maybe";

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal([
            "Console:Authentication must be AccessKey (sign-in and the key on every API call) or None (no sign-in, local use only), not 'Maybe'.",
            "Console:AccessKeyId must be 8-128 letters or digits, such as LTAI5tLocalConsoleKey, not 'short'.",
            "Console:AccessKeySecret must be 16-256 characters long (the value is not shown).",
        ], failures);
        options.AccessKeySecret = "has a space in the middle";
        Assert.Contains("Console:AccessKeySecret must be printable ASCII without spaces (the value is not shown).", Validate(options).Failures!);
        Assert.DoesNotContain(Validate(options).Failures!, f => f.Contains("has a space", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_broken_setting_is_named_with_its_rule()
    {
        var options = Defaults();
        options.InstanceName = "";
        options.AccountId = "42";
        options.DataFolder = " ";
        options.MaxTables = 0;
        options.Endpoints["bad name!"] = new EndpointOptions();
        options.Endpoints["s3"] = new EndpointOptions { Kind = "s3" };

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal([
            "Console:InstanceName '' must be 3-16 characters of letters, digits and hyphens, start with a letter and not end with a hyphen.",
            "Console:AccountId '42' must be exactly 16 digits.",
            "Console:MaxTables must be 1-10000, not 0.",
            "Console:DataFolder must name a folder.",
            "Console:Endpoints:bad name! is not a valid endpoint name: use letters, digits, dots and hyphens.",
            "Console:Endpoints:s3:Url must be an absolute http:// or https:// URL, not ''.",
            "Console:Endpoints:s3:AccessKey is required for an s3 endpoint.",
            "Console:Endpoints:s3:Secret is required for an s3 endpoint.",
        ], failures);
    }

    [Fact]
    public void Without_configured_endpoints_the_default_local_one_is_there()
    {
        var options = new ConsoleOptions();
        options.ApplyDefaults();

        Assert.True(Assert.Single(options.Endpoints).Value.IsLocal);
        Assert.True(options.Endpoints.ContainsKey("OSS-CN-HANGZHOU.ALIYUNCS.COM"));
    }

    [Fact]
    public void Configured_endpoints_replace_the_default()
    {
        var options = new ConsoleOptions { Endpoints = { ["minio"] = new EndpointOptions { Kind = "s3" } } };
        options.ApplyDefaults();

        Assert.Equal(["minio"], options.Endpoints.Keys);
    }

    private ConsoleOptions Defaults() => new()
    {
        DataFolder = _data.Path,
        Endpoints = { ["oss-cn-hangzhou.aliyuncs.com"] = new EndpointOptions() },
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ConsoleOptions options) =>
        new ConsoleOptionsValidator().Validate(null, options);

    public void Dispose() => _data.Dispose();
}

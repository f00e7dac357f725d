using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// Warns at start when anyone who can reach the console could use it: the well-known key on an address beyond this
/// machine, or sign-in turned off. Checked once the server is listening, on the addresses it really bound.
/// </summary>
public static class OpenAccessWarning
{
    public static void WarnAboutOpenAccess(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenAccessWarning).FullName!);
            var options = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
            if (Warning(options, addresses) is { } warning)
                logger.LogWarning("{Warning}", warning);
            // Always one line, after any warning: the state is visible in every log, and tests know the check has run.
            logger.LogInformation("Access control: {State}.", options.AuthenticationOff ? "off (Console:Authentication is None)"
                : options.AccessKey.IsWellKnown ? "on, with the well-known local access key" : "on, with the configured access key");
        });

    /// <summary>The warning for these settings and bound addresses, or null when there is nothing to warn about.</summary>
    public static string? Warning(ConsoleOptions options, IEnumerable<string> addresses)
    {
        const string s = ConsoleOptions.Section;
        if (options.AuthenticationOff)
            return $"{s}:Authentication is None: the console and its JSON API are open to anyone who can reach them, with no sign-in. " +
                   $"Use it only on a machine of your own; remove the setting to turn sign-in back on.";
        var exposed = addresses.Where(IsBeyondLoopback).ToList();
        if (!options.AccessKey.IsWellKnown || exposed.Count == 0)
            return null;
        return $"The console uses the well-known access key and listens on {string.Join(", ", exposed)}, beyond this machine: " +
               $"anyone who can reach it can sign in. Set {s}:AccessKeyId and {s}:AccessKeySecret " +
               $"(environment: Console__AccessKeyId, Console__AccessKeySecret) to a key of your own.";
    }

    /// <summary>True for a wildcard (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>), a host name other than localhost, or a non-loopback IP.</summary>
    public static bool IsBeyondLoopback(string address)
    {
        var host = HostOf(address);
        if (host is "+" or "*" or "")
            return true;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return false;
        return !IPAddress.TryParse(host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip);
    }

    // Kestrel's addresses look like http://127.0.0.1:5000, http://[::]:80, http://+:80 or http://*:80; Uri rejects + and *.
    private static string HostOf(string address)
    {
        var rest = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
            return rest[..(rest.IndexOf(']') + 1)];
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}

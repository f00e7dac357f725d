using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using DeliveryConsole.TableStore;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Testing;

/// <summary>
/// The whole console in this process, on its own temp data folder, with extra settings if given, and on
/// <paramref name="clock"/> (the table store's and the engine's) if given.
/// </summary>
/// <remarks>
/// The factory owns the table store: the app's host is disposed on its own thread after the factory's dispose
/// returns, so a store the host owned could still be closing while the data folder is removed.
/// </remarks>
public sealed class ConsoleFactory(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    private TableStoreInstance? _tables;

    public TempFolder Data { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Console:DataFolder", Data.Path);
        _tables ??= new TableStoreInstance(new TableStoreOptions { Folder = Data.Combine("tables") }, clock);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(_tables);
            if (clock is not null)
                services.AddSingleton(clock);
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }

    /// <summary>The well-known local key every console in the tests has unless its settings name another.</summary>
    public const string DefaultKeyId = "LTAI5tLocalConsoleKey";
    public const string DefaultKeySecret = "LocalConsoleSecretChangeMeBeforeSharing";

    /// <summary>The key this console's settings give it (the well-known one unless the settings name another).</summary>
    public (string Id, string Secret) Key =>
        (Setting("Console:AccessKeyId") ?? DefaultKeyId, Setting("Console:AccessKeySecret") ?? DefaultKeySecret);

    private string? Setting(string key) => settings?.GetValueOrDefault(key);

    /// <summary>HTTP Basic credentials for a key, as curl -u sends them.</summary>
    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    public static AuthenticationHeaderValue DefaultKey => Basic(DefaultKeyId, DefaultKeySecret);

    /// <summary>Every client from CreateClient() sends the instance key, as a script that calls the API would.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = Basic(Key.Id, Key.Secret);
    }

    /// <summary>A client without the key and without following redirects, as a browser that has not signed in.</summary>
    public HttpClient CreateSignedOutClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Serves the console on a real socket on 127.0.0.1 (for a browser) and returns its base URL.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _tables?.Dispose();
        SqliteConnection.ClearAllPools();
        Data.Dispose();
    }
}

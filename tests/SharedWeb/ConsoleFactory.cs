using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using DeliveryConsole.TableStore;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Testing;

/// <summary>The whole console in this process, on its own temp data folder, with extra settings if given.</summary>
/// <remarks>
/// The factory owns the table store: the app's host is disposed on its own thread after the factory's dispose
/// returns, so a store the host owned could still be closing while the data folder is removed.
/// </remarks>
public sealed class ConsoleFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private TableService? _tables;

    public TempFolder Data { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Console:DataFolder", Data.Path);
        _tables ??= new TableService(new TableStoreOptions { Folder = Data.Combine("tables") });
        builder.ConfigureServices(services => services.AddSingleton(_tables));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
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

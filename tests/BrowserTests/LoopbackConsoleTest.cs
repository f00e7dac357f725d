using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;

namespace DeliveryConsole.BrowserTests;

/// <summary>
/// A console on a real loopback port (for a browser), on its own data folder, with the JSON API (keyed) for setting
/// up data as a user's script would; on <paramref name="clock"/> if given.
/// </summary>
public abstract class LoopbackConsoleTest(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) : IAsyncLifetime
{
    private readonly ConsoleFactory _console = new(settings, clock);

    protected Uri BaseUrl { get; private set; } = null!;
    protected ApiClient Api { get; private set; } = null!;

    public virtual ValueTask InitializeAsync()
    {
        BaseUrl = _console.StartOnLoopback();
        Api = new ApiClient(new HttpClient { BaseAddress = BaseUrl, DefaultRequestHeaders = { Authorization = ConsoleFactory.DefaultKey } });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _console.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

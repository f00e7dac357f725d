using DeliveryConsole.Testing;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>A test class with the whole console in-process on its own data folder, disposed after each test.</summary>
public abstract class ServedConsoleTest : IAsyncLifetime
{
    protected ConsoleFactory App { get; } = new();

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

using Bunit;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Components;
using DeliveryConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DeliveryConsole.Web.Tests.Components;

/// <summary>A bUnit context with what every console component expects: MudBlazor, the options, a live renderer.</summary>
public abstract class ComponentTest : BunitContext
{
    // bUnit's WaitFor* give up after 1 s by default: on two cores shared with other builds a render that waits for
    // the engine or the catalog can take longer. The limit only catches hangs; a passing wait returns at once.
    static ComponentTest() => DefaultWaitTimeout = Eventually.HangLimit;

    /// <param name="services">Registers what the component under test needs besides the defaults.</param>
    /// <param name="options">The console's settings; by default only the instance name is set.</param>
    protected ComponentTest(bool darkCookie = false, Action<IServiceCollection>? services = null, ConsoleOptions? options = null)
    {
        services?.Invoke(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Options.Create(options ?? new ConsoleOptions { InstanceName = "test-instance" }));
        Services.AddCascadingValue(_ => new ThemePreference(darkCookie));
        // The app bar's sign-out form renders <AntiforgeryToken />; the server gives the real token, bUnit has none.
        Services.AddSingleton<AntiforgeryStateProvider>(new TestAntiforgery());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-antiforgery-token", "__RequestVerificationToken");
    }
}

using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Components.Shared;

/// <summary>
/// A page that shows live state: once interactive, it calls <see cref="RefreshAsync"/> every
/// <see cref="RefreshInterval"/> (on the injected <see cref="TimeProvider"/>, so tests move time) and renders the
/// result. A refresh that is still running when the next tick comes is not started twice.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private ITimer? _timer;
    private int _refreshing;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    protected virtual TimeSpan RefreshInterval => TimeSpan.FromSeconds(1);

    /// <summary>Reloads what the page shows; the base renders afterwards.</summary>
    protected abstract Task RefreshAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
            _timer = Time.CreateTimer(_ => _ = TickAsync(), null, RefreshInterval, RefreshInterval);
    }

    private async Task TickAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
            return;
        try
        {
            await InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the tick and the refresh.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}

using DeliveryConsole.TableStore;
using DeliveryConsole.Web.TableTools;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Components.Pages.Tables.Generate;

public enum GeneratorMode
{
    Count,
    SteadyRate,
}

/// <summary>
/// The sample-data generator tab: a number of rows at once, or a steady rate for a duration (so INC delivery has
/// something to watch). The run writes on the thread pool and reports back through InvokeAsync; Stop and leaving
/// the page cancel it.
/// </summary>
public partial class GeneratorPanel : IDisposable
{
    public const int MaxRowCount = 10_000_000;
    public const int MaxRowsPerSecond = 100_000;
    public const int MaxSeconds = 86_400;

    /// <summary>The seed of every run: the same table and rows numbers make the same sample data.</summary>
    public const int Seed = 14;

    private GeneratorMode _mode = GeneratorMode.Count;
    private int? _rowCount = 1_000;
    private int? _rowsPerSecond = 100;
    private int? _seconds = 60;
    private int? _dirtyPercent = 0;

    private SampleDataRun? _run;
    private CancellationTokenSource? _stop;
    private RunState _state;
    private long _written;
    private string? _error;
    private bool _disposed;

    private enum RunState { Running, Done, Stopped, Failed }

    [Parameter, EditorRequired]
    public TableDescription Table { get; set; } = default!;

    /// <summary>Raised after rows were written, so the host can reload what it shows.</summary>
    [Parameter]
    public EventCallback RowsChanged { get; set; }

    [Inject]
    private TableDefinitions Tables { get; set; } = default!;

    [Inject]
    private LiveRows LiveRows { get; set; } = default!;

    [Inject]
    private RowWriter Writer { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool Running => _run is not null && _state == RunState.Running;

    private string? RowCountError => Range("Row count", _rowCount, MaxRowCount);

    private string? RateError => Range("Rows per second", _rowsPerSecond, MaxRowsPerSecond);

    private string? SecondsError => Range("Duration (seconds)", _seconds, MaxSeconds);

    private string? DirtyError => Range("Dirty cells (%)", _dirtyPercent, 100, min: 0);

    private SampleRowMaker Maker => new(Table.Table, Seed, DirtyError is null ? _dirtyPercent!.Value : 0);

    private double Percent => _run is null || _run.Total == 0 ? 0 : 100.0 * _written / _run.Total;

    private string StatusText => _state switch
    {
        // No "rows written" while running: that phrase means the run is over.
        RunState.Running => $"{_written:N0} of {_run!.Total:N0} rows",
        RunState.Done => $"{_written:N0} rows written",
        RunState.Stopped => $"Stopped: {_written:N0} rows written",
        _ => $"Failed after {_written:N0} rows written",
    };

    private static string? Range(string field, int? value, int max, int min = 1) =>
        value is null ? $"{field} is required."
        : value < min || value > max ? $"{field} must be {min}-{max:N0}, not {value:N0}."
        : null;

    private void ModeChanged(GeneratorMode mode) => _mode = mode;

    private void RowCountChanged(int? value) => _rowCount = value;

    private void RateChanged(int? value) => _rowsPerSecond = value;

    private void SecondsChanged(int? value) => _seconds = value;

    private void DirtyChanged(int? value) => _dirtyPercent = value;

    private void Generate()
    {
        var invalid = DirtyError is not null
            || (_mode == GeneratorMode.Count ? RowCountError is not null : RateError is not null || SecondsError is not null);
        if (invalid || Running)
            return;
        var (total, rate) = _mode == GeneratorMode.Count
            ? ((long)_rowCount!.Value, (int?)null)
            : ((long)_rowsPerSecond!.Value * _seconds!.Value, _rowsPerSecond);
        _run = new SampleDataRun(Tables, LiveRows, Writer, Maker, Time, total, rate);
        _stop?.Dispose();
        _stop = new CancellationTokenSource();
        (_state, _written, _error) = (RunState.Running, 0, null);
        _ = RunInBackgroundAsync(_run, _stop);
    }

    private async Task RunInBackgroundAsync(SampleDataRun run, CancellationTokenSource stop)
    {
        RunState state;
        string? error = null;
        try
        {
            await run.RunAsync(written => UpdateAsync(() => _written = written), stop.Token);
            state = RunState.Done;
        }
        catch (OperationCanceledException)
        {
            state = RunState.Stopped;
        }
        catch (Exception e)
        {
            // The table was deleted or the store closed under the run: say so instead of failing the circuit.
            (state, error) = (RunState.Failed, e.Message);
        }
        finally
        {
            // The token source stays: Stop may still be clicked before this run's end is shown.
            run.Dispose();
        }
        // The host hears of the new rows before the final render, so whoever sees "rows written" sees them too.
        await UpdateAsync(async () =>
        {
            (_state, _written, _error) = (state, run.Written, error);
            await RowsChanged.InvokeAsync();
        });
    }

    private Task UpdateAsync(Action update) => UpdateAsync(() =>
    {
        update();
        return Task.CompletedTask;
    });

    private async Task UpdateAsync(Func<Task> update)
    {
        if (_disposed)
            return;
        try
        {
            await InvokeAsync(async () =>
            {
                await update();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the run was reporting.
        }
        catch (Exception e)
        {
            // Nobody awaits the background run: hand a failure (say, in the host's RowsChanged) to the renderer.
            await DispatchExceptionAsync(e);
        }
    }

    private void Stop() => _stop?.Cancel();

    public void Dispose()
    {
        _disposed = true;
        _stop?.Cancel();
        _stop?.Dispose();
        GC.SuppressFinalize(this);
    }
}

using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// One run of the sample-data generator: <see cref="Total"/> rows, either as fast as the store takes them or at
/// <c>rowsPerSecond</c> paced by the given clock. Rows go in BatchWriteRow requests of 200 on the thread pool,
/// never on the caller's thread. Cancel the token to stop; <see cref="Written"/> then says how far it got.
/// </summary>
public sealed class SampleDataRun : IDisposable
{
    /// <summary>Progress is reported every this many rows in a count run (each paced second in a steady one).</summary>
    public const int ProgressRows = 1_000;

    private readonly TableDefinitions _tables;
    private readonly LiveRows _rows;
    private readonly RowWriter _writer;
    private readonly SampleRowMaker _maker;
    private readonly TimeProvider _time;
    private readonly int? _rowsPerSecond;
    private readonly DateTimeOffset _start;
    private readonly PeriodicTimer? _pace;
    private long _written;

    /// <param name="rowsPerSecond">Null: write <paramref name="total"/> rows at once; else pace them per second.</param>
    public SampleDataRun(TableDefinitions tables, LiveRows rows, RowWriter writer, SampleRowMaker maker, TimeProvider time, long total,
        int? rowsPerSecond)
    {
        (_tables, _rows, _writer, _maker, _time, Total, _rowsPerSecond) = (tables, rows, writer, maker, time, total, rowsPerSecond);
        // The pace starts now, not when the thread pool gets to the loop: a clock moved right after starting counts.
        _start = time.GetUtcNow();
        if (rowsPerSecond is not null)
            _pace = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
    }

    public long Total { get; }

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Writes the rows; <paramref name="progress"/> gets the count written so far, and once more at the end.</summary>
    public Task RunAsync(Func<long, Task> progress, CancellationToken cancellation) =>
        Task.Run(() => LoopAsync(progress, cancellation), CancellationToken.None);

    private async Task LoopAsync(Func<long, Task> progress, CancellationToken cancellation)
    {
        var next = _maker.FirstFreeNumber(_tables, _rows);
        if (_pace is null)
        {
            while (Written < Total)
            {
                next = WriteBatch(next, (int)Math.Min(RowWriter.MaxBatchRows, Total - Written), cancellation);
                if (Written % ProgressRows == 0 && Written < Total)
                    await progress(Written).ConfigureAwait(false);
            }
        }
        else
        {
            while (Written < Total && await _pace.WaitForNextTickAsync(cancellation).ConfigureAwait(false))
            {
                // Rows due by now, so a late or merged tick catches up instead of losing a second's rows.
                var seconds = (long)Math.Round((_time.GetUtcNow() - _start).TotalSeconds);
                var due = Math.Min(Total, seconds * _rowsPerSecond!.Value);
                while (Written < due)
                    next = WriteBatch(next, (int)Math.Min(RowWriter.MaxBatchRows, due - Written), cancellation);
                if (Written < Total)
                    await progress(Written).ConfigureAwait(false);
            }
        }
        await progress(Written).ConfigureAwait(false);
    }

    /// <summary>Writes rows numbered from <paramref name="first"/>; returns the next free number.</summary>
    private long WriteBatch(long first, int count, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        var rows = new RowWrite[count];
        for (var i = 0; i < count; i++)
            rows[i] = _maker.Make(first + i, now);
        var results = _writer.BatchWriteRow([(_maker.Table.Name, rows)])[0];
        var written = results.Count(r => r.IsOk);
        Interlocked.Add(ref _written, written);
        // Generated rows are valid by construction; a refusal means the table changed under the run, so stop.
        if (results.FirstOrDefault(r => !r.IsOk)?.Error is { } error)
            throw new TableStoreException(error);
        return first + count;
    }

    public void Dispose() => _pace?.Dispose();
}

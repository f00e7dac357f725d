using System.Runtime.ExceptionServices;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// Copies the caller's content. A failure to read it is the caller's, not the endpoint's: it is marked here so the
/// endpoints rethrow it unchanged instead of reporting a broken folder or an unreachable service.
/// </summary>
internal static class ContentCopy
{
    public static async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (true)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SourceFailedException(e);
            }
            if (read == 0)
                return;
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}

/// <summary>Reading the caller's content failed; <see cref="Rethrow"/> throws the original exception.</summary>
internal sealed class SourceFailedException(Exception original) : Exception("reading the content failed", original)
{
    public void Rethrow() => ExceptionDispatchInfo.Capture(InnerException!).Throw();
}

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>The engine's in-memory object: written across 1 MiB chunks, then read and re-read from the start.</summary>
public sealed class ChunkedMemoryStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024 * 1024)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public async Task What_is_written_in_pieces_reads_back_whole_and_again_after_a_seek(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var stream = Create();
        for (var at = 0; at < length;)
        {
            var piece = Math.Min(length - at, 1 + at % 300_000);
            await stream.WriteAsync(bytes.AsMemory(at, piece), Cancel);
            at += piece;
        }
        Assert.False(stream.CanSeek);
        stream.GetType().GetMethod("Rewind")!.Invoke(stream, null);

        Assert.True(stream.CanSeek);
        Assert.Equal(length, stream.Length);
        using var first = new MemoryStream();
        await stream.CopyToAsync(first, 77_777, Cancel);
        Assert.Equal(bytes, first.ToArray());
        stream.Position = length / 2;
        using var second = new MemoryStream();
        await stream.CopyToAsync(second, Cancel);
        Assert.Equal(bytes[(length / 2)..], second.ToArray());
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Internal to the engine: reached by name, as the engine is its only user.
    private static Stream Create() => (Stream)Activator.CreateInstance(
        typeof(Delivery.Engine.DeliveryEngine).Assembly.GetType("DeliveryConsole.Delivery.Engine.ChunkedMemoryStream")!, nonPublic: true)!;
}

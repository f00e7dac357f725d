using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>The engine's object being written: in memory while small, in a temp file past its limit; read back whole.</summary>
public sealed class ObjectSpoolTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 64L << 20)]
    [InlineData(1, 64L << 20)]
    [InlineData(1024 * 1024, 64L << 20)]
    [InlineData(3 * 1024 * 1024 + 17, 64L << 20)]
    [InlineData(3 * 1024 * 1024 + 17, 1024 * 1024 + 5)]
    [InlineData(100, 0)]
    public async Task What_is_written_in_pieces_reads_back_whole_and_again_after_a_seek(int length, long memoryLimit)
    {
        using var spool = new TempFolder();
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using (var stream = Create(spool.Path, memoryLimit))
        {
            for (var at = 0; at < length;)
            {
                var piece = Math.Min(length - at, 1 + at % 300_000);
                await stream.WriteAsync(bytes.AsMemory(at, piece), Cancel);
                at += piece;
            }
            Assert.False(stream.CanSeek);
            Assert.Equal(length > memoryLimit ? 1 : 0, Directory.GetFiles(spool.Path).Length);
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
        Assert.Empty(Directory.GetFiles(spool.Path));
    }

    // Internal to the engine: reached by name, as the engine is its only user.
    private static Stream Create(string folder, long memoryLimit) => (Stream)Activator.CreateInstance(
        typeof(Delivery.Engine.DeliveryEngine).Assembly.GetType("DeliveryConsole.Delivery.Engine.ObjectSpool")!, [folder, memoryLimit])!;
}

using System.Text;
using System.Text.Json;

namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>
/// Tells Parquet from JSON Lines by the content (delivered objects have no extension) and previews either without
/// reading a big object whole into memory: Parquet is read through a seekable stream (a temp file when the
/// endpoint's stream cannot seek), JSON Lines only up to <see cref="MaxLines"/> lines.
/// </summary>
public static class ObjectPreviews
{
    public const int MaxLines = 100;

    /// <summary>A line longer than this is cut: a preview is for looking, the download has it all.</summary>
    public const int MaxLineChars = 2000;

    /// <summary>How much of a JSON Lines object is read at most for its preview.</summary>
    private const int MaxJsonLinesBytes = 1 << 20;

    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    /// <summary>Previews <paramref name="content"/> from its current position; the caller disposes it.</summary>
    public static async Task<ObjectPreview> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[ParquetMagic.Length];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == head.Length && head.AsSpan().SequenceEqual(ParquetMagic))
            return await ReadParquetAsync(content, head, cancellationToken);
        if (StartsLikeJson(head.AsSpan(0, read)))
            return await ReadJsonLinesAsync(content, head.AsMemory(0, read), cancellationToken);
        return new NoPreview(read == 0
            ? "This object is empty, so it isn't Parquet and there is nothing to preview."
            : "This object isn't Parquet (it does not start with the bytes PAR1) nor JSON Lines, so it cannot be " +
              "previewed here; download it to look inside.");
    }

    private static async Task<ObjectPreview> ReadParquetAsync(Stream content, byte[] head, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            content.Seek(-head.Length, SeekOrigin.Current);
            return await ParquetPreviewReader.ReadAsync(content, cancellationToken);
        }
        // Parquet's footer is at the end: a stream that cannot seek is spooled to disk, never to memory.
        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"preview-{Guid.NewGuid():N}.parquet"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await spool.WriteAsync(head, cancellationToken);
        await content.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        return await ParquetPreviewReader.ReadAsync(spool, cancellationToken);
    }

    private static bool StartsLikeJson(ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{';
    }

    private static async Task<ObjectPreview> ReadJsonLinesAsync(Stream content, ReadOnlyMemory<byte> head, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxJsonLinesBytes];
        head.CopyTo(buffer);
        var length = head.Length + await content.ReadAtLeastAsync(buffer.AsMemory(head.Length), buffer.Length - head.Length,
            throwOnEndOfStream: false, cancellationToken);
        var bufferFull = length == buffer.Length;
        var lines = new List<string>();
        bool? firstLineIsJson = null;
        ReadOnlyMemory<byte> rest = buffer.AsMemory(0, length);
        while (rest.Length > 0 && lines.Count < MaxLines)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            var text = Encoding.UTF8.GetString(line.Span).TrimEnd('\r');
            // A first line cut by the read limit cannot parse; its start already looked like JSON.
            firstLineIsJson ??= IsJson(text) || end < 0 && bufferFull;
            lines.Add(text.Length > MaxLineChars ? text[..MaxLineChars] + "…" : text);
        }
        if (firstLineIsJson != true)
            return new NoPreview("This object isn't Parquet, and its first line is not JSON, so it isn't JSON Lines " +
                "either; download it to look inside.");
        var more = rest.Length > 0 || bufferFull;
        return new JsonLinesPreview(lines, more);
    }

    private static bool IsJson(string line)
    {
        try
        {
            using var _ = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

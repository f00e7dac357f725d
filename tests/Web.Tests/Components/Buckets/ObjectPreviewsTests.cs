using System.Text;
using DeliveryConsole.Web.BucketBrowsing;
using Parquet;
using Parquet.Schema;

namespace DeliveryConsole.Web.Tests.Components.Buckets;

/// <summary>The preview reader on content built here: Parquet of several row groups, JSON Lines, and neither.</summary>
public class ObjectPreviewsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DataField<long> Id = new("id");
    private static readonly DataField<string> Name = new("name", nullable: true);
    private static readonly DataField<double?> Score = new("score");
    private static readonly DataField<bool?> Flag = new("flag");

    /// <summary>Three row groups of 60 rows: ids 0..179, every 7th name and score null.</summary>
    private static async Task<byte[]> ParquetFileAsync()
    {
        using var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Id, Name, Score, Flag), output, cancellationToken: Cancel))
        {
            for (var group = 0; group < 3; group++)
            {
                var ids = Enumerable.Range(group * 60, 60).Select(i => (long)i).ToArray();
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<long>(Id, ids.AsMemory(), cancellationToken: Cancel);
                await rowGroup.WriteAsync(Name, ids.Select(i => i % 7 == 0 ? null : $"n{i}").ToArray());
                await rowGroup.WriteAsync<double>(Score, ids.Select(i => i % 7 == 0 ? (double?)null : i / 4.0).ToArray().AsMemory(), cancellationToken: Cancel);
                await rowGroup.WriteAsync<bool>(Flag, ids.Select(i => (bool?)(i % 2 == 0)).ToArray().AsMemory(), cancellationToken: Cancel);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public async Task Parquet_shows_schema_row_groups_and_the_first_100_rows_across_row_groups()
    {
        var preview = Assert.IsType<ParquetObjectPreview>(await ObjectPreviews.ReadAsync(new MemoryStream(await ParquetFileAsync()), Cancel));

        Assert.Equal(180, preview.TotalRows);
        Assert.Equal(["id", "name", "score", "flag"], preview.Schema.Select(c => c.Name));
        Assert.Equal(["INT64", "BYTE_ARRAY", "DOUBLE", "BOOLEAN"], preview.Schema.Select(c => c.PhysicalType));
        Assert.Equal([false, true, true, true], preview.Schema.Select(c => c.Nullable));
        Assert.Contains("STRING", preview.Schema[1].LogicalType);
        Assert.Equal([0, 1, 2], preview.RowGroups.Select(g => g.Index));
        Assert.All(preview.RowGroups, g => Assert.Equal(60, g.Rows));
        Assert.All(preview.RowGroups, g => Assert.True(g.CompressedBytes > 0));
        Assert.All(preview.RowGroups, g => Assert.Equal(["id", "name", "score", "flag"], g.Encodings.Select(e => e.Column)));
        Assert.Equal(ParquetPreviewReader.MaxRows, preview.Rows.Count);
        Assert.Equal(["0", null, null, "true"], preview.Rows[0]);
        Assert.Equal(["99", "n99", "24.75", "false"], preview.Rows[99]);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_spooled_and_previews_the_same()
    {
        var bytes = await ParquetFileAsync();
        var seekable = Assert.IsType<ParquetObjectPreview>(await ObjectPreviews.ReadAsync(new MemoryStream(bytes), Cancel));

        var forwardOnly = Assert.IsType<ParquetObjectPreview>(await ObjectPreviews.ReadAsync(new ForwardOnlyStream(bytes), Cancel));

        Assert.Equal(seekable.Rows, forwardOnly.Rows);
        Assert.Equal(seekable.Schema, forwardOnly.Schema);
    }

    [Fact]
    public async Task JSON_Lines_previews_its_first_100_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 150).Select(i => $$"""{"column":"c","value":"{{i}}"}""" + "\n"));

        var preview = Assert.IsType<JsonLinesPreview>(await ObjectPreviews.ReadAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(text)), Cancel));

        Assert.Equal(ObjectPreviews.MaxLines, preview.Lines.Count);
        Assert.Equal("""{"column":"c","value":"0"}""", preview.Lines[0]);
        Assert.Equal("""{"column":"c","value":"99"}""", preview.Lines[99]);
        Assert.True(preview.More);
    }

    [Fact]
    public async Task A_short_JSON_Lines_object_is_shown_whole()
    {
        var preview = Assert.IsType<JsonLinesPreview>(await ObjectPreviews.ReadAsync(new MemoryStream("{\"a\":1}\r\n{\"a\":2}\n"u8.ToArray()), Cancel));

        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], preview.Lines);
        Assert.False(preview.More);
    }

    [Theory]
    [InlineData("hello, world\n", "isn't Parquet")]
    [InlineData("", "empty")]
    [InlineData("{ not json at all\n", "isn't JSON Lines")]
    [InlineData("PAR1 but then nothing that Parquet could read", "cannot be read as Parquet")]
    public async Task Anything_else_says_why_it_is_not_previewed(string content, string expected)
    {
        var preview = Assert.IsType<NoPreview>(await ObjectPreviews.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), Cancel));

        Assert.Contains(expected, preview.Reason);
    }

    /// <summary>A stream like an S3 response body: read once, front to back, no length.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

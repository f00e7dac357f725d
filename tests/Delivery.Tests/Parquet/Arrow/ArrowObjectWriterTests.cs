using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Testing;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Tests.Parquet.Arrow;

public class ArrowObjectWriterTests
{
    private static readonly PhysicalType[] Physicals =
    [
        PhysicalType.Boolean, PhysicalType.Int32, PhysicalType.Int64, PhysicalType.Int96, PhysicalType.Float,
        PhysicalType.Double, PhysicalType.ByteArray, PhysicalType.FixedLenByteArray,
    ];

    public static TheoryData<PhysicalType, ColumnEncoding> Writable()
    {
        var data = new TheoryData<PhysicalType, ColumnEncoding>();
        foreach (var physical in Physicals)
            foreach (var encoding in ColumnEncodings.All.Where(e => ArrowEncodings.WhyNot(physical, e) is null))
                data.Add(physical, encoding);
        return data;
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public void Each_physical_type_is_written_in_each_encoding_the_format_allows_and_DuckDB_reads_it_back(PhysicalType physical, ColumnEncoding encoding)
    {
        using var temp = new TempFolder();
        var sample = ArrowSample.For(physical, encoding);
        const int rows = 20;
        var path = Write(temp, [sample.Column], group => sample.WriteRows(group, 0, rows));

        var schema = DuckDb.Query($"SELECT type FROM parquet_schema({DuckDb.Literal(path)}) WHERE name = '{sample.Column.Name}'");
        Assert.Equal(Wire(physical), Assert.Single(schema)[0]);
        Assert.Equal(sample.DuckDbType, DuckDbType(path, sample.Column.Name));
        var chunk = Assert.Single(DuckDb.Chunks(path));
        Assert.Equal("SNAPPY", chunk.Compression);
        Assert.Equal([encoding.WireName()], ValueEncodings(chunk.Encodings));
        Assert.Equal(sample.Expected(rows), Read(path, sample.Column.Name));
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public void A_column_chunk_of_nulls_only_keeps_the_asked_encoding(PhysicalType physical, ColumnEncoding encoding)
    {
        using var temp = new TempFolder();
        var sample = ArrowSample.For(physical, encoding);
        byte[] absent = [0, 0, 0];
        var path = Write(temp, [sample.Column], group => sample.Write(group, absent, 0));

        Assert.Equal([encoding.WireName()], ValueEncodings(Assert.Single(DuckDb.Chunks(path)).Encodings));
        Assert.Equal([null, null, null], Read(path, sample.Column.Name));
    }

    [Fact]
    public void An_object_of_every_type_in_several_row_groups_reads_back_row_for_row()
    {
        using var temp = new TempFolder();
        ArrowSample[] samples = [.. Physicals.Select(p => ArrowSample.For(p, ColumnEncoding.Plain))];
        int[] groupRows = [7, 7, 3];
        using (var file = File.Create(temp.Combine("groups.parquet")))
        using (var writer = new ArrowObjectWriter([.. samples.Select(s => s.Column)], file))
        {
            var first = 0;
            foreach (var rows in groupRows)
            {
                using (var group = writer.AppendRowGroup())
                    foreach (var sample in samples)
                        sample.WriteRows(group, first, rows);
                first += rows;
            }
            Assert.Equal(17, writer.RowCount);
            writer.Complete();
        }
        var path = temp.Combine("groups.parquet");

        var groups = DuckDb.Query($"SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata({DuckDb.Literal(path)}) GROUP BY ALL ORDER BY 1");
        Assert.Equal(groupRows.Select(r => (long)r), groups.Select(g => (long)g[1]!));
        foreach (var sample in samples)
            Assert.Equal(sample.Expected(17), Read(path, sample.Column.Name));
    }

    [Fact]
    public void A_dictionary_column_stays_dictionary_encoded_however_many_distinct_values_it_has()
    {
        using var temp = new TempFolder();
        const int rows = 200_000;
        var column = new ArrowColumn("id", PhysicalType.ByteArray, ColumnEncoding.PlainDictionary, ArrowLogicalType.String);
        var path = Write(temp, [column], group => group.WriteStrings(
            ArrowSample.Presence(rows).Select(_ => (byte)1).ToArray(),
            [.. Enumerable.Range(0, rows).Select(i => $"{Guid.NewGuid():N}-{i}".AsMemory())]));

        Assert.Equal(["PLAIN_DICTIONARY"], ValueEncodings(Assert.Single(DuckDb.Chunks(path)).Encodings));
        Assert.Equal((long)rows, DuckDb.Scalar($"SELECT count(DISTINCT id) FROM read_parquet({DuckDb.Literal(path)})"));
    }

    [Fact]
    public void The_output_need_not_seek_or_tell_its_position()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("forward.parquet");
        var sample = ArrowSample.For(PhysicalType.ByteArray, ColumnEncoding.DeltaByteArray);
        using (var file = File.Create(path))
        using (var forwardOnly = new ForwardOnlyStream(file))
        {
            using var writer = new ArrowObjectWriter([sample.Column], forwardOnly);
            using (var group = writer.AppendRowGroup())
                sample.WriteRows(group, 0, 10);
            writer.Complete();
        }

        Assert.Equal(sample.Expected(10), Read(path, sample.Column.Name));
    }

    [Fact]
    public void An_object_without_row_groups_holds_the_schema()
    {
        using var temp = new TempFolder();
        var path = Write(temp, [ArrowSample.For(PhysicalType.Int64, ColumnEncoding.DeltaBinaryPacked).Column]);

        Assert.Equal("BIGINT", DuckDbType(path, "int64_deltabinarypacked"));
        Assert.Equal(0L, DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(path)})"));
    }

    [Theory]
    [InlineData(PhysicalType.Boolean, ColumnEncoding.PlainDictionary, "never dictionary-encodes BOOLEAN")]
    [InlineData(PhysicalType.Double, ColumnEncoding.DeltaBinaryPacked, "INT32 and INT64 values only")]
    [InlineData(PhysicalType.FixedLenByteArray, ColumnEncoding.DeltaLengthByteArray, "BYTE_ARRAY values only")]
    [InlineData(PhysicalType.Int64, ColumnEncoding.DeltaByteArray, "BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values only")]
    public void A_pair_the_writer_cannot_honour_is_refused_when_the_column_is_described(PhysicalType physical, ColumnEncoding encoding, string reason)
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            new ArrowColumn("c", physical, encoding, fixedLength: physical == PhysicalType.FixedLenByteArray ? 4 : 0));
        Assert.Contains(encoding.WireName(), error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Values_that_do_not_match_the_column_or_its_rows_are_refused()
    {
        using var temp = new TempFolder();
        using var file = File.Create(temp.Combine("bad.parquet"));
        using var writer = new ArrowObjectWriter(
            [new ArrowColumn("a", PhysicalType.Int64, ColumnEncoding.Plain), new ArrowColumn("b", PhysicalType.Int32, ColumnEncoding.Plain)], file);
        var group = writer.AppendRowGroup();

        Assert.Throws<InvalidOperationException>(() => group.WriteInt32s([1], [1]));
        Assert.Throws<ArgumentException>(() => group.WriteInt64s([1, 0, 1], [1]));
        group.WriteInt64s([1, 0], [1]);
        Assert.Throws<ArgumentException>(() => group.WriteInt32s([1], [1]));
        Assert.Throws<InvalidOperationException>(() => writer.AppendRowGroup());
        group.Dispose();

        var error = Assert.Throws<InvalidOperationException>(writer.Complete);
        Assert.Contains("1 of 2 columns written", error.Message);
    }

    [Fact]
    public void An_object_abandoned_after_a_failure_gets_no_footer()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("abandoned.parquet");
        using (var file = File.Create(path))
        using (var writer = new ArrowObjectWriter([new ArrowColumn("a", PhysicalType.Int64, ColumnEncoding.Plain)], file))
        using (var group = writer.AppendRowGroup())
            group.WriteInt64s([1, 1], [1, 2]);

        Assert.NotEqual("PAR1"u8.ToArray(), File.ReadAllBytes(path).TakeLast(4));
    }

    private static string Write(TempFolder temp, ArrowColumn[] columns, params Action<ArrowRowGroup>[] rowGroups)
    {
        var path = temp.Combine($"{Guid.NewGuid():N}.parquet");
        using var file = File.Create(path);
        using var writer = new ArrowObjectWriter(columns, file);
        foreach (var write in rowGroups)
        {
            using var group = writer.AppendRowGroup();
            write(group);
        }
        writer.Complete();
        return path;
    }

    /// <summary>The chunk's encodings less RLE, which Parquet uses for definition levels whatever the values' encoding.</summary>
    private static string[] ValueEncodings(string encodings) =>
        [.. encodings.Split(',', StringSplitOptions.TrimEntries).Where(e => e != "RLE").Distinct()];

    private static string DuckDbType(string path, string column) =>
        (string)DuckDb.Query($"DESCRIBE SELECT \"{column}\" FROM read_parquet({DuckDb.Literal(path)})").Single()[1]!;

    private static List<string?> Read(string path, string column) =>
        [.. DuckDb.Query($"SELECT CAST(\"{column}\" AS VARCHAR) FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true) ORDER BY file_row_number")
            .Select(row => (string?)row[0])];

    private static string Wire(PhysicalType physical) => physical switch
    {
        PhysicalType.Boolean => "BOOLEAN",
        PhysicalType.Int32 => "INT32",
        PhysicalType.Int64 => "INT64",
        PhysicalType.Int96 => "INT96",
        PhysicalType.Float => "FLOAT",
        PhysicalType.Double => "DOUBLE",
        PhysicalType.ByteArray => "BYTE_ARRAY",
        _ => "FIXED_LEN_BYTE_ARRAY",
    };

    /// <summary>An upload-like output: it can only be written forward and cannot say where it is.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

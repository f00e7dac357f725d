using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

/// <summary>Every malformed buffer is a <see cref="PlainBufferFormatException"/> with a reason and an offset, never anything else.</summary>
public class MalformedInputTests
{
    // Offsets in the worked example: the first cell's checksum byte, and the row checksum (last byte).
    private const int FirstCellChecksumOffset = 26;

    private static IEnumerable<byte[]> ValidBuffers() =>
    [
        Samples.WorkedExample,
        PlainBufferWriter.WriteRow(Samples.UpdateRow),
        PlainBufferWriter.WriteRow(Samples.DeleteRow),
        PlainBufferWriter.WritePrimaryKey([new KeyColumn("pk", Value.InfMin), new KeyColumn("b", Value.Binary([1, 2, 3]))]),
        PlainBufferWriter.WriteStreamRecord(new ChangeRecord(1, 2, "t", ChangeAction.UpdateRow, [new KeyColumn("pk", Value.Integer(1))],
            [new ColumnChange("a", ColumnChangeType.Put, Value.Double(2.5), 3), new ColumnChange("b", ColumnChangeType.DeleteOneVersion, null, 4)]), 1, 2),
    ];

    [Fact]
    public void Bad_cell_checksum_is_rejected()
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        Assert.Equal(0x4C, bytes[FirstCellChecksumOffset]);
        bytes[FirstCellChecksumOffset] ^= 0x01;
        var error = Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes));
        Assert.Contains("cell checksum mismatch on 'pk'", error.Message);
        Assert.Equal(FirstCellChecksumOffset, error.Offset);
    }

    [Fact]
    public void Changed_value_byte_fails_the_cell_checksum()
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        bytes[24] = (byte)'x'; // "k1" -> "x1"
        Assert.Contains("cell checksum mismatch", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes)).Message);
    }

    [Fact]
    public void Bad_row_checksum_is_rejected()
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        bytes[^1] ^= 0x80;
        var error = Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes));
        Assert.Contains("row checksum mismatch", error.Message);
        Assert.Equal(bytes.Length - 1, error.Offset);
    }

    [Fact]
    public void Trailing_non_zero_bytes_are_rejected_even_after_zero_padding()
    {
        foreach (var tail in new byte[][] { [0x01], [0, 0, 0x75], [0x09, 0xF9] })
        {
            var bytes = Samples.WorkedExample.Concat(tail).ToArray();
            Assert.Contains("after the row checksum", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes)).Message);
        }
    }

    [Fact]
    public void Truncation_at_every_offset_is_rejected()
    {
        foreach (var buffer in ValidBuffers())
            for (var length = 0; length < buffer.Length; length++)
            {
                var prefix = buffer[..length];
                Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(prefix));
                if (length > 0)
                    Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRows(prefix));
            }
        var variant = PlainBufferWriter.WriteVariant(Value.String("hello"));
        for (var length = 0; length < variant.Length; length++)
            Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadVariant(variant.AsSpan(0, length)));
    }

    [Fact]
    public void Wrong_header_is_rejected()
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        bytes[0] = 0x76;
        Assert.Contains("header", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes)).Message);
    }

    [Theory]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(1000u)]
    public void A_huge_name_length_fails_before_allocating(uint length)
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        BitConverter.TryWriteBytes(bytes.AsSpan(7, 4), length); // the first cell's name length
        var error = Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes));
        Assert.Contains("cell name length", error.Message);
        Assert.Equal(7, error.Offset);
    }

    [Fact]
    public void Invalid_utf8_in_a_name_is_rejected()
    {
        var bytes = (byte[])Samples.WorkedExample.Clone();
        bytes[11] = 0xFF; // the 'p' of "pk"
        Assert.Contains("not valid UTF-8", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes)).Message);
    }

    [Fact]
    public void Invalid_variants_are_rejected()
    {
        byte[][] invalid =
        [
            [0x08],                      // unknown value type
            [0x02, 0x02],                // boolean other than 0/1
            [0x00, 1, 2, 3],             // integer too short
            [0x09, 0x00],                // INF_MIN with a payload
            [0x03, 2, 0, 0, 0, 0xC3, 0x28], // string of invalid UTF-8
            [0x03, 1, 0, 0, 0, 0x61, 0x62], // string shorter than the bytes given
        ];
        foreach (var bytes in invalid)
            Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadVariant(bytes));
    }

    [Fact]
    public void Unknown_operation_type_and_cells_missing_their_parts_are_rejected()
    {
        var bytes = PlainBufferWriter.WriteRow(Samples.UpdateRow);
        var typeIndex = bytes.AsSpan().IndexOf([(byte)0x06, (byte)0x03]);
        bytes[typeIndex + 1] = 0x02;
        Assert.Contains("unknown operation type 0x02", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(bytes)).Message);

        var valueless = PlainBufferWriter.WriteRow(new PlainBufferRow([], [new PlainBufferCell("c", null, CellOperation.Increment, null)], false));
        Assert.Contains("has no value", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(valueless)).Message);
        var noVersion = PlainBufferWriter.WriteRow(new PlainBufferRow([], [new PlainBufferCell("c", null, CellOperation.DeleteOneVersion, null)], false));
        Assert.Contains("no timestamp", Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadRow(noVersion)).Message);
    }

    [Fact]
    public void Random_mutations_only_ever_raise_the_format_exception()
    {
        var random = new Random(8_2024);
        var buffers = ValidBuffers().ToList();
        var rejected = 0;
        for (var i = 0; i < 5000; i++)
        {
            var mutated = Mutate(random, buffers[i % buffers.Count]);
            foreach (var read in new Action<byte[]>[]
            {
                b => PlainBufferReader.ReadRow(b), b => PlainBufferReader.ReadRows(b),
                b => PlainBufferReader.ReadPrimaryKey(b), b => PlainBufferReader.ReadVariant(b.AsSpan(Math.Min(4, b.Length))),
            })
            {
                var error = Record.Exception(() => read(mutated));
                if (error is null)
                    continue;
                Assert.True(error is PlainBufferFormatException, $"mutation {i}: {error}");
                Assert.Contains(" at byte ", error.Message);
                rejected++;
            }
        }
        Assert.True(rejected > 10_000, $"only {rejected} rejections: the mutations are too weak");
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = valid.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }
}

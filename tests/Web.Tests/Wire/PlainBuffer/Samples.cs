using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

/// <summary>Buffers and rows shared by the codec tests: the research doc's worked example and SDK-shaped rows.</summary>
internal static class Samples
{
    /// <summary>The npm SDK's PutRow row (wire-protocol.md 3.4), typed from the doc: pk "k1"/7 and four attribute cells.</summary>
    public static readonly byte[] WorkedExample = Hex("""
        75000000
        01
        03 04 02000000 706b 05 07000000 03 02000000 6b31 0a 4c
        03 04 01000000 6e 05 09000000 00 0700000000000000 0a 22
        02
        03 04 05000000 635f737472 05 0a000000 03 05000000 68656c6c6f 0a 0c
        03 04 05000000 635f696e74 05 09000000 00 2a00000000000000 0a e7
        03 04 05000000 635f64626c 05 09000000 01 000000000000 0c40 0a e2
        03 04 06000000 635f626f6f6c 05 02000000 02 01 0a fe
        09 f9
        """);

    /// <summary>What the npm SDK's UpdateRow sends (wire-protocol.md 4.3): every cell operation.</summary>
    public static PlainBufferRow UpdateRow => new(
        [new KeyColumn("pk", Value.String("k1")), new KeyColumn("n", Value.Integer(7))],
        [
            new PlainBufferCell("c_new", Value.String("v"), CellOperation.Put, 1700000000123),
            new PlainBufferCell("c_old", null, CellOperation.DeleteOneVersion, 1700000000000),
            new PlainBufferCell("c_gone", null, CellOperation.DeleteAllVersions, null),
            new PlainBufferCell("c_cnt", Value.Integer(5), CellOperation.Increment, null),
        ],
        DeleteMarker: false);

    public static PlainBufferRow DeleteRow => new([new KeyColumn("pk", Value.String("k1")), new KeyColumn("n", Value.Integer(7))], [], DeleteMarker: true);

    public static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(char.IsAsciiHexDigit)));

    public static void AssertSameRow(PlainBufferRow expected, PlainBufferRow actual)
    {
        Assert.Equal(expected.PrimaryKey, actual.PrimaryKey);
        Assert.Equal(expected.Cells, actual.Cells);
        Assert.Equal(expected.DeleteMarker, actual.DeleteMarker);
    }
}

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

/// <summary>The npm SDK's real PutRow row (wire-protocol.md 3.4), decoded and re-encoded byte for byte.</summary>
public class WorkedExampleTests
{
    private static readonly PlainBufferRow Expected = new(
        [new KeyColumn("pk", Value.String("k1")), new KeyColumn("n", Value.Integer(7))],
        [
            new PlainBufferCell("c_str", Value.String("hello"), CellOperation.Put, null),
            new PlainBufferCell("c_int", Value.Integer(42), CellOperation.Put, null),
            new PlainBufferCell("c_dbl", Value.Double(3.5), CellOperation.Put, null),
            new PlainBufferCell("c_bool", Value.Boolean(true), CellOperation.Put, null),
        ],
        DeleteMarker: false);

    [Fact]
    public void Decodes_the_sdk_row()
    {
        Assert.Equal(156, Samples.WorkedExample.Length);
        Samples.AssertSameRow(Expected, PlainBufferReader.ReadRow(Samples.WorkedExample));
    }

    [Fact]
    public void Encodes_to_the_identical_bytes() =>
        Assert.Equal(Convert.ToHexString(Samples.WorkedExample), Convert.ToHexString(PlainBufferWriter.WriteRow(Expected)));

    [Fact]
    public void Key_of_the_example_reads_as_a_primary_key_after_rewriting_without_cells()
    {
        var key = PlainBufferWriter.WritePrimaryKey(Expected.PrimaryKey);
        Assert.Equal(52, key.Length); // the npm SDK's GetRow primary_key for the same key is 52 bytes (4.3)
        Assert.Equal(Expected.PrimaryKey, PlainBufferReader.ReadPrimaryKey(key));
    }

    [Fact]
    public void Primary_key_reader_rejects_a_row_with_attribute_cells()
    {
        var error = Assert.Throws<PlainBufferFormatException>(() => PlainBufferReader.ReadPrimaryKey(Samples.WorkedExample));
        Assert.Contains("attribute cells", error.Message);
    }
}

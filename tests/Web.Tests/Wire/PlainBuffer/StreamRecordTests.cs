using System.Buffers.Binary;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

public class StreamRecordTests
{
    private static readonly KeyColumn[] Key = [new("pk", Value.String("k1"))];

    [Fact]
    public void Update_record_cells_have_the_java_record_shapes_and_the_extension_before_the_checksum()
    {
        var record = new ChangeRecord(42, 1700000000123, "t", ChangeAction.UpdateRow, Key,
        [
            new ColumnChange("a", ColumnChangeType.Put, Value.Integer(1), 1700000000123),
            new ColumnChange("b", ColumnChangeType.DeleteOneVersion, null, 1600000000000),
            new ColumnChange("c", ColumnChangeType.DeleteAllVersions, null, null),
        ]);
        var bytes = PlainBufferWriter.WriteStreamRecord(record, epoch: 3, rowIndex: 9);

        var row = PlainBufferReader.ReadRow(bytes);
        Assert.Equal(Key, row.PrimaryKey);
        Assert.False(row.DeleteMarker);
        Assert.Equal(
        [
            new PlainBufferCell("a", Value.Integer(1), CellOperation.Put, 1700000000123),
            new PlainBufferCell("b", null, CellOperation.DeleteOneVersion, 1600000000000),
            new PlainBufferCell("c", null, CellOperation.DeleteAllVersions, null),
        ], row.Cells);

        var extension = bytes.AsSpan(bytes.Length - 2 - 29, 29);
        Assert.Equal("0B180000000C130000000D03000000", Convert.ToHexString(extension[..15]));
        Assert.Equal(0x0E, extension[15]);
        Assert.Equal(1700000000123L * 1000, BinaryPrimitives.ReadInt64LittleEndian(extension[16..24])); // microseconds
        Assert.Equal("0F09000000", Convert.ToHexString(extension[24..]));
        Assert.Equal(0x09, bytes[^2]);
    }

    [Fact]
    public void Delete_record_carries_the_marker()
    {
        var record = new ChangeRecord(1, 5, "t", ChangeAction.DeleteRow, Key, []);
        var row = PlainBufferReader.ReadRow(PlainBufferWriter.WriteStreamRecord(record, 0, 0));
        Assert.True(row.DeleteMarker);
        Assert.Empty(row.Cells);
    }

    [Fact]
    public void Extension_is_not_covered_by_the_row_checksum()
    {
        var record = new ChangeRecord(1, 5, "t", ChangeAction.PutRow, Key, [new ColumnChange("a", ColumnChangeType.Put, Value.Boolean(true), 5)]);
        var first = PlainBufferWriter.WriteStreamRecord(record, 1, 1);
        var second = PlainBufferWriter.WriteStreamRecord(record, 77, 88);
        Assert.Equal(first[^1], second[^1]);
        var plain = PlainBufferWriter.WriteRow(new PlainBufferRow(Key, [new PlainBufferCell("a", Value.Boolean(true), CellOperation.Put, 5)], false));
        Assert.Equal(plain[^1], first[^1]);
    }
}

using System.Text;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

public class PlainBufferCrc8Tests
{
    [Fact]
    public void Check_value_of_123456789_is_F4() =>
        Assert.Equal(0xF4, PlainBufferCrc8.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Byte_at_a_time_equals_span_and_integers_fold_little_endian()
    {
        byte byByte = 0;
        foreach (var b in Encoding.ASCII.GetBytes("123456789"))
            byByte = PlainBufferCrc8.Update(byByte, b);
        Assert.Equal(0xF4, byByte);

        Assert.Equal(PlainBufferCrc8.Compute([0x78, 0x56, 0x34, 0x12]), PlainBufferCrc8.UpdateUInt32(0, 0x12345678));
        Assert.Equal(PlainBufferCrc8.Compute([0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]), PlainBufferCrc8.UpdateInt64(0, 0x0102030405060708));
    }

    [Fact]
    public void Cell_checksum_of_the_worked_example_key_is_4C()
    {
        // name "pk", then type STRING, u32 length 2, "k1": the value's total length is not covered.
        var crc = PlainBufferCrc8.Update(0, "pk"u8);
        crc = PlainBufferCrc8.Update(crc, (byte)0x03);
        crc = PlainBufferCrc8.UpdateUInt32(crc, 2);
        crc = PlainBufferCrc8.Update(crc, "k1"u8);
        Assert.Equal(0x4C, crc);
    }
}

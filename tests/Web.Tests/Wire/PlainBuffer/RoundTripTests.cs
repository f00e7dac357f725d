using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;

namespace DeliveryConsole.Web.Tests.Wire.PlainBuffer;

public class RoundTripTests
{
    public static TheoryData<string, Value> Values => new()
    {
        { "int zero", Value.Integer(0) },
        { "int negative", Value.Integer(-1) },
        { "int min", Value.Integer(long.MinValue) },
        { "int max", Value.Integer(long.MaxValue) },
        { "string empty", Value.String("") },
        { "string unicode", Value.String(string.Concat(Enumerable.Repeat("héllo wörld ✓ 日本語 🚀 ", 500))) },
        { "binary empty", Value.Binary([]) },
        { "binary", Value.Binary([0, 1, 2, 0xFF, 0x75, 0x09]) },
        { "double", Value.Double(-1.25e-300) },
        { "double NaN", Value.Double(double.NaN) },
        { "double +inf", Value.Double(double.PositiveInfinity) },
        { "double -inf", Value.Double(double.NegativeInfinity) },
        { "double -0", Value.Double(-0.0) },
        { "bool true", Value.Boolean(true) },
        { "bool false", Value.Boolean(false) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_value_type_round_trips_as_key_cell_and_variant(string label, Value value)
    {
        var row = new PlainBufferRow([new KeyColumn("k", value)], [new PlainBufferCell("c", value, CellOperation.Put, 1)], false);
        Samples.AssertSameRow(row, PlainBufferReader.ReadRow(PlainBufferWriter.WriteRow(row)));
        Assert.True(value == PlainBufferReader.ReadVariant(PlainBufferWriter.WriteVariant(value)), label);
    }

    [Fact]
    public void Variant_form_has_no_length_prefix()
    {
        Assert.Equal("000700000000000000", Convert.ToHexString(PlainBufferWriter.WriteVariant(Value.Integer(7))));
        Assert.Equal("03020000006B31", Convert.ToHexString(PlainBufferWriter.WriteVariant(Value.String("k1"))));
        Assert.Equal("0201", Convert.ToHexString(PlainBufferWriter.WriteVariant(Value.Boolean(true))));
    }

    [Fact]
    public void Every_cell_operation_round_trips()
    {
        var row = Samples.UpdateRow;
        Samples.AssertSameRow(row, PlainBufferReader.ReadRow(PlainBufferWriter.WriteRow(row)));
    }

    [Fact]
    public void Update_row_with_27_trailing_zero_bytes_is_read_like_the_npm_sdk_sends_it()
    {
        var padded = PlainBufferWriter.WriteRow(Samples.UpdateRow).Concat(new byte[27]).ToArray();
        Samples.AssertSameRow(Samples.UpdateRow, PlainBufferReader.ReadRow(padded));
    }

    [Fact]
    public void Range_bounds_with_inf_min_inf_max_and_two_pad_bytes_read_as_placeholders()
    {
        foreach (var bound in new[] { Value.InfMin, Value.InfMax })
        {
            var key = new[] { new KeyColumn("pk", bound), new KeyColumn("n", bound) };
            var padded = PlainBufferWriter.WritePrimaryKey(key).Concat(new byte[2]).ToArray();
            Assert.Equal(40, padded.Length); // the npm SDK's GetRange bounds are 40 bytes with the padding (4.3)
            Assert.Equal(key, PlainBufferReader.ReadPrimaryKey(padded));
        }
    }

    [Fact]
    public void Auto_increment_placeholder_reads_back()
    {
        var key = new[] { new KeyColumn("pk", Value.String("a")), new KeyColumn("id", Value.AutoIncrement) };
        Assert.Equal(key, PlainBufferReader.ReadPrimaryKey(PlainBufferWriter.WritePrimaryKey(key)));
    }

    [Fact]
    public void Delete_row_carries_the_marker_and_still_reads_as_a_primary_key()
    {
        var bytes = PlainBufferWriter.WriteRow(Samples.DeleteRow);
        Assert.Equal(0x08, bytes[^3]); // marker right before TAG_ROW_CHECKSUM
        Assert.True(PlainBufferReader.ReadRow(bytes).DeleteMarker);
        Assert.Equal(Samples.DeleteRow.PrimaryKey, PlainBufferReader.ReadPrimaryKey(bytes));
    }

    [Fact]
    public void Read_rows_share_one_header_and_carry_value_and_timestamp_but_no_type_or_marker()
    {
        var rows = Enumerable.Range(0, 3).Select(i => new Row(
            [new KeyColumn("pk", Value.Integer(i))],
            [new Cell("a", Value.String($"v{i}"), 1000 + i), new Cell("a", Value.String("old"), 10), new Cell("b", Value.Boolean(i % 2 == 0), 2000)]))
            .ToList();
        var bytes = PlainBufferWriter.WriteReadRows(rows);
        var oneAtATime = rows.Select(row => PlainBufferWriter.WriteReadRow(row)[4..]).SelectMany(b => b);
        Assert.Equal([0x75, 0, 0, 0, .. oneAtATime], bytes);

        var read = PlainBufferReader.ReadRows(bytes);
        Assert.Equal(3, read.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(rows[i].PrimaryKey, read[i].PrimaryKey);
            Assert.False(read[i].DeleteMarker);
            // A cell read as Put had no TAG_CELL_TYPE on the wire.
            Assert.Equal(rows[i].Columns.Select(c => new PlainBufferCell(c.Name, c.Value, CellOperation.Put, c.Timestamp)), read[i].Cells);
        }
    }

    [Fact]
    public void No_rows_is_an_empty_buffer_and_an_empty_buffer_is_no_rows()
    {
        Assert.Empty(PlainBufferWriter.WriteReadRows([]));
        Assert.Empty(PlainBufferReader.ReadRows([]));
    }

    [Fact]
    public void Rows_with_a_pk_only_row_in_between_read_back_in_order()
    {
        var rows = new[] { new Row([new KeyColumn("pk", Value.Integer(1))], []), new Row([new KeyColumn("pk", Value.Integer(2))], [new Cell("c", Value.Double(1.5), 5)]) };
        var read = PlainBufferReader.ReadRows(PlainBufferWriter.WriteReadRows(rows).Concat(new byte[3]).ToArray());
        Assert.Equal([1L, 2L], read.Select(r => r.PrimaryKey[0].Value.AsInteger));
        Assert.Empty(read[0].Cells);
        Assert.Single(read[1].Cells);
    }

    [Fact]
    public void Non_ascii_column_names_are_counted_in_utf8_bytes()
    {
        var row = new PlainBufferRow([new KeyColumn("ключ", Value.Integer(1))], [new PlainBufferCell("列", Value.Integer(2), CellOperation.Put, null)], false);
        var bytes = PlainBufferWriter.WriteRow(row);
        Assert.Equal(8u, BitConverter.ToUInt32(bytes, 7)); // "ключ" is 4 UTF-16 units but 8 UTF-8 bytes
        Samples.AssertSameRow(row, PlainBufferReader.ReadRow(bytes));
    }
}

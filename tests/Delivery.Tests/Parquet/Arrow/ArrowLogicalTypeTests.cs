using System.Buffers.Binary;
using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Testing;
using ParquetSharp;

namespace DeliveryConsole.Delivery.Tests.Parquet.Arrow;

/// <summary>Each logical type the delivery types need, on its physical type, as DuckDB reads it: its SQL type and a value.</summary>
public class ArrowLogicalTypeTests
{
    public static TheoryData<string, ColumnEncoding, string, string, string> Cases() => new()
    {
        // case name, encoding, DuckDB type, SQL over column c, the text DuckDB gives for the one value written
        { "int32", ColumnEncoding.PlainDictionary, "INTEGER", "CAST(c AS VARCHAR)", "-2147483648" },
        { "int64", ColumnEncoding.DeltaBinaryPacked, "BIGINT", "CAST(c AS VARCHAR)", "9223372036854775807" },
        { "date", ColumnEncoding.DeltaBinaryPacked, "DATE", "CAST(c AS VARCHAR)", "2024-01-01" },
        { "time millis", ColumnEncoding.PlainDictionary, "TIME", "CAST(c AS VARCHAR)", "01:02:03.004" },
        { "time micros", ColumnEncoding.DeltaBinaryPacked, "TIME", "CAST(c AS VARCHAR)", "01:02:03.004005" },
        { "timestamp millis utc", ColumnEncoding.DeltaBinaryPacked, "TIMESTAMP WITH TIME ZONE", "CAST(epoch_ms(c) AS VARCHAR)", "1704067200123" },
        { "timestamp micros local", ColumnEncoding.PlainDictionary, "TIMESTAMP", "CAST(c AS VARCHAR)", "2024-01-01 00:00:00.000001" },
        { "decimal int32", ColumnEncoding.DeltaBinaryPacked, "DECIMAL(9,2)", "CAST(c AS VARCHAR)", "123.45" },
        { "decimal int64", ColumnEncoding.PlainDictionary, "DECIMAL(18,4)", "CAST(c AS VARCHAR)", "12345.6789" },
        { "decimal fixed", ColumnEncoding.DeltaByteArray, "DECIMAL(38,10)", "CAST(c AS VARCHAR)", "-1.2345678901" },
        { "bytes", ColumnEncoding.DeltaLengthByteArray, "BLOB", "CAST(c AS VARCHAR)", "abc" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_logical_type_is_read_by_DuckDB_as_its_SQL_type(string name, ColumnEncoding encoding, string duckDbType, string sql, string text)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("logical.parquet");
        byte[] present = [0, 1];
        using (var file = File.Create(path))
        {
            using var writer = new ArrowObjectWriter([Column(name, encoding)], file);
            using (var group = writer.AppendRowGroup())
                Write(name, group, present);
            writer.Complete();
        }

        Assert.Equal(duckDbType, (string)DuckDb.Query($"DESCRIBE SELECT c FROM read_parquet({DuckDb.Literal(path)})").Single()[1]!);
        Assert.Contains(encoding.WireName(), Assert.Single(DuckDb.Chunks(path)).Encodings);
        var values = DuckDb.Query($"SELECT {sql} FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true) ORDER BY file_row_number");
        Assert.Equal([null, text], values.Select(row => (string?)row[0]));
    }

    [Fact]
    public void Integers_carry_the_signed_INTEGER_annotation_Parquet_Net_gives_them()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("integers.parquet");
        using (var file = File.Create(path))
        {
            using var writer = new ArrowObjectWriter(
                [new("i32", PhysicalType.Int32, ColumnEncoding.Plain, ArrowLogicalType.SignedInteger(32)),
                 new("i64", PhysicalType.Int64, ColumnEncoding.Plain, ArrowLogicalType.SignedInteger(64))], file);
            writer.Complete();
        }

        // DuckDB prints the bit width as a character (' ' for 32, '@' for 64), so the width is checked through the converted type.
        var schema = DuckDb.Query(
            $"SELECT name, converted_type, logical_type LIKE 'IntType(%isSigned=1)' FROM parquet_schema({DuckDb.Literal(path)}) WHERE name LIKE 'i%' ORDER BY name");
        Assert.Equal([["i32", "INT_32", "True"], ["i64", "INT_64", "True"]], schema.Select(row => row.Select(v => v?.ToString()).ToArray()));
    }

    private static ArrowColumn Column(string name, ColumnEncoding encoding) => name switch
    {
        "int32" => new("c", PhysicalType.Int32, encoding, ArrowLogicalType.SignedInteger(32)),
        "int64" => new("c", PhysicalType.Int64, encoding, ArrowLogicalType.SignedInteger(64)),
        "date" => new("c", PhysicalType.Int32, encoding, ArrowLogicalType.Date),
        "time millis" => new("c", PhysicalType.Int32, encoding, ArrowLogicalType.Time(TimeUnit.Millis, adjustedToUtc: false)),
        "time micros" => new("c", PhysicalType.Int64, encoding, ArrowLogicalType.Time(TimeUnit.Micros, adjustedToUtc: false)),
        "timestamp millis utc" => new("c", PhysicalType.Int64, encoding, ArrowLogicalType.Timestamp(TimeUnit.Millis, adjustedToUtc: true)),
        "timestamp micros local" => new("c", PhysicalType.Int64, encoding, ArrowLogicalType.Timestamp(TimeUnit.Micros, adjustedToUtc: false)),
        "decimal int32" => new("c", PhysicalType.Int32, encoding, ArrowLogicalType.Decimal(9, 2)),
        "decimal int64" => new("c", PhysicalType.Int64, encoding, ArrowLogicalType.Decimal(18, 4)),
        "decimal fixed" => new("c", PhysicalType.FixedLenByteArray, encoding, ArrowLogicalType.Decimal(38, 10), fixedLength: 16),
        _ => new("c", PhysicalType.ByteArray, encoding),
    };

    private static void Write(string name, ArrowRowGroup group, byte[] present)
    {
        switch (name)
        {
            case "int32": group.WriteInt32s(present, [int.MinValue]); break;
            case "int64": group.WriteInt64s(present, [long.MaxValue]); break;
            case "date": group.WriteInt32s(present, [19_723]); break;
            case "time millis": group.WriteInt32s(present, [3_723_004]); break;
            case "time micros": group.WriteInt64s(present, [3_723_004_005]); break;
            case "timestamp millis utc": group.WriteInt64s(present, [1_704_067_200_123]); break;
            case "timestamp micros local": group.WriteInt64s(present, [1_704_067_200_000_001]); break;
            case "decimal int32": group.WriteInt32s(present, [12_345]); break;
            case "decimal int64": group.WriteInt64s(present, [123_456_789]); break;
            case "decimal fixed":
                var unscaled = new byte[16];
                BinaryPrimitives.WriteInt128BigEndian(unscaled, -12_345_678_901);
                group.WriteFixedLengthByteArrays(present, unscaled);
                break;
            default: group.WriteByteArrays(present, ["abc"u8.ToArray()]); break;
        }
    }
}

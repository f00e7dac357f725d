using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Parquet;

internal static class ParquetTestFiles
{
    public static async Task<string> WriteAsync(
        TempFolder temp, IReadOnlyList<SchemaColumn> schema, IEnumerable<Value?[]> rows,
        int maxRowsPerRowGroup = ParquetObjectWriter.DefaultMaxRowsPerRowGroup)
    {
        var buffer = new ParquetBuffer(schema);
        foreach (var row in rows)
            buffer.Append(row);
        var path = temp.Combine($"{Guid.NewGuid():N}.parquet");
        await using var file = File.Create(path);
        await new ParquetObjectWriter(schema, maxRowsPerRowGroup).WriteAsync(buffer, file, TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>One column's values as DuckDB reads them, in file row order.</summary>
    public static List<object?> Column(string path, string column) =>
        [.. DuckDb.Query($"SELECT \"{column}\" FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true) ORDER BY file_row_number")
            .Select(row => row[0])];

    /// <summary>Asserts that DuckDB read exactly <paramref name="expected"/>: doubles bit for bit (so -0.0 too), any NaN as NaN.</summary>
    public static void AssertSame(IReadOnlyList<Value?> expected, IReadOnlyList<object?> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            switch (expected[i])
            {
                case null:
                    Assert.Null(actual[i]);
                    break;
                case { Kind: ValueKind.Double } value when double.IsNaN(value.AsDouble):
                    Assert.True(actual[i] is double d && double.IsNaN(d), $"row {i}: expected NaN, read {actual[i]}");
                    break;
                case { Kind: ValueKind.Double } value:
                    Assert.Equal(BitConverter.DoubleToInt64Bits(value.AsDouble), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(actual[i])));
                    break;
                case { Kind: ValueKind.Integer } value:
                    Assert.Equal(value.AsInteger, Assert.IsType<long>(actual[i]));
                    break;
                case { Kind: ValueKind.Boolean } value:
                    Assert.Equal(value.AsBoolean, Assert.IsType<bool>(actual[i]));
                    break;
                case { Kind: ValueKind.String } value:
                    Assert.Equal(value.AsString, Assert.IsType<string>(actual[i]));
                    break;
                default:
                    Assert.Fail($"row {i}: unexpected {expected[i]}");
                    break;
            }
        }
    }

    /// <summary>
    /// As <see cref="AssertSame(IReadOnlyList{Value?}, IReadOnlyList{object?})"/> for a column of
    /// <paramref name="type"/>: DuckDB reads an INT32 column as int, a FLOAT column as float (bit for bit) and a DATE
    /// column as a date (the stored value's days since 1970-01-01).
    /// </summary>
    public static void AssertSame(ParquetType type, IReadOnlyList<Value?> expected, IReadOnlyList<object?> actual)
    {
        if (type is not (ParquetType.Int32 or ParquetType.Float or ParquetType.Date))
        {
            AssertSame(expected, actual);
            return;
        }
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] is not { } value)
                Assert.Null(actual[i]);
            else if (type == ParquetType.Date)
                Assert.Equal(TimeConversions.StoredDate(value), AsDate(actual[i]));
            else if (type == ParquetType.Int32)
                Assert.Equal((int)value.AsInteger, Assert.IsType<int>(actual[i]));
            else if (double.IsNaN(value.AsDouble))
                Assert.True(float.IsNaN(Assert.IsType<float>(actual[i])), $"row {i}: expected NaN, read {actual[i]}");
            else
                Assert.Equal(BitConverter.SingleToInt32Bits((float)value.AsDouble), BitConverter.SingleToInt32Bits(Assert.IsType<float>(actual[i])));
        }
    }

    /// <summary>A DATE as DuckDB.NET gives it (DateOnly, or DateTime at midnight in older clients).</summary>
    public static DateOnly AsDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new Xunit.Sdk.XunitException($"expected a date, read {value} ({value?.GetType().Name})"),
    };

    /// <summary>Values (in their column's stored form) with the edge cases of each type, nulls among them.</summary>
    public static Value?[] Samples(ParquetType type) => type switch
    {
        ParquetType.Int64 =>
        [
            Value.Integer(long.MinValue), Value.Integer(long.MaxValue), Value.Integer(0), null, Value.Integer(-1),
            Value.Integer(9_007_199_254_740_993), Value.Integer(long.MinValue + 1), Value.Integer(1), null,
        ],
        ParquetType.Double =>
        [
            Value.Double(double.NaN), Value.Double(double.PositiveInfinity), Value.Double(double.NegativeInfinity),
            Value.Double(-0.0), null, Value.Double(double.Epsilon), Value.Double(double.MaxValue),
            Value.Double(double.MinValue), Value.Double(0.1), null,
        ],
        ParquetType.Int32 =>
        [
            Value.Integer(int.MinValue), Value.Integer(int.MaxValue), Value.Integer(0), null, Value.Integer(-1),
            Value.Integer(int.MinValue + 1), Value.Integer(1), null,
        ],
        ParquetType.Float =>
        [
            Value.Double(double.NaN), Value.Double(double.PositiveInfinity), Value.Double(double.NegativeInfinity),
            Value.Double(-0.0), null, Value.Double(float.Epsilon), Value.Double(float.MaxValue),
            Value.Double(float.MinValue), Value.Double(0.1), null,
        ],
        ParquetType.Date =>
        [
            Value.Integer(0), Value.Integer(-719_162), Value.Integer(2_932_896), null, Value.Integer(19_782),
            Value.Integer(-1), null,
        ],
        ParquetType.TimeMillis => [Value.Integer(0), Value.Integer(86_399_999), null, Value.Integer(45_296_789)],
        ParquetType.TimeMicros => [Value.Integer(0), Value.Integer(86_399_999_999), null, Value.Integer(45_296_123_456)],
        ParquetType.TimestampMillis => [Value.Integer(0), Value.Integer(-62_135_596_800_000), null, Value.Integer(253_402_300_799_999), Value.Integer(-1)],
        ParquetType.TimestampMicros or ParquetType.Int96 =>
            [Value.Integer(0), Value.Integer(-62_135_596_800_000_000), null, Value.Integer(253_402_300_799_999_999), Value.Integer(-1)],
        // DECIMAL(38,18), the default: its unscaled values as bytes.
        ParquetType.Decimal =>
        [
            Unscaled("0"), Unscaled("99999999999999999999999999999999999999"), null, Unscaled("-99999999999999999999999999999999999999"),
            Unscaled("-1"), Unscaled("1234500000000000000"),
        ],
        ParquetType.Bool => [Value.Boolean(true), Value.Boolean(false), null, Value.Boolean(true), null],
        ParquetType.Utf8 =>
        [
            Value.String(""), Value.String("a"), null, Value.String("é 😀 中文 Ω"), Value.String("tab\tnew\nline \"q\" 'q'"),
            Value.String(new string('x', 5000)), Value.String(""), null, Value.String("a"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static Value Unscaled(string digits) => Value.Binary(System.Numerics.BigInteger.Parse(digits).ToByteArray());

    /// <summary>
    /// Asserts DuckDB read <paramref name="expected"/> (stored forms) from <paramref name="column"/> of the file: the
    /// types with a value conversion compare as DuckDB's own numbers or text (TIME and TIMESTAMP as microseconds,
    /// DECIMAL as its exact text), the others as <see cref="AssertSame(ParquetType, IReadOnlyList{Value?}, IReadOnlyList{object?})"/>.
    /// </summary>
    public static void AssertSame(SchemaColumn column, IReadOnlyList<Value?> expected, string path)
    {
        var name = column.OssColumnName;
        (string Sql, Func<Value, object> Expected)? canonical = column.Type switch
        {
            ParquetType.TimeMillis => ($"CAST(date_diff('microsecond', TIME '00:00:00', \"{name}\") AS BIGINT)", v => v.AsInteger * 1_000),
            ParquetType.TimeMicros => ($"CAST(date_diff('microsecond', TIME '00:00:00', \"{name}\") AS BIGINT)", v => v.AsInteger),
            ParquetType.TimestampMillis => ($"epoch_us(\"{name}\")", v => v.AsInteger * 1_000),
            ParquetType.TimestampMicros or ParquetType.Int96 => ($"epoch_us(\"{name}\")", v => v.AsInteger),
            ParquetType.Decimal => ($"CAST(\"{name}\" AS VARCHAR)", v => ((DecimalConversion)CellConversion.For(column)).StoredText(v)),
            _ => null,
        };
        if (canonical is not { } read)
        {
            AssertSame(column.Type, expected, Column(path, name));
            return;
        }
        var actual = DuckDb.Query($"SELECT {read.Sql} FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true) ORDER BY file_row_number")
            .Select(row => row[0]).ToList();
        Assert.Equal(expected.Select(v => v is { } value ? read.Expected(value) : null), actual);
    }
}

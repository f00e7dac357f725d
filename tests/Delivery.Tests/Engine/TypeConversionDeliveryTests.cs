using System.Text.Json;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Delivery.Tests.Parquet;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>
/// Types that convert a cell's value, delivered end to end and read back by DuckDB: its own column types, the
/// encodings it finds, the values, and a value that does not convert recorded as dirty.
/// </summary>
public sealed class TypeConversionDeliveryTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Int32_float_and_date_columns_are_duckdbs_integer_float_and_date_with_the_asked_encodings_and_dirty_values_recorded()
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("typed", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        Put(host, "r1", Value.Integer(int.MinValue), Value.Double(0.1), Value.String("2024-02-29"));
        Put(host, "r2", Value.Integer(int.MaxValue), Value.Double(double.NaN), Value.Integer(0)); // day 0 is 1970-01-01
        Put(host, "r3", Value.Integer(1L << 31), Value.Double(1e39), Value.String("2023-02-29")); // all three out of range: dirty
        Put(host, "r4", Value.String("7"), Value.Double(-0.0), Value.String("2024-01-05T00:00:00Z")); // a string is no INT32; a time is no DATE
        var request = new CreateDeliveryTaskRequest("typed", "typed-task",
            new DeliveryTaskConfig("typed", EngineHost.Bucket, EngineHost.Endpoint, EngineHost.Role,
            [
                new SchemaColumnConfig("id", "UTF8"),
                new SchemaColumnConfig("n", "INT32", "n_plain"),
                new SchemaColumnConfig("n", "INT32", "n_delta", "DELTA_BINARY_PACKED"),
                new SchemaColumnConfig("f", "FLOAT"),
                new SchemaColumnConfig("d", "DATE"),
            ], OssDirtyPrefix: "dirty-lines"),
            "BASE_INC");

        await host.CreateAsync(request);
        var done = await host.WaitCaughtUpAsync("typed", "typed-task");

        var file = Path.Combine(host.BucketFolder, Assert.Single(host.ObjectKeys(), key => key.StartsWith("typed/", StringComparison.Ordinal)));
        var literal = DuckDb.Literal(file);
        var source = $"read_parquet({literal})"; // objects have no .parquet extension
        Assert.Equal(
            [("id", "VARCHAR"), ("n_plain", "INTEGER"), ("n_delta", "INTEGER"), ("f", "FLOAT"), ("d", "DATE")],
            DuckDb.Query($"DESCRIBE SELECT * FROM {source}").Select(r => ((string)r[0]!, (string)r[1]!)));
        Assert.Equal(
            [("n_plain", "INT32", "INT_32"), ("n_delta", "INT32", "INT_32"), ("f", "FLOAT", null), ("d", "INT32", "DATE")],
            DuckDb.Query($"SELECT name, type, converted_type FROM parquet_schema({literal}) WHERE name IN ('n_plain', 'n_delta', 'f', 'd')")
                .Select(r => ((string)r[0]!, (string)r[1]!, (string?)r[2])));
        // The logical type too, not only the legacy converted type: readers that ignore converted types still see a date.
        Assert.Contains("date", (string)DuckDb.Scalar($"SELECT logical_type FROM parquet_schema({literal}) WHERE name = 'd'")!,
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            [("id", "PLAIN"), ("n_plain", "PLAIN"), ("n_delta", "DELTA_BINARY_PACKED"), ("f", "PLAIN"), ("d", "PLAIN")],
            DuckDb.Chunks(file).Select(chunk => (chunk.Column, chunk.Encodings.Split(", ").Single(e => e != "RLE"))));

        var rows = DuckDb.Query($"SELECT id, n_plain, n_delta, f, d FROM {source} ORDER BY id");
        Assert.Equal(["r1", "r2", "r3", "r4"], rows.Select(r => (string)r[0]!));
        Assert.Equal([int.MinValue, int.MaxValue, null, null], rows.Select(r => (int?)r[1]));
        Assert.Equal([int.MinValue, int.MaxValue, null, null], rows.Select(r => (int?)r[2]));
        Assert.Equal(0.1f, (float)rows[0][3]!);
        Assert.True(float.IsNaN((float)rows[1][3]!));
        Assert.Null(rows[2][3]);
        Assert.True(float.IsNegative((float)rows[3][3]!) && (float)rows[3][3]! == 0f);
        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(1970, 1, 1)], rows.Take(2).Select(r => ParquetTestFiles.AsDate(r[4])));
        Assert.Equal([null, null], rows.Skip(2).Select(r => r[4]));

        Assert.Equal(7, done.State.DirtyCells);
        var lines = host.ObjectKeys().Where(key => key.StartsWith("dirty-lines/", StringComparison.Ordinal))
            .SelectMany(key => File.ReadAllLines(Path.Combine(host.BucketFolder, key)))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(l => (l.GetProperty("primaryKey").GetProperty("id").GetString(), l.GetProperty("column").GetString(),
                l.GetProperty("expectedType").GetString(), l.GetProperty("actualType").GetString(), l.GetProperty("value").GetString()))
            .Order().ToList();
        Assert.Equal(
        [
            ("r3", "d", "DATE", "STRING", "2023-02-29"), ("r3", "f", "FLOAT", "DOUBLE", "1E+39"),
            ("r3", "n", "INT32", "INTEGER", "2147483648"), ("r3", "n", "INT32", "INTEGER", "2147483648"),
            ("r4", "d", "DATE", "STRING", "2024-01-05T00:00:00Z"), ("r4", "n", "INT32", "STRING", "7"), ("r4", "n", "INT32", "STRING", "7"),
        ], lines);
        var described = (await host.DescribeAsync("typed", "typed-task")).Definition.Request.TaskConfig.Schema;
        Assert.Equal(["FLOAT", "DATE"], described.Skip(3).Select(column => column.Type));
    }

    [Fact]
    public async Task Time_timestamp_int96_and_decimal_columns_are_duckdbs_types_in_encodings_only_arrow_writes_with_dirty_values_recorded()
    {
        await using var host = await EngineHost.StartAsync(_data);
        host.Tables.CreateTable("typed", [new PrimaryKeyColumn("id", PrimaryKeyType.String)]);
        PutTimes(host, "r1", Value.String("08:30:00.25"), Value.String("2024-03-01T20:00:00.5+08:00"), Value.Double(2.675));
        PutTimes(host, "r2", Value.Integer(1_000), Value.Integer(1_709_294_400_500), Value.String("-12345678.995"));
        PutTimes(host, "r3", Value.String("24:00:00"), Value.String("2024-03-01T12:00:00"), Value.String("123456789")); // all dirty
        var request = new CreateDeliveryTaskRequest("typed", "typed-task",
            new DeliveryTaskConfig("typed", EngineHost.Bucket, EngineHost.Endpoint, EngineHost.Role,
            [
                new SchemaColumnConfig("id", "UTF8", "id", "DELTA_BYTE_ARRAY"),
                new SchemaColumnConfig("t", "TIME_MILLIS", "t", "PLAIN_DICTIONARY"),
                new SchemaColumnConfig("ts", "TIMESTAMP_MICROS", "ts", "DELTA_BINARY_PACKED"),
                new SchemaColumnConfig("ts", "INT96", "ts96"),
                new SchemaColumnConfig("amount", "DECIMAL", "amount", "PLAIN_DICTIONARY", "decimal(10,2)"),
                new SchemaColumnConfig("amount", "DECIMAL", "amount_wide", "DELTA_BYTE_ARRAY"),
            ], OssDirtyPrefix: "dirty-lines"),
            "BASE_INC");

        await host.CreateAsync(request);
        var done = await host.WaitCaughtUpAsync("typed", "typed-task");

        var file = Path.Combine(host.BucketFolder, Assert.Single(host.ObjectKeys(), key => key.StartsWith("typed/", StringComparison.Ordinal)));
        var literal = DuckDb.Literal(file);
        var source = $"read_parquet({literal})";
        Assert.Equal(
        [
            ("id", "VARCHAR"), ("t", "TIME"), ("ts", "TIMESTAMP WITH TIME ZONE"), ("ts96", "TIMESTAMP"),
            ("amount", "DECIMAL(10,2)"), ("amount_wide", "DECIMAL(38,18)"),
        ], DuckDb.Query($"DESCRIBE SELECT * FROM {source}").Select(r => ((string)r[0]!, (string)r[1]!)));
        Assert.Equal(
            [("id", "DELTA_BYTE_ARRAY"), ("t", "PLAIN_DICTIONARY"), ("ts", "DELTA_BINARY_PACKED"), ("ts96", "PLAIN"),
                ("amount", "PLAIN_DICTIONARY"), ("amount_wide", "DELTA_BYTE_ARRAY")],
            DuckDb.Chunks(file).Select(chunk => (chunk.Column, chunk.Encodings.Split(", ").First(e => e != "RLE"))));

        var rows = DuckDb.Query(
            $"SELECT id, CAST(t AS VARCHAR), epoch_us(ts), epoch_us(ts96), CAST(amount AS VARCHAR), CAST(amount_wide AS VARCHAR) FROM {source} ORDER BY id");
        Assert.Equal(["08:30:00.25", "00:00:01", null], rows.Select(r => (string?)r[1]));
        // The same INTEGER is microseconds for TIMESTAMP_MICROS and milliseconds for INT96.
        Assert.Equal([1_709_294_400_500_000L, 1_709_294_400_500L, null], rows.Select(r => (long?)r[2]));
        Assert.Equal([1_709_294_400_500_000L, 1_709_294_400_500_000L, null], rows.Select(r => (long?)r[3]));
        Assert.Equal(["2.68", "-12345679.00", null], rows.Select(r => (string?)r[4]));
        Assert.Equal(["2.675000000000000000", "-12345678.995000000000000000", "123456789.000000000000000000"], rows.Select(r => (string?)r[5]));

        Assert.Equal(4, done.State.DirtyCells);
        var dirty = host.ObjectKeys().Where(key => key.StartsWith("dirty-lines/", StringComparison.Ordinal))
            .SelectMany(key => File.ReadAllLines(Path.Combine(host.BucketFolder, key)))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(l => (l.GetProperty("column").GetString(), l.GetProperty("expectedType").GetString(), l.GetProperty("value").GetString()))
            .Order().ToList();
        Assert.Equal(
        [
            ("amount", "DECIMAL", "123456789"), ("t", "TIME_MILLIS", "24:00:00"),
            ("ts", "INT96", "2024-03-01T12:00:00"), ("ts", "TIMESTAMP_MICROS", "2024-03-01T12:00:00"),
        ], dirty);
        var described = (await host.DescribeAsync("typed", "typed-task")).Definition.Request.TaskConfig.Schema;
        Assert.Equal(["decimal(10,2)", null], described.Skip(4).Select(column => column.TypeExtend));
    }

    private static void PutTimes(EngineHost host, string id, Value t, Value ts, Value amount) =>
        host.Writer.WriteRow("typed", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))],
            [new ColumnPut("t", t), new ColumnPut("ts", ts), new ColumnPut("amount", amount)]));

    private static void Put(EngineHost host, string id, Value n, Value f, Value d) =>
        host.Writer.WriteRow("typed", new RowWrite(WriteType.Put, [new KeyColumn("id", Value.String(id))],
            [new ColumnPut("n", n), new ColumnPut("f", f), new ColumnPut("d", d)]));

    public void Dispose() => _data.Dispose();
}

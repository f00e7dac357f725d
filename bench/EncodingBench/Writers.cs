using DeliveryConsole.Delivery.Parquet.Arrow;
using DeliveryConsole.Delivery.Schema;
using Parquet;
using Parquet.Schema;
using PhysicalType = ParquetSharp.PhysicalType;

namespace DeliveryConsole.EncodingBench;

internal enum Library
{
    ParquetNet,
    ParquetSharp,
}

/// <summary>A writer and encoding measured on one column kind.</summary>
internal sealed record Variant(Library Library, ColumnEncoding Encoding)
{
    public string Name => $"{(Library == Library.ParquetNet ? "Parquet.Net" : "ParquetSharp")} {Encoding.WireName()}";

    public static IEnumerable<Variant> For(ColumnKind kind)
    {
        var strings = kind is ColumnKind.Utf8LowCardinality or ColumnKind.Utf8HighCardinality;
        var integers = kind is ColumnKind.Int64Sequential or ColumnKind.Int64Random or ColumnKind.Int64LowCardinality;
        yield return new(Library.ParquetNet, ColumnEncoding.Plain);
        if (strings)
            yield return new(Library.ParquetNet, ColumnEncoding.PlainDictionary);
        if (integers)
            yield return new(Library.ParquetNet, ColumnEncoding.DeltaBinaryPacked);
        yield return new(Library.ParquetSharp, ColumnEncoding.Plain);
        yield return new(Library.ParquetSharp, ColumnEncoding.PlainDictionary);
        if (integers)
            yield return new(Library.ParquetSharp, ColumnEncoding.DeltaBinaryPacked);
        if (strings)
        {
            yield return new(Library.ParquetSharp, ColumnEncoding.DeltaByteArray);
            yield return new(Library.ParquetSharp, ColumnEncoding.DeltaLengthByteArray);
        }
    }
}

/// <summary>
/// Writes one column of the workload as the delivery engine does: OPTIONAL, SNAPPY, row groups of 100,000 rows,
/// values handed over densely with their definition levels.
/// </summary>
internal static class Writers
{
    public const int RowGroupRows = 100_000;
    public const string Column = "c";

    public static void Write(Workload data, ColumnKind kind, Variant variant, Stream output)
    {
        if (variant.Library == Library.ParquetNet)
            WriteParquetNet(data, kind, variant.Encoding, output).GetAwaiter().GetResult();
        else
            WriteParquetSharp(data, kind, variant.Encoding, output);
    }

    private static async Task WriteParquetNet(Workload data, ColumnKind kind, ColumnEncoding encoding, Stream output)
    {
        DataField field = kind switch
        {
            ColumnKind.Int64Sequential or ColumnKind.Int64Random or ColumnKind.Int64LowCardinality => new DataField<long?>(Column),
            ColumnKind.Double => new DataField<double?>(Column),
            _ => new DataField<string>(Column, nullable: true),
        };
        // The product's options (ParquetObjectWriter): SNAPPY, and dictionary whatever the share of distinct values.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingThreshold = 1.0 };
        if (encoding == ColumnEncoding.PlainDictionary)
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        else if (encoding == ColumnEncoding.DeltaBinaryPacked)
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), output, options);
        for (var first = 0; first < data.Rows; first += RowGroupRows)
        {
            var rows = Math.Min(RowGroupRows, data.Rows - first);
            var levels = data.Levels.AsMemory(first, rows);
            using var group = writer.CreateRowGroup();
            await (kind switch
            {
                ColumnKind.Int64Sequential => group.WriteAllPartsAsync<long>(field, data.Sequential.AsMemory(first, rows), levels, null, default),
                ColumnKind.Int64Random => group.WriteAllPartsAsync<long>(field, data.RandomLongs.AsMemory(first, rows), levels, null, default),
                ColumnKind.Int64LowCardinality => group.WriteAllPartsAsync<long>(field, data.FewLongs.AsMemory(first, rows), levels, null, default),
                ColumnKind.Double => group.WriteAllPartsAsync<double>(field, data.Doubles.AsMemory(first, rows), levels, null, default),
                ColumnKind.Utf8LowCardinality => group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, data.LowCardinality.AsMemory(first, rows), levels, null, default),
                _ => group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, data.HighCardinality.AsMemory(first, rows), levels, null, default),
            });
            group.CompleteValidate();
        }
    }

    private static void WriteParquetSharp(Workload data, ColumnKind kind, ColumnEncoding encoding, Stream output)
    {
        var column = kind switch
        {
            ColumnKind.Int64Sequential or ColumnKind.Int64Random or ColumnKind.Int64LowCardinality => new ArrowColumn(Column, PhysicalType.Int64, encoding),
            ColumnKind.Double => new ArrowColumn(Column, PhysicalType.Double, encoding),
            _ => new ArrowColumn(Column, PhysicalType.ByteArray, encoding, ArrowLogicalType.String),
        };
        using var writer = new ArrowObjectWriter([column], output);
        for (var first = 0; first < data.Rows; first += RowGroupRows)
        {
            var rows = Math.Min(RowGroupRows, data.Rows - first);
            var present = data.AllPresent.AsSpan(first, rows);
            using var group = writer.AppendRowGroup();
            switch (kind)
            {
                case ColumnKind.Int64Sequential: group.WriteInt64s(present, data.Sequential.AsSpan(first, rows)); break;
                case ColumnKind.Int64Random: group.WriteInt64s(present, data.RandomLongs.AsSpan(first, rows)); break;
                case ColumnKind.Int64LowCardinality: group.WriteInt64s(present, data.FewLongs.AsSpan(first, rows)); break;
                case ColumnKind.Double: group.WriteDoubles(present, data.Doubles.AsSpan(first, rows)); break;
                case ColumnKind.Utf8LowCardinality: group.WriteStrings(present, data.LowCardinality.AsSpan(first, rows)); break;
                default: group.WriteStrings(present, data.HighCardinality.AsSpan(first, rows)); break;
            }
        }
        writer.Complete();
    }
}

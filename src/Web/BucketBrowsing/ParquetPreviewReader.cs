using System.Globalization;
using System.Reflection;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>
/// Reads what the Parquet preview shows with Parquet.Net: the schema and row groups from the footer, and the first
/// <see cref="MaxRows"/> rows from as few row groups as hold them (each of those read column by column).
/// </summary>
public static class ParquetPreviewReader
{
    public const int MaxRows = 100;

    private static readonly MethodInfo ReadValuesMethod =
        typeof(ParquetPreviewReader).GetMethod(nameof(ReadValuesAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Previews the Parquet file in <paramref name="seekable"/>, which stays open; a broken file says why.</summary>
    public static async Task<ObjectPreview> ReadAsync(Stream seekable, CancellationToken cancellationToken)
    {
        try
        {
            // A DATE column reads as DateOnly, so it prints as the date it is rather than as a midnight timestamp; a DECIMAL
            // as BigDecimal, exact at any precision (System.Decimal holds 28 digits, DECIMAL up to 38).
            var options = new ParquetOptions { UseDateOnlyTypeForDates = true, UseBigDecimal = true };
            await using var reader = await ParquetReader.CreateAsync(seekable, options, leaveStreamOpen: true, cancellationToken: cancellationToken);
            var fields = reader.Schema.GetDataFields();
            var schema = fields.Select(Describe).ToList();
            var metadata = reader.Metadata ?? throw new InvalidDataException("the file has no footer metadata");
            var rowGroups = metadata.RowGroups.Select(RowGroupInfo).ToList();
            var rows = await FirstRowsAsync(reader, fields, cancellationToken);
            return new ParquetObjectPreview(schema, rowGroups, metadata.NumRows, rows);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any failure inside the reader means a damaged or unsupported file; the page says so instead of failing.
            return new NoPreview($"This object starts like Parquet but cannot be read as Parquet: {e.Message}");
        }
    }

    private static ParquetColumnInfo Describe(DataField field)
    {
        var element = field.SchemaElement;
        var types = new[] { Logical(element?.LogicalType), element?.ConvertedType?.ToString() }
            .Where(t => !string.IsNullOrEmpty(t)).Distinct();
        return new ParquetColumnInfo(field.Path.ToString(), element?.Type?.ToString() ?? field.ClrType.Name,
            string.Join(" / ", types), field.IsNullable, Previewed: field.MaxRepetitionLevel == 0);
    }

    /// <summary>The one member of Parquet's LogicalType union that is set, with the parameters worth seeing.</summary>
    private static string? Logical(LogicalType? type) => type switch
    {
        null => null,
        { STRING: not null } => "STRING",
        { INTEGER: { } integer } => $"INTEGER({integer.BitWidth}, {(integer.IsSigned ? "signed" : "unsigned")})",
        { DECIMAL: { } decimalType } => $"DECIMAL({decimalType.Precision}, {decimalType.Scale})",
        { TIMESTAMP: { } timestamp } => $"TIMESTAMP({Unit(timestamp.Unit)}, {(timestamp.IsAdjustedToUTC ? "UTC" : "local")})",
        { TIME: { } time } => $"TIME({Unit(time.Unit)}, {(time.IsAdjustedToUTC ? "UTC" : "local")})",
        { DATE: not null } => "DATE",
        { ENUM: not null } => "ENUM",
        { JSON: not null } => "JSON",
        { BSON: not null } => "BSON",
        { UUID: not null } => "UUID",
        { LIST: not null } => "LIST",
        { MAP: not null } => "MAP",
        { FLOAT16: not null } => "FLOAT16",
        { UNKNOWN: not null } => "NULL",
        _ => "other",
    };

    private static string Unit(TimeUnit unit) =>
        unit.MILLIS is not null ? "ms" : unit.MICROS is not null ? "µs" : unit.NANOS is not null ? "ns" : "?";

    private static ParquetRowGroupInfo RowGroupInfo(RowGroup group, int index) => new(
        index,
        group.NumRows,
        group.TotalCompressedSize ?? group.Columns.Sum(c => c.MetaData?.TotalCompressedSize ?? 0),
        [.. group.Columns.Where(c => c.MetaData is not null).Select(c => new ColumnEncodings(
            string.Join('.', c.MetaData!.PathInSchema), string.Join(", ", c.MetaData.Encodings)))]);

    private static async Task<List<string?[]>> FirstRowsAsync(ParquetReader reader, DataField[] fields, CancellationToken cancellationToken)
    {
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount && rows.Count < MaxRows; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var take = (int)Math.Min(group.RowCount, MaxRows - rows.Count);
            var columns = new IReadOnlyList<string?>[fields.Length];
            for (var c = 0; c < fields.Length; c++)
                columns[c] = fields[c].MaxRepetitionLevel == 0
                    ? await ReadColumnAsync(group, fields[c], take, cancellationToken)
                    : [.. Enumerable.Repeat<string?>("(nested)", take)];
            for (var r = 0; r < take; r++)
                rows.Add([.. columns.Select(column => column[r])]);
        }
        return rows;
    }

    /// <summary>The first <paramref name="take"/> values of a flat column as text (a chunk is read whole).</summary>
    private static async Task<IReadOnlyList<string?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int take,
        CancellationToken cancellationToken)
    {
        var count = checked((int)group.RowCount);
        if (field.ClrType == typeof(string))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
            return strings[..take];
        }
        if (field.ClrType == typeof(byte[]))
        {
            var bytes = new byte[]?[count];
            await group.ReadAsync(field, bytes.AsMemory(), null, cancellationToken);
            return [.. bytes[..take].Select(b => b is null ? null : CellText.Of(b))];
        }
        // Value types go through one generic reader: the column's CLR type is only known at run time.
        var read = (Task<IReadOnlyList<string?>>)ReadValuesMethod.MakeGenericMethod(field.ClrType)
            .Invoke(null, [group, field, count, take, cancellationToken])!;
        return await read;
    }

    private static async Task<IReadOnlyList<string?>> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field,
        int count, int take, CancellationToken cancellationToken) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory(), null, cancellationToken);
            return [.. nullable[..take].Select(v => v is { } value ? CellText.Of(value) : null)];
        }
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        return [.. values[..take].Select(v => CellText.Of(v))];
    }
}

/// <summary>Cell values as the preview prints them: invariant culture, round-trip numbers, ISO 8601 times and dates.</summary>
public static class CellText
{
    private const int MaxBinaryBytes = 64;

    public static string Of(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, MaxBinaryBytes)))
            + (bytes.Length > MaxBinaryBytes ? "…" : ""),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

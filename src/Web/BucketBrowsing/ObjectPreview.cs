namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>What the bucket browser shows of an object's content: Parquet, JSON Lines, or why neither.</summary>
public abstract record ObjectPreview;

/// <summary>A Parquet object's schema, row groups and first rows (cells as text, null for a null value).</summary>
/// <param name="TotalRows">Rows in the whole object, from its footer.</param>
public sealed record ParquetObjectPreview(
    IReadOnlyList<ParquetColumnInfo> Schema,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    long TotalRows,
    IReadOnlyList<string?[]> Rows) : ObjectPreview;

/// <param name="PhysicalType">The stored type, e.g. INT64 or BYTE_ARRAY.</param>
/// <param name="LogicalType">The logical type (e.g. STRING, INTEGER(64, signed)) and/or converted type (e.g. UTF8); empty when none.</param>
/// <param name="Previewed">False for nested (repeated) columns, whose values the row table leaves out.</param>
public sealed record ParquetColumnInfo(string Name, string PhysicalType, string LogicalType, bool Nullable, bool Previewed = true);

/// <param name="Encodings">Per column, the encodings its chunk in this row group uses, e.g. "PLAIN, RLE".</param>
public sealed record ParquetRowGroupInfo(int Index, long Rows, long CompressedBytes, IReadOnlyList<ColumnEncodings> Encodings);

public sealed record ColumnEncodings(string Column, string Encodings);

/// <summary>The first lines of a JSON Lines object (dirty-data records); <paramref name="More"/> when it goes on.</summary>
public sealed record JsonLinesPreview(IReadOnlyList<string> Lines, bool More) : ObjectPreview;

/// <summary>Content the browser cannot preview, with the reason in words for the user.</summary>
public sealed record NoPreview(string Reason) : ObjectPreview;

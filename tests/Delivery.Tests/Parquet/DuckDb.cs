using DuckDB.NET.Data;

namespace DeliveryConsole.Delivery.Tests.Parquet;

/// <summary>DuckDB as the independent Parquet reader: the writer's own library never checks its output.</summary>
internal static class DuckDb
{
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static object? Scalar(string sql) => Query(sql).Single().Single();

    /// <summary>The path as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''") + "'";

    /// <summary>Encodings of each column chunk, as path -> "PLAIN, RLE"-style lists, one entry per row group.</summary>
    public static List<(long RowGroup, string Column, string Encodings, string Compression)> Chunks(string path) =>
        [.. Query($"SELECT row_group_id, path_in_schema, encodings, compression FROM parquet_metadata({Literal(path)}) ORDER BY row_group_id, column_id")
            .Select(r => ((long)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!))];
}

using System.Diagnostics;
using DuckDB.NET.Data;

namespace DeliveryConsole.EncodingBench;

/// <summary>DuckDB reading a written file back: the time to decode every value, a fingerprint of them, and the encodings its footer reports.</summary>
internal static class DuckDbRead
{
    public static (double Seconds, string Fingerprint) Scan(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // hash() touches every value, so every page is decoded; the sum and counts tell whether two files hold the same column.
        command.CommandText = $"SELECT count(*), count({Writers.Column}), sum(hash({Writers.Column}))::VARCHAR FROM read_parquet('{path}')";
        var watch = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        reader.Read();
        var fingerprint = $"{reader.GetValue(0)}/{reader.GetValue(1)}/{reader.GetValue(2)}";
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, fingerprint);
    }

    public static string Encodings(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT encodings FROM parquet_metadata('{path}') ORDER BY 1";
        using var reader = command.ExecuteReader();
        var all = new List<string>();
        while (reader.Read())
            all.Add(reader.GetString(0));
        return string.Join(" | ", all);
    }
}

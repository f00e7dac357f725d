using DeliveryConsole.Delivery.Tests.Parquet;

namespace DeliveryConsole.Delivery.Tests.Engine;

/// <summary>Delivered Parquet objects read back with DuckDB, never with the writer's library.</summary>
internal static class DeliveredRows
{
    /// <summary>
    /// Every row of the objects whose keys start with <paramref name="keyPrefix"/>, as "resolved prefix|value|..."
    /// with the object's folder as the prefix and the columns in file order.
    /// </summary>
    public static List<string> Read(EngineHost host, string keyPrefix)
    {
        var keys = host.ObjectKeys().Where(key => key.StartsWith(keyPrefix, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
            return [];
        var files = string.Join(", ", keys.Select(key => DuckDb.Literal(Path.Combine(host.BucketFolder, key))));
        var rows = DuckDb.Query($"SELECT * FROM read_parquet([{files}], filename = true)");
        return [.. rows.Select(row =>
        {
            var file = ((string)row[^1]!).Replace('\\', '/');
            var key = Path.GetRelativePath(host.BucketFolder, file).Replace('\\', '/');
            var folder = key[..key.LastIndexOf('/')];
            return folder + "|" + string.Join("|", row[..^1].Select(ChangeOracle.Format));
        })];
    }

    /// <summary>
    /// As <see cref="Read(EngineHost, string)"/>, for a bucket's objects copied into <paramref name="bucketFolder"/>
    /// (one file per key, key segments as folders), such as objects downloaded from an S3 endpoint.
    /// </summary>
    public static List<string> Read(string bucketFolder, string keyPrefix)
    {
        var keys = !Directory.Exists(bucketFolder) ? []
            : Directory.EnumerateFiles(bucketFolder, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(bucketFolder, path).Replace('\\', '/'))
                .Where(key => key.StartsWith(keyPrefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
            return [];
        var files = string.Join(", ", keys.Select(key => DuckDb.Literal(Path.Combine(bucketFolder, key))));
        var rows = DuckDb.Query($"SELECT * FROM read_parquet([{files}], filename = true)");
        return [.. rows.Select(row =>
        {
            var file = ((string)row[^1]!).Replace('\\', '/');
            var key = Path.GetRelativePath(bucketFolder, file).Replace('\\', '/');
            var folder = key[..key.LastIndexOf('/')];
            return folder + "|" + string.Join("|", row[..^1].Select(ChangeOracle.Format));
        })];
    }

    /// <summary>Fails with the differences when the two multisets of rows differ.</summary>
    public static void AssertSame(IEnumerable<string> expected, IEnumerable<string> delivered)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = delivered.Order(StringComparer.Ordinal).ToList();
        var missing = want.ToList();
        var extra = new List<string>();
        foreach (var row in got)
        {
            if (!missing.Remove(row))
                extra.Add(row);
        }
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{want.Count} rows expected, {got.Count} delivered. Missing ({missing.Count}): {string.Join("; ", missing.Take(10))}. " +
            $"Unexpected ({extra.Count}): {string.Join("; ", extra.Take(10))}");
    }
}

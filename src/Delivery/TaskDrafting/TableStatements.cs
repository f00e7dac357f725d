using System.Text;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.TaskDrafting;

/// <summary>
/// "Statement to create table": DDL that reads a task's delivered Parquet objects in place, for Hive (EMR) and
/// for DuckDB. Both point at the prefix's fixed part (the folders before the first time variable), below which
/// the time folders (<c>2020/08/31</c>, not Hive's <c>key=value</c> partitions) are nested.
/// </summary>
public static class TableStatements
{
    /// <summary>
    /// Where the objects are: for a local endpoint the bucket's real folder on disk (plus the fixed prefix), for an
    /// S3-compatible one <c>s3://bucket/prefix</c>. No trailing separator.
    /// </summary>
    public static string Location(IBucketEndpoint endpoint, string bucket, PrefixTemplate prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(prefix);
        var fixedPart = prefix.StaticPrefix;
        if (endpoint is LocalFolderEndpoint local)
        {
            var folder = Path.Combine(local.Folder, bucket);
            return fixedPart.Length == 0 ? folder : Path.Combine(folder, fixedPart.Replace('/', Path.DirectorySeparatorChar));
        }
        return fixedPart.Length == 0 ? $"s3://{bucket}" : $"s3://{bucket}/{fixedPart}";
    }

    /// <summary>The SQL name for the task's table: its name with hyphens as underscores.</summary>
    public static string TableName(string taskName) => taskName.Replace('-', '_');

    /// <summary>
    /// An external Hive table STORED AS PARQUET at <paramref name="location"/>, with the settings Hive needs to
    /// read files in nested folders that are not partitions.
    /// </summary>
    public static string Hive(string taskName, IReadOnlyList<SchemaColumn> schema, string location)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var uri = location.StartsWith('/') ? "file://" + location : location;
        var text = new StringBuilder();
        text.AppendLine("-- The time folders are plain folders, not key=value partitions: let Hive read them recursively.");
        text.AppendLine("SET hive.mapred.supports.subdirectories=true;");
        text.AppendLine("SET mapreduce.input.fileinputformat.input.dir.recursive=true;");
        text.AppendLine($"CREATE EXTERNAL TABLE IF NOT EXISTS `{TableName(taskName)}` (");
        text.AppendLine(string.Join(",\n", schema.Select(c => $"  `{c.OssColumnName}` {ColumnLayout.Of(c).HiveType}")));
        text.AppendLine(")");
        text.AppendLine("STORED AS PARQUET");
        text.Append($"LOCATION '{uri.Replace("\\", "\\\\").Replace("'", "\\'")}';"); // Hive escapes with backslashes
        return text.ToString();
    }

    /// <summary>
    /// A DuckDB view over every object the task wrote below <paramref name="location"/> (objects are named
    /// <c>&lt;taskName&gt;_…</c>, so other tasks' objects and upload leftovers are not read).
    /// </summary>
    public static string DuckDb(string taskName, string location)
    {
        var text = new StringBuilder();
        if (location.StartsWith("s3://", StringComparison.Ordinal))
            text.AppendLine("-- S3: first INSTALL httpfs; LOAD httpfs; and CREATE SECRET (TYPE s3, KEY_ID '…', SECRET '…', ENDPOINT '…', URL_STYLE 'path');");
        var pattern = location.TrimEnd('/', '\\') + "/**/" + taskName + "_*";
        text.Append($"CREATE VIEW \"{TableName(taskName)}\" AS SELECT * FROM read_parquet('{Quote(pattern)}', hive_partitioning = false);");
        return text.ToString();
    }

    private static string Quote(string text) => text.Replace("'", "''");
}

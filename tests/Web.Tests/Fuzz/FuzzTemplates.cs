namespace DeliveryConsole.Web.Tests.Fuzz;

/// <summary>
/// One valid body per operation, over the fuzz fixture (table <c>t</c> {k STRING, n INTEGER}, rows a/1, b/2, c/3,
/// bucket <c>fuzz</c>). Write bodies are chosen to fail as they stand (conditions that do not hold, an existing
/// table), so that most mutations stay rejected and the state check has long clean windows. The delivery operations
/// also have task <c>fuzz-task</c> on t (<see cref="DeliveryTask"/>); creating it again is the create template.
/// </summary>
public static class FuzzTemplates
{
    public const string Endpoint = "oss-cn-hangzhou.aliyuncs.com";

    public static readonly string[] WriteOperations =
        ["CreateTable", "UpdateTable", "DeleteTable", "PutRow", "UpdateRow", "DeleteRow", "BatchWriteRow", "CreateBucket",
         "CreateDeliveryTask", "UpdateDeliveryTask", "DeleteDeliveryTask"];

    public static readonly string[] DeliveryOperations =
        ["CreateDeliveryTask", "UpdateDeliveryTask", "ListDeliveryTask", "DescribeDeliveryTask", "DeleteDeliveryTask"];

    /// <summary>A task with every field given; its name is taken once the fixture has created it.</summary>
    public const string DeliveryTask = $$$"""
        {"tableName":"t","taskName":"fuzz-task","taskType":"BASE_INC",
         "taskConfig":{"ossPrefix":"lake/$yyyy/$MM/$dd/$HH/$mm","ossBucket":"fuzz","ossEndpoint":"{{{Endpoint}}}",
          "ossStsRole":"acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery","ossDirtyPrefix":"dirty/$yyyy",
          "format":"Parquet","eventTimeColumn":{"columnName":"e","timeFormat":"RFC3339"},
          "schema":[{"columnName":"k","type":"UTF8","ossColumnName":"key","encode":"PLAIN_DICTIONARY"},
                    {"columnName":"n","type":"INT64","encode":"DELTA_BINARY_PACKED"},{"columnName":"e","type":"DOUBLE"},{"columnName":"f","type":"BOOL"}]},
         "emulator":{"flushIntervalSeconds":5,"flushSizeMiB":8,"timeZone":"Asia/Shanghai"}}
        """;

    public static string For(string operation) => operation switch
    {
        "CreateTable" => """
            {"tableName":"t","primaryKey":[{"name":"k","type":"STRING"},{"name":"n","type":"INTEGER","autoIncrement":false}],
             "definedColumns":[{"name":"c","type":"STRING"}],"tableOptions":{"timeToLive":-1,"maxVersions":1,"maxTimeDeviation":86400},
             "streamSpecification":{"enableStream":false,"expirationTime":24}}
            """,
        "ListTable" or "ListEndpoints" => "{}",
        "DescribeTable" or "DeleteTable" => """{"tableName":"t"}""",
        "UpdateTable" => """
            {"tableName":"t","tableOptions":{"timeToLive":-1,"maxVersions":1,"maxTimeDeviation":86400},
             "streamSpecification":{"enableStream":false,"expirationTime":24}}
            """,
        "PutRow" => """
            {"tableName":"t","primaryKey":{"k":"a","n":1},"condition":"EXPECT_NOT_EXIST","returnPrimaryKey":true,
             "columns":{"c":"x","d":{"binary":"AAE="},"e":{"value":1.5,"timestamp":1000},"f":{"integer":"7"}}}
            """,
        "UpdateRow" => """
            {"tableName":"t","primaryKey":{"k":"zz","n":99},"condition":"EXPECT_EXIST","returnPrimaryKey":true,
             "put":{"c":"y","e":{"value":{"double":2},"timestamp":2000}},"delete":[{"name":"c","timestamp":1000}],"deleteAll":["d"]}
            """,
        "DeleteRow" => """{"tableName":"t","primaryKey":{"k":"zz","n":99},"condition":"EXPECT_EXIST"}""",
        "GetRow" => """
            {"tableName":"t","primaryKey":{"k":"a","n":1},"columnsToGet":["c","d"],"maxVersions":2,"withTimestamps":true}
            """,
        "BatchWriteRow" => """
            {"tables":[{"tableName":"t","rows":[
              {"type":"PUT","primaryKey":{"k":"a","n":1},"columns":{"c":"z"},"condition":"EXPECT_NOT_EXIST","returnPrimaryKey":true},
              {"type":"UPDATE","primaryKey":{"k":"zz","n":99},"put":{"c":1},"delete":[{"name":"c","timestamp":1}],"deleteAll":["d"],"condition":"EXPECT_EXIST"},
              {"type":"DELETE","primaryKey":{"k":"zz","n":98},"condition":"EXPECT_EXIST"}]}]}
            """,
        "GetRange" => """
            {"tableName":"t","direction":"FORWARD","inclusiveStartPrimaryKey":{"k":{"inf":"min"},"n":{"inf":"min"}},
             "exclusiveEndPrimaryKey":{"k":{"inf":"max"},"n":{"inf":"max"}},"limit":10,"columnsToGet":["c"],"maxVersions":1,"withTimestamps":false}
            """,
        "CreateBucket" => $$"""{"endpoint":"{{Endpoint}}","bucket":"fuzz"}""",
        "ListBuckets" => $$"""{"endpoint":"{{Endpoint}}"}""",
        "ListObjects" => $$"""{"endpoint":"{{Endpoint}}","bucket":"fuzz","prefix":"a/","continuationToken":"a/x","maxKeys":5}""",
        "CreateDeliveryTask" => DeliveryTask,
        // The task's own body with another bucket: refused as it stands (the bucket cannot change).
        "UpdateDeliveryTask" => DeliveryTask.Replace("\"ossBucket\":\"fuzz\"", "\"ossBucket\":\"other\"", StringComparison.Ordinal),
        "ListDeliveryTask" => """{"tableName":"t"}""",
        "DescribeDeliveryTask" => """{"tableName":"t","taskName":"fuzz-task"}""",
        "DeleteDeliveryTask" => """{"tableName":"t","taskName":"no-task"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}

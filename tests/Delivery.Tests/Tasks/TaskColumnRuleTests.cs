using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Delivery.Schema;

namespace DeliveryConsole.Delivery.Tests.Tasks;

public class TaskColumnRuleTests
{
    private const string NameRule = " is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore.";
    private const string OssNameRule = " must be 1-128 letters, digits and underscores, starting with a letter or underscore, not ";
    private const string Encodings = "must be PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY or DELTA_LENGTH_BYTE_ARRAY, not ";
    private const string Formats = "taskConfig.eventTimeColumn.timeFormat must be RFC822, RFC850, RFC1123, RFC3339 or Unix, not ";
    private const string Hive = "; names must be unique ignoring case, as Hive folds case.";

    [Theory]
    [InlineData("taskConfig.eventTimeColumn.columnName", null, "taskConfig.eventTimeColumn.columnName is required.")]
    [InlineData("taskConfig.eventTimeColumn.columnName", "event-time", "taskConfig.eventTimeColumn.columnName 'event-time'" + NameRule)]
    [InlineData("taskConfig.eventTimeColumn.timeFormat", null, "taskConfig.eventTimeColumn.timeFormat is required.")]
    [InlineData("taskConfig.eventTimeColumn.timeFormat", "rfc3339", Formats + "'rfc3339'.")]
    [InlineData("taskConfig.eventTimeColumn.timeFormat", "UnixDate", Formats + "'UnixDate'.")]
    [InlineData("taskConfig.eventTimeColumn.timeFormat", "4", Formats + "'4'.")]
    [InlineData("taskConfig.schema", null, "taskConfig.schema must have at least one column.")]
    [InlineData("taskConfig.schema", "[]", "taskConfig.schema must have at least one column.")]
    [InlineData("taskConfig.schema[1]", null, "taskConfig.schema[1] must be a column, not null.")]
    [InlineData("taskConfig.schema[0].columnName", null, "taskConfig.schema[0].columnName is required.")]
    [InlineData("taskConfig.schema[0].columnName", "my-col", "taskConfig.schema[0].columnName 'my-col'" + NameRule)]
    [InlineData("taskConfig.schema[2].ossColumnName", "1amount", "taskConfig.schema[2].ossColumnName" + OssNameRule + "'1amount'.")]
    [InlineData("taskConfig.schema[2].ossColumnName", "total amount", "taskConfig.schema[2].ossColumnName" + OssNameRule + "'total amount'.")]
    [InlineData("taskConfig.schema[2].ossColumnName", "total\n", "taskConfig.schema[2].ossColumnName" + OssNameRule + "'total\n'.")]
    [InlineData("taskConfig.schema[2].ossColumnName", "", "taskConfig.schema[2].ossColumnName" + OssNameRule + "''.")]
    [InlineData("taskConfig.schema[2].ossColumnName", "ID", "taskConfig.schema[2].ossColumnName 'ID' repeats taskConfig.schema[0].ossColumnName 'id'" + Hive)]
    [InlineData("taskConfig.schema[3].columnName", "seq", "taskConfig.schema[3].ossColumnName 'seq' repeats taskConfig.schema[1].ossColumnName 'seq'" + Hive)]
    [InlineData("taskConfig.schema[2].type", null, "taskConfig.schema[2].type is required.")]
    [InlineData("taskConfig.schema[2].type", "FLOAT32", "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, INT32, FLOAT or DATE, not 'FLOAT32'.")]
    [InlineData("taskConfig.schema[2].type", "DECIMAL", "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, INT32, FLOAT or DATE, not 'DECIMAL'.")]
    [InlineData("taskConfig.schema[2].type", "double", "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, INT32, FLOAT or DATE, not 'double'.")]
    [InlineData("taskConfig.schema[0].encode", "RLE", "taskConfig.schema[0].encode " + Encodings + "'RLE'.")]
    [InlineData("taskConfig.schema[0].encode", "plain", "taskConfig.schema[0].encode " + Encodings + "'plain'.")]
    [InlineData("taskConfig.schema[0].encode", "", "taskConfig.schema[0].encode " + Encodings + "''.")]
    [InlineData("taskConfig.schema[0].encode", "DELTA_BINARY_PACKED",
        "taskConfig.schema[0].encode DELTA_BINARY_PACKED cannot be used with type UTF8: DELTA_BINARY_PACKED encodes integers, " +
        "so it fits INT32 and INT64 columns only, not UTF8 (use PLAIN, PLAIN_DICTIONARY).")]
    [InlineData("taskConfig.schema[0].encode", "DELTA_BYTE_ARRAY",
        "taskConfig.schema[0].encode DELTA_BYTE_ARRAY cannot be used with type UTF8: the Parquet writer (Parquet.Net 6.1.0) " +
        "can read DELTA_BYTE_ARRAY but cannot write it (use PLAIN, PLAIN_DICTIONARY).")]
    [InlineData("taskConfig.schema[1].encode", "PLAIN_DICTIONARY",
        "taskConfig.schema[1].encode PLAIN_DICTIONARY cannot be used with type INT64: the Parquet writer (Parquet.Net 6.1.0) " +
        "dictionary-encodes UTF8 columns only, not INT64 (use PLAIN, DELTA_BINARY_PACKED).")]
    [InlineData("taskConfig.schema[2].encode", "DELTA_LENGTH_BYTE_ARRAY",
        "taskConfig.schema[2].encode DELTA_LENGTH_BYTE_ARRAY cannot be used with type DOUBLE: DELTA_LENGTH_BYTE_ARRAY encodes " +
        "byte arrays, so it fits UTF8 columns only, not DOUBLE (use PLAIN).")]
    [InlineData("emulator.flushIntervalSeconds", "0", "emulator.flushIntervalSeconds must be 1-3600 seconds, not 0.")]
    [InlineData("emulator.flushIntervalSeconds", "3601", "emulator.flushIntervalSeconds must be 1-3600 seconds, not 3601.")]
    [InlineData("emulator.flushIntervalSeconds", "-5", "emulator.flushIntervalSeconds must be 1-3600 seconds, not -5.")]
    [InlineData("emulator.flushSizeMiB", "0", "emulator.flushSizeMiB must be 1-1024 MiB, not 0.")]
    [InlineData("emulator.flushSizeMiB", "1025", "emulator.flushSizeMiB must be 1-1024 MiB, not 1025.")]
    [InlineData("emulator.timeZone", "", "emulator.timeZone must not be blank; leave it out to use the instance's time zone (Asia/Shanghai).")]
    [InlineData("emulator.timeZone", " ", "emulator.timeZone must not be blank; leave it out to use the instance's time zone (Asia/Shanghai).")]
    [InlineData("emulator.timeZone", "Mars/Base",
        "emulator.timeZone is invalid: unknown time zone 'Mars/Base'; use an IANA id such as Asia/Shanghai, Europe/Berlin or UTC.")]
    public void Each_broken_rule_is_one_parameter_error_naming_the_field(string path, string? value, string message)
    {
        var result = DeliveryTaskValidator.Validate(TaskRequests.With(path, value), TaskRequests.Context());

        Assert.False(result.IsValid);
        Assert.Equal("OTSParameterInvalid", result.Error.Code);
        Assert.Equal(message, result.Error.Message);
        Assert.StartsWith(result.Error.Field + " ", message);
    }

    [Fact]
    public void An_oss_column_name_taken_from_a_long_column_name_says_where_it_came_from()
    {
        var name = new string('c', 129);

        var result = DeliveryTaskValidator.Validate(TaskRequests.With("taskConfig.schema[3].columnName", name), TaskRequests.Context());

        Assert.Equal(new DeliveryTaskError("OTSParameterInvalid", "taskConfig.schema[3].ossColumnName",
            $"taskConfig.schema[3].ossColumnName{OssNameRule}'{name}' (taken from columnName; give a shorter ossColumnName)."), result.Error);
    }

    [Theory]
    [InlineData("FLOAT", "DELTA_BINARY_PACKED", "DELTA_BINARY_PACKED encodes integers, so it fits INT32 and INT64 columns only, not FLOAT")]
    [InlineData("DATE", "DELTA_BINARY_PACKED",
        "the Parquet writer (Parquet.Net 6.1.0) delta-encodes plain integer columns only and would silently write DATE as PLAIN")]
    [InlineData("DATE", "PLAIN_DICTIONARY", "the Parquet writer (Parquet.Net 6.1.0) dictionary-encodes UTF8 columns only, not DATE")]
    public void A_float_or_date_column_refuses_an_encoding_the_writer_cannot_honour_naming_the_rule(string type, string encoding, string rule)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", type), "taskConfig.schema[2].encode", encoding);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.Equal(new DeliveryTaskError("OTSParameterInvalid", "taskConfig.schema[2].encode",
            $"taskConfig.schema[2].encode {encoding} cannot be used with type {type}: {rule} (use PLAIN)."), result.Error);
    }

    [Theory]
    [InlineData("INT32", "DELTA_BINARY_PACKED")]
    [InlineData("INT32", "PLAIN")]
    [InlineData("FLOAT", "PLAIN")]
    [InlineData("DATE", "PLAIN")]
    public void Int32_float_and_date_columns_are_accepted_with_the_encodings_the_writer_honours(string type, string encoding)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", type), "taskConfig.schema[2].encode", encoding);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.True(result.IsValid, result.IsValid ? null : result.Error.Message);
        Assert.Equal(type, result.Value.Schema[2].Type.WireName());
        Assert.Equal(encoding, result.Value.Schema[2].Encoding.WireName());
    }
}

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
    [InlineData("taskConfig.schema[2].type", "FLOAT32", "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, FLOAT, INT32 or INT96, not 'FLOAT32'.")]
    [InlineData("taskConfig.schema[2].type", "LIST", "taskConfig.schema[2].type 'LIST' cannot be delivered: LIST is a nested Parquet type and a Tablestore column holds one value (STRING, INTEGER, DOUBLE, BOOLEAN or BINARY), so no cell converts to it; deliver the column as UTF8 (for example JSON text) instead.")]
    [InlineData("taskConfig.schema[2].type", "INTERVAL", "taskConfig.schema[2].type 'INTERVAL' cannot be delivered: INTERVAL is a legacy Parquet converted type (months, days and milliseconds in 12 bytes) with no logical type, and no Tablestore cell converts to it; deliver the duration as INT64 (for example milliseconds) instead.")]
    [InlineData("taskConfig.schema[2].type", "double", "taskConfig.schema[2].type must be BOOL, INT64, UTF8, DOUBLE, DATE, DECIMAL, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, FLOAT, INT32 or INT96, not 'double'.")]
    [InlineData("taskConfig.schema[0].encode", "RLE", "taskConfig.schema[0].encode " + Encodings + "'RLE'.")]
    [InlineData("taskConfig.schema[0].encode", "plain", "taskConfig.schema[0].encode " + Encodings + "'plain'.")]
    [InlineData("taskConfig.schema[0].encode", "", "taskConfig.schema[0].encode " + Encodings + "''.")]
    [InlineData("taskConfig.schema[0].encode", "DELTA_BINARY_PACKED",
        "taskConfig.schema[0].encode DELTA_BINARY_PACKED cannot be used with type UTF8: DELTA_BINARY_PACKED encodes INT32 and INT64 " +
        "values only, not UTF8 (binary) (use PLAIN, PLAIN_DICTIONARY, DELTA_BYTE_ARRAY, DELTA_LENGTH_BYTE_ARRAY).")]
    [InlineData("taskConfig.schema[2].encode", "DELTA_LENGTH_BYTE_ARRAY",
        "taskConfig.schema[2].encode DELTA_LENGTH_BYTE_ARRAY cannot be used with type DOUBLE: DELTA_LENGTH_BYTE_ARRAY encodes " +
        "BYTE_ARRAY values only, not DOUBLE (double) (use PLAIN, PLAIN_DICTIONARY).")]
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
    [InlineData("FLOAT", "DELTA_BINARY_PACKED", "DELTA_BINARY_PACKED encodes INT32 and INT64 values only, not FLOAT (float)", "PLAIN, PLAIN_DICTIONARY")]
    [InlineData("INT96", "DELTA_BYTE_ARRAY",
        "DELTA_BYTE_ARRAY encodes BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values only, not INT96 (int96)", "PLAIN, PLAIN_DICTIONARY")]
    [InlineData("BOOL", "PLAIN_DICTIONARY",
        "the Parquet writer (Arrow C++) never dictionary-encodes BOOLEAN and would silently write it PLAIN, not BOOL (boolean)", "PLAIN")]
    [InlineData("TIMESTAMP_MICROS", "DELTA_LENGTH_BYTE_ARRAY",
        "DELTA_LENGTH_BYTE_ARRAY encodes BYTE_ARRAY values only, not TIMESTAMP_MICROS (int64)", "PLAIN, PLAIN_DICTIONARY, DELTA_BINARY_PACKED")]
    public void A_column_refuses_only_an_encoding_the_format_or_both_writers_forbid_naming_the_rule(string type, string encoding, string rule, string allowed)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", type), "taskConfig.schema[2].encode", encoding);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.Equal(new DeliveryTaskError("OTSParameterInvalid", "taskConfig.schema[2].encode",
            $"taskConfig.schema[2].encode {encoding} cannot be used with type {type}: {rule} (use {allowed})."), result.Error);
    }

    [Theory]
    [InlineData("INT32", "DELTA_BINARY_PACKED")]
    [InlineData("INT32", "PLAIN")]
    [InlineData("FLOAT", "PLAIN")]
    [InlineData("DATE", "PLAIN")]
    [InlineData("TIME_MILLIS", "DELTA_BINARY_PACKED")]
    [InlineData("DATE", "DELTA_BINARY_PACKED")]
    [InlineData("DATE", "PLAIN_DICTIONARY")]
    [InlineData("INT64", "PLAIN_DICTIONARY")]
    [InlineData("UTF8", "DELTA_BYTE_ARRAY")]
    [InlineData("UTF8", "DELTA_LENGTH_BYTE_ARRAY")]
    [InlineData("TIMESTAMP_MILLIS", "DELTA_BINARY_PACKED")]
    [InlineData("DOUBLE", "PLAIN_DICTIONARY")]
    [InlineData("INT96", "PLAIN_DICTIONARY")]
    [InlineData("TIME_MICROS", "DELTA_BINARY_PACKED")]
    [InlineData("TIMESTAMP_MICROS", "PLAIN")]
    [InlineData("INT96", "PLAIN")]
    [InlineData("DECIMAL", "PLAIN")]
    public void Int32_float_and_date_columns_are_accepted_with_the_encodings_the_writer_honours(string type, string encoding)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", type), "taskConfig.schema[2].encode", encoding);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.True(result.IsValid, result.IsValid ? null : result.Error.Message);
        Assert.Equal(type, result.Value.Schema[2].Type.WireName());
        Assert.Equal(encoding, result.Value.Schema[2].Encoding.WireName());
    }

    [Theory]
    [InlineData("10,2x")]
    [InlineData("decimal(39,2)")]
    [InlineData("{}")]
    public void A_decimal_column_refuses_a_type_extend_that_gives_no_precision_and_scale(string typeExtend)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", "DECIMAL"), "taskConfig.schema[2].typeExtend", typeExtend);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.Equal(new DeliveryTaskError("OTSParameterInvalid", "taskConfig.schema[2].typeExtend",
            $"taskConfig.schema[2].typeExtend '{typeExtend}' {DecimalShape.Rule}."), result.Error);
    }

    [Theory]
    [InlineData("DECIMAL", "decimal(10,2)")]
    [InlineData("DECIMAL", null)]
    [InlineData("UTF8", "anything the service may read one day")]
    public void A_type_extend_is_kept_as_given_and_shown_back(string type, string? typeExtend)
    {
        var request = TaskRequests.With(TaskRequests.With("taskConfig.schema[2].type", type), "taskConfig.schema[2].typeExtend", typeExtend);

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Equal(typeExtend, result.Value.Schema[2].TypeExtend);
        Assert.Equal(typeExtend, result.Value.ToRequest().TaskConfig.Schema[2].TypeExtend);
    }

    [Fact]
    public void A_type_extend_longer_than_256_characters_is_refused()
    {
        var request = TaskRequests.With("taskConfig.schema[2].typeExtend", new string('x', 257));

        var result = DeliveryTaskValidator.Validate(request, TaskRequests.Context());

        Assert.Equal("taskConfig.schema[2].typeExtend must be at most 256 characters, not 257.", result.Error!.Message);
    }
}

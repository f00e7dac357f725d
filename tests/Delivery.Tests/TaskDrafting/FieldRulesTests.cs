using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Delivery.Tests.Tasks;

namespace DeliveryConsole.Delivery.Tests.TaskDrafting;

public class FieldRulesTests
{
    [Fact]
    public void Each_field_gets_the_validators_own_message()
    {
        Assert.Null(FieldRules.TaskName("orders-lake"));
        Assert.StartsWith("taskName must be 3-16 lowercase letters", FieldRules.TaskName("AB")?.Message);
        Assert.Equal("taskConfig.ossPrefix '$foo' is not a time variable (use $yyyy, $MM, $dd, $HH or $mm).", FieldRules.Prefix("lake/$foo", "t1x", null).Error?.Message);
        Assert.Null(FieldRules.Prefix("lake/$yyyy", "not valid", null).Error);
        Assert.StartsWith("taskConfig.ossBucket must be 3-63 characters", FieldRules.Bucket("No")?.Message);
        Assert.StartsWith("taskConfig.ossStsRole must have the form", FieldRules.Role("role", "1234567890123456")?.Message);
        Assert.StartsWith("taskConfig.ossEndpoint 'x' is not configured on this instance; configured: a, b.", FieldRules.Endpoint("x", ["b", "a"])?.Message);
    }

    [Fact]
    public void A_blank_dirty_prefix_passes_and_one_equal_to_the_prefix_does_not()
    {
        Assert.Null(FieldRules.DirtyPrefix("", MainPrefix("lake"), "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix must differ from taskConfig.ossPrefix", FieldRules.DirtyPrefix("lake/", MainPrefix("lake"), "t1x", null)?.Message);
        // While the main prefix is broken, the dirty prefix is judged on its own rules only.
        Assert.Null(FieldRules.DirtyPrefix("a", MainPrefix("$bad"), "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix '$x'", FieldRules.DirtyPrefix("$x", MainPrefix("$bad"), "t1x", null)?.Message);
    }

    [Fact]
    public void Schema_errors_land_on_their_entry_including_a_repeated_destination_name()
    {
        // A form holds each entry's type and encoding typed, so an unknown type cannot reach these rules.
        var errors = FieldRules.Schema(
        [
            new SchemaColumn("id", "id", ParquetType.Int64),
            new SchemaColumn("1name", "name", ParquetType.Utf8),
            new SchemaColumn("v", "v", ParquetType.Bool, ColumnEncoding.PlainDictionary),
        ]);
        Assert.Null(errors[0]);
        Assert.Equal("taskConfig.schema[1].columnName", errors[1]!.Field);
        Assert.Equal("taskConfig.schema[2].encode", errors[2]!.Field);

        var repeated = FieldRules.Schema([new SchemaColumn("a", "Name", ParquetType.Utf8), new SchemaColumn("b", "NAME", ParquetType.Utf8)]);
        Assert.Null(repeated[0]);
        Assert.Equal("taskConfig.schema[1].ossColumnName", repeated[1]!.Field);
        Assert.Equal("taskConfig.schema must have at least one column.", FieldRules.SchemaList([])?.Message);
    }

    [Theory]
    [InlineData("v", "v", ParquetType.Int64, ColumnEncoding.DeltaBinaryPacked)]
    [InlineData("", "v", ParquetType.Utf8, ColumnEncoding.Plain)]
    [InlineData("1v", "v", ParquetType.Utf8, ColumnEncoding.Plain)]
    [InlineData("v", "", ParquetType.Utf8, ColumnEncoding.Plain)]
    [InlineData("v", "9v", ParquetType.Bool, ColumnEncoding.Plain)]
    [InlineData("v", "ID", ParquetType.Utf8, ColumnEncoding.Plain)]
    [InlineData("v", "v", ParquetType.Int64, ColumnEncoding.PlainDictionary)]
    [InlineData("v", "v", ParquetType.Double, ColumnEncoding.DeltaByteArray)]
    [InlineData("v", "v", ParquetType.Bool, ColumnEncoding.DeltaBinaryPacked)]
    [InlineData("v", "v", ParquetType.Utf8, ColumnEncoding.DeltaLengthByteArray)]
    [InlineData("v", "v", ParquetType.Decimal, ColumnEncoding.Plain, "decimal(40,2)")]
    [InlineData("v", "v", ParquetType.Decimal, ColumnEncoding.DeltaLengthByteArray, "10,2")]
    public void A_typed_row_breaks_the_rule_its_request_entry_breaks(
        string columnName, string ossColumnName, ParquetType type, ColumnEncoding encoding, string? typeExtend = null)
    {
        SchemaColumn[] columns = [new("id", "id", ParquetType.Utf8), new(columnName, ossColumnName, type, encoding, typeExtend)];
        var request = TaskRequests.Baseline();
        request = request with { TaskConfig = request.TaskConfig with { Schema = [.. columns.Select(Entry)] } };

        Assert.Equal(DeliveryTaskValidator.Validate(request, TaskRequests.Context()).Error, FieldRules.Schema(columns)[1]);
    }

    [Fact]
    public void A_form_phrases_the_broken_rule_with_its_own_names_where_the_api_says_paths()
    {
        var repeated = FieldRules.Schema([new SchemaColumn("a", "shop", ParquetType.Utf8), new SchemaColumn("b", "Shop", ParquetType.Utf8)])[1]!;
        Assert.Equal("taskConfig.schema[1].ossColumnName 'Shop' repeats taskConfig.schema[0].ossColumnName 'shop'; names must be unique ignoring case, as Hive folds case.",
            repeated.Message);
        Assert.Equal("<taskConfig.schema[1].ossColumnName=Shop> repeats <taskConfig.schema[0].ossColumnName=shop>; names must be unique ignoring case, as Hive folds case.",
            repeated.Phrase(field => $"<{field.Path}={field.Value}>"));

        var dirty = FieldRules.DirtyPrefix("lake/", MainPrefix("lake"), "t1x", null)!;
        Assert.StartsWith("Dirty must differ from Prefix: ", dirty.Phrase(field => field.Path == "taskConfig.ossPrefix" ? "Prefix" : "Dirty"));
        // A value in the rule's words is never taken for a field, whatever braces it holds.
        Assert.Equal("Bucket must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, not '{0}x'.",
            FieldRules.Bucket("{0}x")!.Phrase(_ => "Bucket"));
    }

    [Fact]
    public void The_emulator_settings_are_judged_by_the_validators_rules_and_blank_means_the_instances()
    {
        Assert.Null(FieldRules.FlushInterval(null));
        Assert.Null(FieldRules.FlushInterval(5));
        Assert.Equal("emulator.flushIntervalSeconds must be 1-3600 seconds, not 0.", FieldRules.FlushInterval(0)?.Message);
        Assert.Equal("emulator.flushSizeMiB must be 1-1024 MiB, not 2048.", FieldRules.FlushSize(2048)?.Message);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Null(FieldRules.TimeZone(null, shanghai).Error);
        Assert.Null(FieldRules.TimeZone("Europe/Berlin", shanghai).Error);
        Assert.StartsWith("emulator.timeZone is invalid: unknown time zone 'Mars/Olympus'", FieldRules.TimeZone("Mars/Olympus", shanghai).Error?.Message);
    }

    /// <summary>The request's entry for a row, as the wizard sends it.</summary>
    private static SchemaColumnConfig Entry(SchemaColumn column) =>
        new(column.ColumnName, column.Type.WireName(), column.OssColumnName, column.Encoding.WireName(), column.TypeExtend);

    /// <summary>The main prefix as the form keeps it: its template, or null while it breaks a rule.</summary>
    private static PrefixTemplate? MainPrefix(string prefix) => FieldRules.Prefix(prefix, "t1x", null).Value;
}

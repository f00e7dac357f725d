using DeliveryConsole.Delivery.TaskDrafting;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.TaskDrafting;

public class FieldRulesTests
{
    [Fact]
    public void Each_field_gets_the_validators_own_message()
    {
        Assert.Null(FieldRules.TaskName("orders-lake"));
        Assert.StartsWith("taskName must be 3-16 lowercase letters", FieldRules.TaskName("AB")?.Message);
        Assert.Equal("taskConfig.ossPrefix '$foo' is not a time variable (use $yyyy, $MM, $dd, $HH or $mm).", FieldRules.Prefix("lake/$foo", "t1x", null)?.Message);
        Assert.Null(FieldRules.Prefix("lake/$yyyy", "not valid", null));
        Assert.StartsWith("taskConfig.ossBucket must be 3-63 characters", FieldRules.Bucket("No")?.Message);
        Assert.StartsWith("taskConfig.ossStsRole must have the form", FieldRules.Role("role", "1234567890123456")?.Message);
        Assert.StartsWith("taskConfig.ossEndpoint 'x' is not configured on this instance; configured: a, b.", FieldRules.Endpoint("x", ["b", "a"])?.Message);
    }

    [Fact]
    public void A_blank_dirty_prefix_passes_and_one_equal_to_the_prefix_does_not()
    {
        Assert.Null(FieldRules.DirtyPrefix("", "lake", "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix must differ from taskConfig.ossPrefix", FieldRules.DirtyPrefix("lake/", "lake", "t1x", null)?.Message);
        // While the main prefix is broken, the dirty prefix is judged on its own rules only.
        Assert.Null(FieldRules.DirtyPrefix("a", "$bad", "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix '$x'", FieldRules.DirtyPrefix("$x", "$bad", "t1x", null)?.Message);
    }

    [Fact]
    public void Schema_errors_land_on_their_entry_including_a_repeated_destination_name()
    {
        var errors = FieldRules.Schema(
        [
            new SchemaColumnConfig("id", "INT64", "id"),
            new SchemaColumnConfig("name", "TEXT", "name"),
            new SchemaColumnConfig("v", "INT64", "v", "PLAIN_DICTIONARY"),
        ]);
        Assert.Null(errors[0]);
        Assert.Equal("taskConfig.schema[1].type", errors[1]!.Field);
        Assert.Equal("taskConfig.schema[2].encode", errors[2]!.Field);

        var repeated = FieldRules.Schema([new SchemaColumnConfig("a", "UTF8", "Name"), new SchemaColumnConfig("b", "UTF8", "NAME")]);
        Assert.Null(repeated[0]);
        Assert.Equal("taskConfig.schema[1].ossColumnName", repeated[1]!.Field);
        Assert.Equal("taskConfig.schema must have at least one column.", FieldRules.SchemaList([])?.Message);
    }

    [Fact]
    public void A_form_phrases_the_broken_rule_with_its_own_names_where_the_api_says_paths()
    {
        var repeated = FieldRules.Schema([new SchemaColumnConfig("a", "UTF8", "shop"), new SchemaColumnConfig("b", "UTF8", "Shop")])[1]!;
        Assert.Equal("taskConfig.schema[1].ossColumnName 'Shop' repeats taskConfig.schema[0].ossColumnName 'shop'; names must be unique ignoring case, as Hive folds case.",
            repeated.Message);
        Assert.Equal("<taskConfig.schema[1].ossColumnName=Shop> repeats <taskConfig.schema[0].ossColumnName=shop>; names must be unique ignoring case, as Hive folds case.",
            repeated.Phrase(field => $"<{field.Path}={field.Value}>"));

        var dirty = FieldRules.DirtyPrefix("lake/", "lake", "t1x", null)!;
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
        Assert.Null(FieldRules.TimeZone(null, shanghai));
        Assert.Null(FieldRules.TimeZone("Europe/Berlin", shanghai));
        Assert.StartsWith("emulator.timeZone is invalid: unknown time zone 'Mars/Olympus'", FieldRules.TimeZone("Mars/Olympus", shanghai)?.Message);
    }
}

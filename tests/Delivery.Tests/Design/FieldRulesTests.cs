using DeliveryConsole.Delivery.Design;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Delivery.Tests.Design;

public class FieldRulesTests
{
    [Fact]
    public void Each_field_gets_the_validators_own_message()
    {
        Assert.Null(FieldRules.TaskName("orders-lake"));
        Assert.StartsWith("taskName must be 3-16 lowercase letters", FieldRules.TaskName("AB"));
        Assert.Equal("taskConfig.ossPrefix '$foo' is not a time variable (use $yyyy, $MM, $dd, $HH or $mm).", FieldRules.Prefix("lake/$foo", "t1x", null));
        Assert.Null(FieldRules.Prefix("lake/$yyyy", "not valid", null));
        Assert.StartsWith("taskConfig.ossBucket must be 3-63 characters", FieldRules.Bucket("No"));
        Assert.StartsWith("taskConfig.ossStsRole must have the form", FieldRules.Role("role", "1234567890123456"));
        Assert.StartsWith("taskConfig.ossEndpoint 'x' is not configured on this instance; configured: a, b.", FieldRules.Endpoint("x", ["b", "a"]));
    }

    [Fact]
    public void A_blank_dirty_prefix_passes_and_one_equal_to_the_prefix_does_not()
    {
        Assert.Null(FieldRules.DirtyPrefix("", "lake", "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix must differ from taskConfig.ossPrefix", FieldRules.DirtyPrefix("lake/", "lake", "t1x", null));
        // While the main prefix is broken, the dirty prefix is judged on its own rules only.
        Assert.Null(FieldRules.DirtyPrefix("a", "$bad", "t1x", null));
        Assert.StartsWith("taskConfig.ossDirtyPrefix '$x'", FieldRules.DirtyPrefix("$x", "$bad", "t1x", null));
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
        Assert.Equal("taskConfig.schema must have at least one column.", FieldRules.SchemaList([]));
    }
}

using DeliveryConsole.TableStore;

namespace DeliveryConsole.TableStore.Tests;

public class InstanceRulesTests
{
    [Theory]
    [InlineData("console")]
    [InlineData("abc")]
    [InlineData("my-instance-0001")]
    [InlineData("A1b")]
    public void Valid_instance_names_pass(string name) => Assert.Null(InstanceRules.CheckName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("my-instance-00001")]
    [InlineData("1abc")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("ab_c")]
    [InlineData("ab c")]
    [InlineData("console\n")]
    public void Invalid_instance_names_name_the_rule(string? name) =>
        Assert.Contains("3-16 characters", InstanceRules.CheckName(name));

    [Theory]
    [InlineData("1234567890123456", true)]
    [InlineData("123456789012345", false)]
    [InlineData("12345678901234567", false)]
    [InlineData("12345678901234a6", false)]
    [InlineData("1234567890123456\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Account_ids_are_sixteen_digits(string? accountId, bool valid) =>
        Assert.Equal(valid, InstanceRules.CheckAccountId(accountId) is null);
}

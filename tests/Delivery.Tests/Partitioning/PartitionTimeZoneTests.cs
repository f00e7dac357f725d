using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

public class PartitionTimeZoneTests
{
    [Theory]
    [InlineData(null, "Asia/Shanghai")]
    [InlineData("", "Asia/Shanghai")]
    [InlineData("  ", "Asia/Shanghai")]
    [InlineData("UTC", "UTC")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" America/New_York ", "America/New_York")]
    public void Known_zones_resolve_and_blank_means_the_default(string? id, string expected) =>
        Assert.Equal(expected, PartitionTimeZone.Resolve(id).Id);

    [Fact]
    public void The_default_is_china_time_all_year()
    {
        var zone = PartitionTimeZone.Resolve(PartitionTimeZone.DefaultId);

        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2020, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2020, 7, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("Asia/Shanghai\0")]
    public void Unknown_zones_are_refused_with_a_clear_message(string id)
    {
        var message = $"unknown time zone '{id.Trim()}'; use an IANA id such as Asia/Shanghai, Europe/Berlin or UTC.";

        Assert.False(PartitionTimeZone.TryResolve(id, out var zone, out var error));
        Assert.Null(zone);
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<TimeZoneNotFoundException>(() => PartitionTimeZone.Resolve(id)).Message);
    }
}

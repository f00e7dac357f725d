using System.Globalization;
using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

public class PrefixTemplateExpansionTests
{
    private const string EveryVariable = "p/$yyyy/$MM/$dd/$HH/$mm";

    [Theory]
    [InlineData("Asia/Shanghai", "2020-08-31T16:03:00+08:00", "p/2020/08/31/16/03")]
    [InlineData("Asia/Shanghai", "2020-08-31T08:03:00Z", "p/2020/08/31/16/03")]
    [InlineData("Asia/Shanghai", "2020-08-31T15:59:59.9999999+08:00", "p/2020/08/31/15/59")]
    [InlineData("Asia/Shanghai", "2020-08-31T16:00:00+08:00", "p/2020/08/31/16/00")]
    [InlineData("Asia/Shanghai", "2020-08-31T15:59:59Z", "p/2020/08/31/23/59")]
    [InlineData("Asia/Shanghai", "2020-08-31T16:00:00Z", "p/2020/09/01/00/00")]
    [InlineData("Asia/Shanghai", "2020-12-31T15:59:59Z", "p/2020/12/31/23/59")]
    [InlineData("Asia/Shanghai", "2020-12-31T16:00:00Z", "p/2021/01/01/00/00")]
    [InlineData("Asia/Shanghai", "2020-02-28T16:00:00Z", "p/2020/02/29/00/00")]
    [InlineData("UTC", "2020-08-31T16:03:00+08:00", "p/2020/08/31/08/03")]
    [InlineData("UTC", "2020-12-31T23:59:59Z", "p/2020/12/31/23/59")]
    [InlineData("UTC", "2021-01-01T00:00:00Z", "p/2021/01/01/00/00")]
    [InlineData("UTC", "2021-01-01T07:59:00+08:00", "p/2020/12/31/23/59")]
    [InlineData("UTC", "0099-05-06T07:08:00Z", "p/0099/05/06/07/08")]
    [InlineData("Europe/Berlin", "2020-03-29T00:59:59Z", "p/2020/03/29/01/59")]
    [InlineData("Europe/Berlin", "2020-03-29T01:00:00Z", "p/2020/03/29/03/00")]
    [InlineData("Europe/Berlin", "2020-10-25T00:30:00Z", "p/2020/10/25/02/30")]
    [InlineData("Europe/Berlin", "2020-10-25T01:30:00Z", "p/2020/10/25/02/30")]
    [InlineData("Europe/Berlin", "2020-10-25T02:00:00Z", "p/2020/10/25/03/00")]
    [InlineData("Europe/Berlin", "2020-12-31T23:00:00Z", "p/2021/01/01/00/00")]
    public void Variables_expand_in_the_partition_zone(string zone, string time, string expected) =>
        Assert.Equal(expected, Prefixes.Template(EveryVariable).Expand(Time(time), PartitionTimeZone.Resolve(zone)));

    [Theory]
    [InlineData("ds=$yyyy$MM$dd", "ds=20200831")]
    [InlineData("$yyyy_$MM_$dd/", "2020_08_31")]
    [InlineData("delivery/year=$yyyy/month=$MM/day=$dd", "delivery/year=2020/month=08/day=31")]
    [InlineData("t$HH$mm$HH", "t160316")]
    [InlineData("month=$MM/minute=$mm", "month=08/minute=03")]
    [InlineData("lake/", "lake")]
    [InlineData("lake", "lake")]
    public void Literal_text_is_kept_around_variables(string prefix, string expected) =>
        Assert.Equal(expected, Prefixes.Template(prefix).Expand(Time("2020-08-31T16:03:42+08:00"), Shanghai));

    [Fact]
    public void A_prefix_without_variables_expands_to_itself_at_any_time()
    {
        var template = Prefixes.Template("fixed/folder/");

        Assert.Equal("fixed/folder", template.Expand(DateTimeOffset.MinValue, TimeZoneInfo.Utc));
        Assert.Equal("fixed/folder", template.Expand(Time("2020-08-31T16:03:00Z"), Shanghai));
    }

    [Fact]
    public void Every_expansion_has_the_byte_count_known_at_parse_time()
    {
        var template = Prefixes.Template("데이터/$yyyy$MM/$dd-$HH:$mm");

        foreach (var time in new[] { "0001-01-01T00:00:00Z", "2020-08-31T16:03:00Z", "9999-12-31T15:59:00Z" })
            Assert.Equal(template.ExpandedByteCount, System.Text.Encoding.UTF8.GetByteCount(template.Expand(Time(time), Shanghai)));
    }

    private static TimeZoneInfo Shanghai => PartitionTimeZone.Resolve(null);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

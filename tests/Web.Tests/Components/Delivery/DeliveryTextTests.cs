using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Web.Components.Pages.Delivery;

namespace DeliveryConsole.Web.Tests.Components.Delivery;

public class DeliveryTextTests
{
    [Theory]
    [InlineData(0.2, "under 1 s")]
    [InlineData(4.9, "4 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(3 * 3600 + 12 * 60 + 7, "3 h 12 min")]
    [InlineData(2 * 86400 + 4 * 3600, "2 d 4 h")]
    public void Lags_read_at_a_glance(double seconds, string expected) =>
        Assert.Equal(expected, DeliveryText.Lag(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Freshness_before_the_first_sync_says_so() =>
        Assert.Equal("not synced yet", DeliveryText.Freshness(0, TimeSpan.FromHours(5)));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(12L * 1024 * 1024, "12.0 MiB")]
    public void Sizes_use_binary_units(long bytes, string expected) => Assert.Equal(expected, DeliveryText.Bytes(bytes));

    [Theory]
    [InlineData(DeliveryTaskType.Base, "Full")]
    [InlineData(DeliveryTaskType.Inc, "Incremental")]
    [InlineData(DeliveryTaskType.BaseInc, "Differential")]
    public void Modes_use_the_console_words(DeliveryTaskType type, string expected) => Assert.Equal(expected, DeliveryText.Mode(type));

    [Fact]
    public void An_object_links_to_its_folder_in_the_bucket_browser_with_the_key_selected()
    {
        Assert.Equal("/buckets/oss-cn-hangzhou.aliyuncs.com/lake?prefix=a%2Fb%20c%2F&key=a%2Fb%20c%2Ft1_0_a__1",
            DeliveryText.ObjectHref("oss-cn-hangzhou.aliyuncs.com", "lake", "a/b c/t1_0_a__1"));
        Assert.Equal("/buckets/e/lake?prefix=&key=t1_0__1", DeliveryText.ObjectHref("e", "lake", "t1_0__1"));
    }
}

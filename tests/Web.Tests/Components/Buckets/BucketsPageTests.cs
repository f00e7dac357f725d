using Bunit;
using DeliveryConsole.Web.Components.Pages.Buckets;

namespace DeliveryConsole.Web.Tests.Components.Buckets;

public class BucketsPageTests : ConsoleComponentTest
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_endpoint_shows_its_kind_reachability_and_buckets_as_links()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await LocalEndpoint.CreateBucketAsync("archive", Cancel);

        var page = Render<BucketsPage>();

        page.WaitForAssertion(() => Assert.Equal(
            [$"/buckets/{Endpoint}/archive", $"/buckets/{Endpoint}/lake"],
            page.FindAll("[data-testid=buckets] a").Select(a => a.GetAttribute("href"))));
        Assert.Equal(Endpoint, page.Find("h2[data-testid=endpoint-name]").TextContent);
        Assert.Equal("local", page.Find("[data-testid=endpoint-kind]").TextContent);
        Assert.Contains("Reachable", page.Find("[data-testid=endpoint]").TextContent);
        Assert.Contains("is writable", page.Find("[data-testid=endpoint-detail]").TextContent);
    }

    [Fact]
    public void An_endpoint_without_buckets_says_so()
    {
        var page = Render<BucketsPage>();

        page.WaitForAssertion(() => Assert.Contains("No buckets yet", page.Find("[data-testid=no-buckets]").TextContent));
    }

    [Fact]
    public async Task A_bad_bucket_name_shows_the_rule_as_typed_and_creates_nothing()
    {
        var page = Render<BucketsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-buckets]"));

        page.Find("input[data-testid=new-bucket-name]").Input("Bad_Name");
        page.WaitForAssertion(() => Assert.Contains(
            "Invalid bucket name 'Bad_Name': use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
            page.Find(".mud-input-helper-text.mud-input-error").TextContent));
        ClickCreate(page);

        Assert.Empty(await LocalEndpoint.ListBucketsAsync(Cancel));
        Assert.Contains("Invalid bucket name 'Bad_Name'", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=create-bucket-done]"));
    }

    [Fact]
    public async Task Creating_with_an_empty_name_names_the_rule()
    {
        var page = Render<BucketsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-buckets]"));

        ClickCreate(page);

        page.WaitForAssertion(() => Assert.Contains("Invalid bucket name '': use 3 to 63", page.Markup));
        Assert.Empty(await LocalEndpoint.ListBucketsAsync(Cancel));
    }

    [Fact]
    public async Task A_good_name_creates_the_bucket_and_lists_it()
    {
        var page = Render<BucketsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-buckets]"));

        page.Find("input[data-testid=new-bucket-name]").Input("fresh-lake");
        ClickCreate(page);

        page.WaitForAssertion(() => Assert.Equal("Bucket 'fresh-lake' created.", page.Find("[data-testid=create-bucket-done]").TextContent));
        Assert.Equal([$"/buckets/{Endpoint}/fresh-lake"], page.FindAll("[data-testid=buckets] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["fresh-lake"], await LocalEndpoint.ListBucketsAsync(Cancel));
    }

    [Fact]
    public async Task Creating_a_bucket_that_exists_says_it_already_exists_not_created()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        var page = Render<BucketsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=buckets]"));

        page.Find("input[data-testid=new-bucket-name]").Input("lake");
        ClickCreate(page);

        page.WaitForAssertion(() => Assert.Equal("Bucket 'lake' already exists.", page.Find("[data-testid=create-bucket-done]").TextContent));
        Assert.Contains("mud-alert-text-info", page.Find("[data-testid=create-bucket-done]").ClassName);
        Assert.Equal(["lake"], await LocalEndpoint.ListBucketsAsync(Cancel));
    }

    private static void ClickCreate(IRenderedComponent<BucketsPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create bucket").Click();
}

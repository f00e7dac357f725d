using System.Text;
using Bunit;
using DeliveryConsole.Web.Components.Pages.Buckets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Components.Buckets;

public class BucketBrowserPageTests : ConsoleComponentTest
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task PutAsync(string key, string content = "x") =>
        await LocalEndpoint.PutObjectAsync("lake", key, new MemoryStream(Encoding.UTF8.GetBytes(content)), Cancel);

    /// <summary>Renders the page at <paramref name="url"/> as the router would: route values and the query.</summary>
    private IRenderedComponent<BucketBrowserPage> Open(string url, string endpoint = Endpoint, string bucket = "lake")
    {
        Navigation.NavigateTo(url);
        return Render<BucketBrowserPage>(p => p.Add(x => x.Endpoint, endpoint).Add(x => x.Bucket, bucket));
    }

    private static List<string> Names(IRenderedComponent<BucketBrowserPage> page, string row) =>
        [.. page.FindAll($"[data-testid={row}] td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task The_root_shows_folders_then_objects_and_folders_link_deeper()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await PutAsync("p/2026/01/a", "aaa");
        await PutAsync("p/2026/02/b");
        await PutAsync("q/c");
        await PutAsync("top.txt", "hello");

        var page = Open($"/buckets/{Endpoint}/lake");

        page.WaitForAssertion(() => Assert.Equal(["p/", "q/"], Names(page, "folder-row")));
        Assert.Equal(["top.txt"], Names(page, "object-row"));
        Assert.Equal($"/buckets/{Endpoint}/lake?prefix=p%2F", page.Find("[data-testid=folder-row] a").GetAttribute("href"));
        Assert.Equal($"/buckets/{Endpoint}/lake?key=top.txt", page.Find("[data-testid=object-row] a").GetAttribute("href"));
        Assert.Equal("5 bytes", page.Find("[data-testid=object-row] td:nth-child(2)").TextContent);
        Assert.Equal(["lake"], page.FindAll("nav[aria-label='Folder path'] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Navigating_into_folders_moves_the_breadcrumbs_and_they_lead_back()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await PutAsync("p/2026/01/a");
        await PutAsync("p/2026/02/b");
        await PutAsync("p/readme");
        var page = Open($"/buckets/{Endpoint}/lake");
        page.WaitForAssertion(() => Assert.Equal(["p/"], Names(page, "folder-row")));

        Navigation.NavigateTo(page.Find("[data-testid=folder-row] a").GetAttribute("href")!);
        page.WaitForAssertion(() => Assert.Equal(["2026/"], Names(page, "folder-row")));
        Assert.Equal(["readme"], Names(page, "object-row"));

        Navigation.NavigateTo(page.Find("[data-testid=folder-row] a").GetAttribute("href")!);
        page.WaitForAssertion(() => Assert.Equal(["01/", "02/"], Names(page, "folder-row")));
        Assert.Empty(Names(page, "object-row"));

        var crumbs = page.Find("nav[aria-label='Folder path']");
        Assert.Equal(["lake", "/p", "/2026"], crumbs.QuerySelectorAll("li").Select(li => li.TextContent.Replace(" ", "").Trim()));
        Assert.Equal([$"/buckets/{Endpoint}/lake", $"/buckets/{Endpoint}/lake?prefix=p%2F"],
            crumbs.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2026", crumbs.QuerySelector("[aria-current=page]")!.TextContent);

        Navigation.NavigateTo(crumbs.QuerySelectorAll("a")[0].GetAttribute("href")!);
        page.WaitForAssertion(() => Assert.Equal(["p/"], Names(page, "folder-row")));
    }

    [Fact]
    public async Task A_big_folder_loads_a_page_at_a_time()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        for (var i = 0; i < 250; i++)
            await PutAsync($"many/o{i:D3}");
        await PutAsync("many/sub/deep");

        var page = Open($"/buckets/{Endpoint}/lake?prefix=many/");

        page.WaitForAssertion(() => Assert.Equal(100, Names(page, "object-row").Count));
        Assert.Equal("o000", Names(page, "object-row")[0]);
        LoadMore(page);
        page.WaitForAssertion(() => Assert.Equal(200, Names(page, "object-row").Count));
        LoadMore(page);
        page.WaitForAssertion(() => Assert.Equal(250, Names(page, "object-row").Count));
        Assert.Equal(["sub/"], Names(page, "folder-row"));
        Assert.Equal([.. Enumerable.Range(0, 250).Select(i => $"o{i:D3}")], Names(page, "object-row"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Load more");
        Assert.Equal("1 folders, 250 objects shown", page.Find("[data-testid=listing-count]").TextContent.Trim());
    }

    [Fact]
    public async Task The_key_in_the_address_opens_the_objects_details_with_a_download_link()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await PutAsync("p/notes.txt", "just some notes");

        var page = Open($"/buckets/{Endpoint}/lake?prefix=p%2F&key=p%2Fnotes.txt");

        page.WaitForAssertion(() => Assert.Equal("p/notes.txt", page.Find("[data-testid=object-key]").TextContent));
        Assert.Equal("15 bytes", page.Find("[data-testid=object-size]").TextContent);
        var listed = (await LocalEndpoint.ListObjectsAsync("lake", "p/notes.txt", null, 1, Cancel)).Objects.Single();
        Assert.Equal(listed.LastModified.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + " UTC", page.Find("[data-testid=object-modified]").TextContent);
        var download = page.FindAll("a").Single(a => a.TextContent.Trim() == "Download");
        Assert.Equal($"/download/{Endpoint}/lake?key=p%2Fnotes.txt", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
        page.WaitForAssertion(() => Assert.Contains("isn't Parquet", page.Find("[data-testid=no-preview]").TextContent));
        Assert.Equal("true", page.Find("[data-testid=object-row] a").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Clicking_another_object_in_the_listing_shows_that_object()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await PutAsync("a.txt", "a");
        await PutAsync("b.jsonl", "{\"x\":1}\n{\"x\":2}\n");
        var page = Open($"/buckets/{Endpoint}/lake?key=a.txt");
        page.WaitForAssertion(() => Assert.Equal("a.txt", page.Find("[data-testid=object-key]").TextContent));

        Navigation.NavigateTo(page.FindAll("[data-testid=object-row] a")[1].GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Equal("b.jsonl", page.Find("[data-testid=object-key]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("{\"x\":1}\n{\"x\":2}", page.Find("[data-testid=json-lines]").TextContent));
    }

    [Fact]
    public async Task A_missing_object_says_so()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);

        var page = Open($"/buckets/{Endpoint}/lake?key=nope%2Fx");

        page.WaitForAssertion(() => Assert.Equal("Object 'nope/x' does not exist in bucket 'lake'.", page.Find("[data-testid=object-problem]").TextContent));
        Assert.Contains("This bucket is empty.", page.Markup);
    }

    [Fact]
    public async Task A_key_that_would_leave_the_bucket_reaches_nothing_outside_it()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Cancel);
        await LocalEndpoint.CreateBucketAsync("other", Cancel);
        await LocalEndpoint.PutObjectAsync("other", "secret", new MemoryStream("classified"u8.ToArray()), Cancel);

        var page = Open($"/buckets/{Endpoint}/lake?key=..%2Fother%2Fsecret");

        page.WaitForAssertion(() => Assert.Contains("does not exist in bucket 'lake'", page.Find("[data-testid=object-problem]").TextContent));
        Assert.DoesNotContain("classified", page.Markup);
    }

    [Theory]
    [InlineData("nowhere.example.com", "lake", "Endpoint 'nowhere.example.com' is not configured on this instance; configured: oss-cn-hangzhou.aliyuncs.com.")]
    [InlineData(Endpoint, "missing", "Bucket 'missing' does not exist on endpoint 'oss-cn-hangzhou.aliyuncs.com'.")]
    [InlineData(Endpoint, "Bad_Name", "Invalid bucket name 'Bad_Name': use 3 to 63 lowercase letters")]
    public void An_unknown_endpoint_or_bucket_gets_a_clear_message(string endpoint, string bucket, string expected)
    {
        var page = Open($"/buckets/{endpoint}/{bucket}", endpoint, bucket);

        page.WaitForAssertion(() => Assert.StartsWith(expected, page.Find("[data-testid=browser-problem]").TextContent));
        Assert.Equal("/buckets", page.FindAll("a").Single(a => a.TextContent == "Back to all buckets").GetAttribute("href"));
    }

    private static void LoadMore(IRenderedComponent<BucketBrowserPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Load more").Click();
}

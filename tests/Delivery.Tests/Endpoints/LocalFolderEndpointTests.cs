using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

public class LocalFolderEndpointTests
{
    [Fact]
    public async Task A_missing_folder_is_created_and_reported_reachable()
    {
        using var temp = new TempFolder();
        var endpoint = new LocalFolderEndpoint("local", temp.Combine("a", "b"));

        var health = await endpoint.CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(health.Reachable, health.Detail);
        Assert.True(Directory.Exists(temp.Combine("a", "b")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("a", "b")));
    }

    [Fact]
    public async Task A_folder_that_is_a_file_is_unreachable_and_says_why()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("file"), "x");
        var endpoint = new LocalFolderEndpoint("local", temp.Combine("file"));

        var health = await endpoint.CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(health.Reachable);
        Assert.StartsWith($"folder {temp.Combine("file")} is not writable: ", health.Detail);
    }

    [Fact]
    public void Endpoints_are_found_by_name_ignoring_case_and_local_ones_default_below_the_data_folder()
    {
        using var temp = new TempFolder();
        using var endpoints = new BucketEndpoints(new Dictionary<string, EndpointOptions>
        {
            ["oss-cn-hangzhou.aliyuncs.com"] = new(),
            ["elsewhere"] = new() { Folder = temp.Combine("other") },
        }, temp.Path);

        var local = Assert.IsType<LocalFolderEndpoint>(endpoints.Find("OSS-CN-HANGZHOU.aliyuncs.com"));
        Assert.Equal(temp.Combine("buckets", "oss-cn-hangzhou.aliyuncs.com"), local.Folder);
        Assert.Equal(temp.Combine("other"), Assert.IsType<LocalFolderEndpoint>(endpoints.Find("elsewhere")).Folder);
        Assert.Null(endpoints.Find("missing"));
        Assert.Equal(2, endpoints.All.Count);
    }
}

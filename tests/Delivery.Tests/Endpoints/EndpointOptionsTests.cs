using DeliveryConsole.Delivery.Endpoints;

namespace DeliveryConsole.Delivery.Tests.Endpoints;

public class EndpointOptionsTests
{
    [Fact]
    public void A_local_endpoint_needs_nothing_else() =>
        Assert.Empty(new EndpointOptions().Validate("Console:Endpoints:local"));

    [Fact]
    public void A_complete_s3_endpoint_is_valid() =>
        Assert.Empty(S3("http://127.0.0.1:9000").Validate("E"));

    [Fact]
    public void An_unknown_kind_names_the_setting_and_the_kinds()
    {
        var error = Assert.Single(new EndpointOptions { Kind = "ftp" }.Validate("Console:Endpoints:x"));
        Assert.Equal("Console:Endpoints:x:Kind must be 'local' or 's3', not 'ftp'.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("/relative/path")]
    public void An_s3_endpoint_needs_an_http_url(string? url) =>
        Assert.Contains(S3(url).Validate("E"), e => e.StartsWith("E:Url must be an absolute http:// or https:// URL"));

    [Fact]
    public void An_s3_endpoint_needs_its_keys_and_region()
    {
        var errors = new EndpointOptions { Kind = "S3", Url = "https://oss.example", Region = " " }.Validate("E").ToList();
        Assert.Equal(["E:Region must not be empty.", "E:AccessKey is required for an s3 endpoint.",
            "E:Secret is required for an s3 endpoint."], errors);
    }

    [Fact]
    public void A_blank_local_folder_is_rejected() =>
        Assert.Equal(["E:Folder must be a folder path or left out."], new EndpointOptions { Folder = " " }.Validate("E"));

    private static EndpointOptions S3(string? url) =>
        new() { Kind = "s3", Url = url, AccessKey = "key", Secret = "secret" };
}

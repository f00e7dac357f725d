namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// One bucket endpoint as configured under <c>Console:Endpoints:&lt;name&gt;</c>. The name is what users put in a
/// task's <c>ossEndpoint</c>. Secrets come from configuration or the environment only and are never stored elsewhere.
/// </summary>
public sealed class EndpointOptions
{
    public const string LocalKind = "local";
    public const string S3Kind = "s3";

    /// <summary><c>local</c> (a folder; buckets are sub-folders) or <c>s3</c> (an S3-compatible service).</summary>
    public string Kind { get; set; } = LocalKind;

    /// <summary>local: the folder that holds the buckets; default <c>&lt;DataFolder&gt;/buckets/&lt;name&gt;</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>s3: the service URL, e.g. <c>http://127.0.0.1:9000</c>; requests are path-style.</summary>
    public string? Url { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? Secret { get; set; }

    public bool IsLocal => string.Equals(Kind, LocalKind, StringComparison.OrdinalIgnoreCase);

    public bool IsS3 => string.Equals(Kind, S3Kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every rule this endpoint breaks, each naming its setting below <paramref name="setting"/>.</summary>
    public IEnumerable<string> Validate(string setting)
    {
        if (IsLocal)
        {
            if (Folder is not null && Folder.Trim().Length == 0)
                yield return $"{setting}:Folder must be a folder path or left out.";
            yield break;
        }
        if (!IsS3)
        {
            yield return $"{setting}:Kind must be '{LocalKind}' or '{S3Kind}', not '{Kind}'.";
            yield break;
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            yield return $"{setting}:Url must be an absolute http:// or https:// URL, not '{Url}'.";
        if (string.IsNullOrWhiteSpace(Region))
            yield return $"{setting}:Region must not be empty.";
        if (string.IsNullOrWhiteSpace(AccessKey))
            yield return $"{setting}:AccessKey is required for an s3 endpoint.";
        if (string.IsNullOrWhiteSpace(Secret))
            yield return $"{setting}:Secret is required for an s3 endpoint.";
    }
}

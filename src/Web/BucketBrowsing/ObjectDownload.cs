using DeliveryConsole.Delivery.Endpoints;
using Microsoft.Net.Http.Headers;

namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>
/// <c>GET /download/{endpoint}/{bucket}?key=...</c>: streams one object as an attachment with its length. Failures
/// are plain text a person can read, with the status that fits: an unknown endpoint, bucket or key is 404, a key
/// that breaks the key rules (such as one that would leave its bucket) 400; never a 500.
/// </summary>
public static class ObjectDownload
{
    public static string Url(string endpoint, string bucket, string key) =>
        $"/download/{Uri.EscapeDataString(endpoint)}/{Uri.EscapeDataString(bucket)}?key={Uri.EscapeDataString(key)}";

    public static void MapObjectDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/download/{endpoint}/{bucket}", DownloadAsync).ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(HttpContext context, string endpoint, string bucket, string? key,
        BucketEndpoints endpoints)
    {
        var cancel = context.RequestAborted;
        if (endpoints.Find(endpoint) is not { } found)
            return Results.Text($"Endpoint '{endpoint}' is not configured on this instance; configured: " +
                $"{string.Join(", ", endpoints.All.Select(e => e.Name).Order(StringComparer.Ordinal))}.",
                statusCode: StatusCodes.Status404NotFound);
        if (string.IsNullOrEmpty(key))
            return Results.Text("The query parameter 'key' is required: the key of the object to download.",
                statusCode: StatusCodes.Status400BadRequest);
        Stream? content = null;
        long length;
        try
        {
            content = await found.GetObjectAsync(bucket, key, cancel);
            length = content.CanSeek ? content.Length - content.Position : await ListedSizeAsync(found, bucket, key, cancel);
        }
        catch (Exception e) when (Failure(e) is { } failure)
        {
            if (content is not null)
                await content.DisposeAsync();
            return failure;
        }
        await using (content)
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = length;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(key[(key.LastIndexOf('/') + 1)..]);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            await content.CopyToAsync(context.Response.Body, cancel);
        }
        return Results.Empty;
    }

    /// <summary>The size the listing gives for an object whose stream cannot tell its length.</summary>
    private static async Task<long> ListedSizeAsync(IBucketEndpoint endpoint, string bucket, string key, CancellationToken cancel)
    {
        var page = await endpoint.ListObjectsAsync(bucket, key, null, 1, cancel);
        return page.Objects.FirstOrDefault(o => o.Key == key)?.Size ?? throw new BucketObjectNotFoundException(bucket, key);
    }

    private static IResult? Failure(Exception e) => e switch
    {
        BucketNotFoundException or BucketObjectNotFoundException =>
            Results.Text(BucketMessages.Sentence(e.Message), statusCode: StatusCodes.Status404NotFound),
        ArgumentException argument =>
            Results.Text(BucketMessages.Sentence(BucketMessages.RuleText(argument)), statusCode: StatusCodes.Status400BadRequest),
        BucketAccessDeniedException => Results.Text(BucketMessages.Sentence(e.Message), statusCode: StatusCodes.Status403Forbidden),
        EndpointUnreachableException => Results.Text(BucketMessages.Sentence(e.Message), statusCode: StatusCodes.Status503ServiceUnavailable),
        BucketEndpointException => Results.Text(BucketMessages.Sentence(e.Message), statusCode: StatusCodes.Status502BadGateway),
        _ => null,
    };
}

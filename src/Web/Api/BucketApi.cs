using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Web.BucketBrowsing;
using DeliveryConsole.Web.Errors;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Api;

/// <summary>
/// ListEndpoints, CreateBucket, ListBuckets and ListObjects over every configured endpoint, local or S3, with
/// the same envelope as the table operations. Endpoint failures keep their meaning: a missing bucket is 404,
/// rejected credentials 403, an unreachable endpoint 503.
/// </summary>
public static class BucketApi
{
    public static void MapBucketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Buckets");
        Map<EmptyBody, ListEndpointsResult>(api, "ListEndpoints", (endpoints, _, _) =>
            Task.FromResult(new ListEndpointsResult([.. endpoints.All.OrderBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => new EndpointJson(e.Name, e.Kind))])));
        // 200 either way, as OSS answers PutBucket for a bucket the caller owns; created says which it was.
        Map<BucketBody, CreateBucketResult>(api, "CreateBucket", async (endpoints, body, cancel) =>
            new CreateBucketResult(await Endpoint(endpoints, body.Endpoint).CreateBucketAsync(body.Bucket, cancel)));
        Map<EndpointBody, ListBucketsResult>(api, "ListBuckets", async (endpoints, body, cancel) =>
            new ListBucketsResult(await Endpoint(endpoints, body.Endpoint).ListBucketsAsync(cancel)));
        Map<ListObjectsBody, ListObjectsResult>(api, "ListObjects", async (endpoints, body, cancel) =>
        {
            var page = await Endpoint(endpoints, body.Endpoint)
                .ListObjectsAsync(body.Bucket, body.Prefix, body.ContinuationToken, body.MaxKeys, cancel);
            return new ListObjectsResult([.. page.Objects.Select(o => new ObjectJson(o.Key, o.Size, o.LastModified.ToUniversalTime()))],
                page.NextContinuationToken);
        });
    }

    private static IBucketEndpoint Endpoint(BucketEndpoints endpoints, string name) =>
        endpoints.Find(name) ?? throw new TableStoreException(new TableStoreError(TableStoreError.ObjectNotExist,
            $"Endpoint '{name}' is not configured on this instance; configured: {string.Join(", ", endpoints.All.Select(e => e.Name).Order(StringComparer.Ordinal))}."));

    private static void Map<TBody, TResult>(RouteGroupBuilder api, string operation,
        Func<BucketEndpoints, TBody, CancellationToken, Task<TResult>> handle) where TBody : notnull where TResult : notnull =>
        api.MapOperation<TBody, TResult>(operation, async (context, body) =>
        {
            try
            {
                var endpoints = context.RequestServices.GetRequiredService<BucketEndpoints>();
                return Results.Json(await handle(endpoints, body, context.RequestAborted), ServiceJson.Options);
            }
            catch (Exception e) when (Error(e) is var (code, message))
            {
                return ServiceErrors.Result(context, code, message);
            }
        });

    private static (string Code, string Message)? Error(Exception e) => e switch
    {
        TableStoreException store => (store.Code, store.Message),
        BucketNotFoundException or BucketObjectNotFoundException => (TableStoreError.ObjectNotExist, BucketMessages.Sentence(e.Message)),
        BucketAccessDeniedException => (ServiceErrors.AuthFailed, BucketMessages.Sentence(e.Message)),
        EndpointUnreachableException => (ServiceErrors.ServerUnavailable, BucketMessages.Sentence(e.Message)),
        BucketEndpointException => (TableStoreError.ParameterInvalid, BucketMessages.Sentence(e.Message)),
        // The endpoints check bucket names, keys, tokens and page sizes up front and say which rule broke.
        ArgumentException argument => (TableStoreError.ParameterInvalid, BucketMessages.Sentence(BucketMessages.RuleText(argument))),
        _ => null,
    };
}

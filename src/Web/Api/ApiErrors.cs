using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

/// <summary>The error body and HTTP status of every failed API call, and the request id every response carries.</summary>
public static class ApiErrors
{
    public const string RequestIdHeader = "x-ots-requestid";
    public const string UnsupportedOperation = "OTSUnsupportOperation";
    public const string RequestBodyTooLarge = "OTSRequestBodyTooLarge";

    /// <summary>A key that is missing or wrong: the console's own (API, wire protocol) or a bucket endpoint's.</summary>
    public const string AuthFailed = "OTSAuthFailed";

    public static int StatusOf(string code) => code switch
    {
        TableStoreError.ObjectNotExist => StatusCodes.Status404NotFound,
        TableStoreError.ObjectAlreadyExist => StatusCodes.Status409Conflict,
        TableStoreError.ConditionCheckFail or TableStoreError.QuotaExhausted or AuthFailed => StatusCodes.Status403Forbidden,
        TableStoreError.ServerBusy or BucketApi.ServerUnavailable => StatusCodes.Status503ServiceUnavailable,
        RequestBodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Result(HttpContext context, string code, string message) =>
        Results.Json(new ApiErrorBody(code, message, RequestId(context)), ApiJson.Options, statusCode: StatusOf(code));

    /// <summary>The id of this request, made once and sent back in <c>x-ots-requestid</c>.</summary>
    public static string RequestId(HttpContext context)
    {
        if (context.Items[RequestIdHeader] is string id)
            return id;
        id = Guid.NewGuid().ToString();
        context.Items[RequestIdHeader] = id;
        return id;
    }
}

public sealed record ApiErrorBody(string Code, string Message, string RequestId);

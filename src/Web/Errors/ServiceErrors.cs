using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Errors;

/// <summary>
/// The service's errors as the JSON API, the wire protocol and the access key check all answer them: the codes the
/// console adds to the table store's, their HTTP statuses, the JSON error body, and the request id every response
/// carries.
/// </summary>
public static class ServiceErrors
{
    public const string RequestIdHeader = "x-ots-requestid";
    public const string UnsupportedOperation = "OTSUnsupportOperation";
    public const string ServerUnavailable = "OTSServerUnavailable";

    /// <summary>A request body over <see cref="MaxRequestBodyBytes"/> is refused with this code, by the API and the wire protocol.</summary>
    public const string RequestBodyTooLarge = "OTSRequestBodyTooLarge";
    public const long MaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>A key that is missing or wrong: the console's own (API, wire protocol) or a bucket endpoint's.</summary>
    public const string AuthFailed = "OTSAuthFailed";

    public static int StatusOf(string code) => code switch
    {
        TableStoreError.ObjectNotExist => StatusCodes.Status404NotFound,
        TableStoreError.ObjectAlreadyExist => StatusCodes.Status409Conflict,
        TableStoreError.ConditionCheckFail or TableStoreError.QuotaExhausted or AuthFailed => StatusCodes.Status403Forbidden,
        TableStoreError.ServerBusy or ServerUnavailable => StatusCodes.Status503ServiceUnavailable,
        RequestBodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The JSON error body with the code's status (or <paramref name="status"/>).</summary>
    public static IResult Result(HttpContext context, string code, string message, int? status = null) =>
        Results.Json(new ErrorBody(code, message, RequestId(context)), ServiceJson.Options, statusCode: status ?? StatusOf(code));

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

public sealed record ErrorBody(string Code, string Message, string RequestId);

using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Wire;

/// <summary>The wire protocol's error codes beyond the table store's, and the HTTP status of every code.</summary>
public static class WireErrors
{
    public const string MethodNotAllowed = "OTSMethodNotAllowed";
    public const string InternalServerError = "OTSInternalServerError";

    /// <summary>The real service's status for a code: the JSON API's table, plus the codes only the wire has.</summary>
    public static int StatusOf(string code) => code switch
    {
        MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        InternalServerError => StatusCodes.Status500InternalServerError,
        _ => ServiceErrors.StatusOf(code),
    };

    public static TableStoreException Error(string code, string message) => new(new TableStoreError(code, message));

    /// <summary>The protobuf <c>Error</c> a failed request, or a failed row of a batch, answers with.</summary>
    public static Protocol.Error Message(string code, string message) => new() { Code = code, Message = message };
}

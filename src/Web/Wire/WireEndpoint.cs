using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using DeliveryConsole.Web.Errors;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// The Tablestore wire protocol at the root of the console: <c>POST /&lt;Action&gt;</c> with a protobuf body, signed
/// with the instance access key, so the real SDKs work against the console unchanged. Only the action names are
/// mapped (and, for requests that carry <c>x-ots-*</c> headers, any other name, to say it is unsupported), so the
/// browser's pages are untouched. It authenticates by signature itself, so it is anonymous to the cookie and
/// Basic schemes, and it takes no forms, so antiforgery does not apply.
/// </summary>
public static class WireEndpoint
{
    public static void MapTableStoreWire(this IEndpointRouteBuilder app)
    {
        foreach (var (action, operation) in WireOperations.ByAction)
            app.Map("/" + action, context => HandleAsync(context, RequestedAction(context), operation))
                .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        // Any other single-segment POST that is an SDK's (it carries x-ots-* headers): the real service's answer.
        var unknown = RoutePatternFactory.Parse("/{action}", defaults: null, parameterPolicies: new { action = new SdkRequestConstraint() });
        // The method is checked by the constraint, not by method metadata: with metadata, routing answers every GET of a
        // single-segment path (/favicon.svg) with 405 before the constraint runs, and the static files are never served.
        app.Map(unknown, context => HandleAsync(context, (string)context.GetRouteValue("action")!, operation: null))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    // Routes match case-insensitively, action names do not: /listTable is no action (and is signed as sent).
    private static string RequestedAction(HttpContext context) => context.Request.Path.Value!.Trim('/');

    private static async Task HandleAsync(HttpContext context, string action, WireOperation? operation)
    {
        if (operation is not null && operation.Action != action)
            operation = null;
        // Every error here has its protobuf body; the console's HTML error pages must not replace it.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var (status, response) = await AnswerAsync(context, action, operation, options, time);
        if (context.RequestAborted.IsCancellationRequested && status >= 500)
            return;
        await WireResponse.WriteAsync(context, action, status, response, options.AccessKey, time.GetUtcNow());
    }

    private static async Task<(int Status, IMessage Response)> AnswerAsync(
        HttpContext context, string action, WireOperation? operation, ConsoleOptions options, TimeProvider time)
    {
        try
        {
            if (!HttpMethods.IsPost(context.Request.Method))
                throw WireErrors.Error(WireErrors.MethodNotAllowed, $"{context.Request.Method} is not allowed: every Tablestore action is a POST.");
            if (operation is null)
                throw TableStoreException.Invalid($"Unsupported operation: {action}.");
            var body = await WireBody.ReadAsync(context);
            WireAuthentication.Check(context.Request, action, body, options, context.RequestServices.GetRequiredService<KeyGuessLimiter>(), time.GetUtcNow());
            var response = await operation.Handle(new WireRequest(action, body, context.RequestServices, context.RequestAborted));
            if (RequiredFields.FirstMissing(response) is { } missing)
                throw new InvalidOperationException($"The {action} response lacks its required field {missing}.");
            return (StatusCodes.Status200OK, response);
        }
        catch (TableStoreException e)
        {
            return Failure(e.Code, e.Message);
        }
        catch (PlainBufferFormatException e)
        {
            // A row, key or value in the body that does not decode.
            return Failure(TableStoreError.ParameterInvalid, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Failure(WireErrors.InternalServerError, "The client went away.");
        }
        catch (Exception e)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WireEndpoint).FullName!)
                .LogError(e, "The wire action {Action} failed", action);
            return Failure(WireErrors.InternalServerError, $"The console failed to run {action}; its log has the details.");
        }
    }

    private static (int, IMessage) Failure(string code, string message) =>
        (WireErrors.StatusOf(code), WireErrors.Message(code, message));

    /// <summary>Matches only requests that carry an <c>x-ots-*</c> header: the SDKs' requests, never a browser's.</summary>
    private sealed class SdkRequestConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is not null && HttpMethods.IsPost(httpContext.Request.Method)
            && httpContext.Request.Headers.Keys.Any(name => name.StartsWith(WireSignature.HeaderPrefix, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The request body, read whole up to the service's limit.</summary>
internal static class WireBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = ServiceErrors.MaxRequestBodyBytes;
        if (context.Request.ContentLength > ServiceErrors.MaxRequestBodyBytes)
            throw TooLarge();
        try
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                // The limit holds without Kestrel too (a test host, a chunked body without Content-Length).
                if (body.Length + read > ServiceErrors.MaxRequestBodyBytes)
                    throw TooLarge();
                body.Write(buffer, 0, read);
            }
            return body.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    private static TableStoreException TooLarge() =>
        WireErrors.Error(ServiceErrors.RequestBodyTooLarge, $"The request body is larger than {ServiceErrors.MaxRequestBodyBytes} bytes.");
}

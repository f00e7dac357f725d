using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using DeliveryConsole.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>
/// The console's default scheme. The JSON API (<c>/api/*</c>) accepts only the key as HTTP Basic: a cookie there would
/// let another site's form call it. Everything else also accepts the sign-in cookie. A refusal under <c>/api</c> or
/// <c>/download</c> is a 401 with the API's error envelope; on a page it is the redirect to <c>/signin</c>.
/// </summary>
public sealed class AccessKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<ConsoleOptions> console, KeyGuessLimiter guesses)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "AccessKey";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Realm = "Tablestore Delivery Console";
    public const string FingerprintClaim = "access-key-fingerprint";

    // Set when the caller's address is locked out, so the challenge answers 429 rather than asking for the key again.
    private const string LockedOutItem = "access-key-locked-out";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var options = console.Value;
        if (options.AuthenticationOff)
            return Success(options.AccessKeyId, "none");
        if (Request.Headers.Authorization.Count > 0)
            return Basic(options.AccessKey);
        if (IsApi(Request.Path))
            return AuthenticateResult.NoResult();
        var cookie = await Context.AuthenticateAsync(CookieScheme);
        return cookie.Succeeded ? AuthenticateResult.Success(new AuthenticationTicket(cookie.Principal, SchemeName)) : cookie;
    }

    private AuthenticateResult Basic(InstanceAccessKey key)
    {
        if (guesses.RetryAfter(Context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            Context.Items[LockedOutItem] = retryAfter;
            return AuthenticateResult.Fail(KeyGuessLimiter.Message(retryAfter));
        }
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return AuthenticateResult.Fail("The Authorization header is not HTTP Basic.");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The HTTP Basic credentials are not Base64.");
        }
        var colon = decoded.IndexOf(':');
        if (colon > 0 && key.Matches(decoded[..colon], decoded[(colon + 1)..]))
            return Success(key.Id, "basic");
        guesses.Failed(Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail("The access key is not this instance's.");
    }

    private AuthenticateResult Success(string id, string method) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principal(id, method, SchemeName), SchemeName));

    /// <summary>The signed-in principal: the key id as the name; no secret in it.</summary>
    public static ClaimsPrincipal Principal(string id, string method, string scheme, string? fingerprint = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, id), new(ClaimTypes.AuthenticationMethod, method) };
        if (fingerprint is not null)
            claims.Add(new Claim(FingerprintClaim, fingerprint));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!IsApi(Request.Path) && !Request.Path.StartsWithSegments("/download"))
        {
            await Context.ChallengeAsync(CookieScheme, properties);
            return;
        }
        Response.Headers[ServiceErrors.RequestIdHeader] = ServiceErrors.RequestId(Context);
        if (Context.Items[LockedOutItem] is TimeSpan retryAfter)
        {
            Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            await ServiceErrors.Result(Context, ServiceErrors.AuthFailed, KeyGuessLimiter.Message(retryAfter),
                StatusCodes.Status429TooManyRequests).ExecuteAsync(Context);
            return;
        }
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        await ServiceErrors.Result(Context, ServiceErrors.AuthFailed,
            "This request needs the instance access key as HTTP Basic credentials (curl -u <AccessKeyId>:<AccessKeySecret>); it had none or a wrong one.",
            StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}

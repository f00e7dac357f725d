using System.ComponentModel.DataAnnotations;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Components.Pages.Account;

/// <summary>
/// <c>/signin</c>: a plain server-rendered form (no circuit exists before sign-in). The right key sets the HttpOnly
/// cookie and goes back to the page the user asked for; a wrong one says so without telling which half was wrong.
/// </summary>
public partial class SignInPage
{
    public const string WrongKeyMessage =
        "That access key does not match this instance. Check the access key ID and secret and try again.";

    private const string RefusalId = "sign-in-error";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private IOptions<ConsoleOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private KeyGuessLimiter Guesses { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    /// <summary>Why the key was refused (wrong, or this address is locked out); null before a refusal.</summary>
    private string? Refusal { get; set; }

    protected override void OnInitialized() => Input ??= new SignInInput();

    // Each field is described by its own rule and, once a key was refused, by the message under the form.
    private string DescribedBy(string fieldRuleId) => Refusal is null ? fieldRuleId : $"{fieldRuleId} {RefusalId}";

    private async Task SignInAsync()
    {
        var key = Options.Value.AccessKey;
        var address = HttpContext.Connection.RemoteIpAddress;
        if (Guesses.RetryAfter(address) is { } retryAfter)
        {
            Refusal = KeyGuessLimiter.Message(retryAfter);
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Input?.AccessKeySecret = "";
            return;
        }
        if (Input is null || !key.Matches(Input.AccessKeyId, Input.AccessKeySecret))
        {
            Guesses.Failed(address);
            Refusal = WrongKeyMessage;
            Input?.AccessKeySecret = ""; // Never sent back into the page.
            return;
        }
        await ConsoleSecurity.SignInAsync(HttpContext, key);
        Navigation.NavigateTo(LocalReturnUrl.OrHome(ReturnUrl));
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Access key ID is required.")]
        public string AccessKeyId { get; set; } = "";

        [Required(ErrorMessage = "Access key secret is required.")]
        public string AccessKeySecret { get; set; } = "";
    }
}

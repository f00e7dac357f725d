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

    private bool _failed;
    private string? _lockedOut;

    protected override void OnInitialized() => Input ??= new SignInInput();

    private async Task SignInAsync()
    {
        var key = Options.Value.AccessKey;
        var address = HttpContext.Connection.RemoteIpAddress;
        if (Guesses.RetryAfter(address) is { } retryAfter)
        {
            _lockedOut = KeyGuessLimiter.Message(retryAfter);
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Input?.AccessKeySecret = "";
            return;
        }
        if (Input is null || !key.Matches(Input.AccessKeyId, Input.AccessKeySecret))
        {
            Guesses.Failed(address);
            _failed = true;
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

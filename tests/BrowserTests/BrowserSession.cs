using Deque.AxeCore.Playwright;
using DeliveryConsole.Testing;
using Microsoft.Playwright;

namespace DeliveryConsole.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright with a fresh profile, pointed at a console served on a real
/// loopback port. Records console errors and warnings, page errors and every request the page makes.
/// </summary>
/// <remarks>
/// Every wait (an action, a navigation, an <c>Expect</c>) waits for the state it needs for up to <see cref="Patience"/>:
/// a limit that only protects against hangs, so a test on a busy machine is slow rather than red.
/// </remarks>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly TempFolder _profile;

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Uri BaseUrl { get; }
    public List<string> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Requests { get; } = [];

    private BrowserSession(IPlaywright playwright, TempFolder profile, IBrowserContext context, IPage page, Uri baseUrl)
    {
        (_playwright, _profile, Context, Page, BaseUrl) = (playwright, profile, context, page, baseUrl);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (Errors) Errors.Add(message.Text);
            if (message.Type == "warning") lock (Warnings) Warnings.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (Errors) Errors.Add(error); };
        page.Request += (_, request) => { lock (Requests) Requests.Add(request.Url); };
    }

    /// <summary>How long any one wait may take before the test fails: long, as it only guards against a hang.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Opens Chromium on the console; signed in with the well-known key unless <paramref name="signedIn"/> is false;
    /// with scripts turned off if <paramref name="scripts"/> is false (only the static sign-in page works then).
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(Uri baseUrl, bool signedIn = true, bool scripts = true)
    {
        Requires.Chromium();
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        var playwright = await Playwright.CreateAsync();
        var profile = new TempFolder();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new()
        {
            ExecutablePath = Requires.ChromiumPath,
            Headless = true,
            BaseURL = baseUrl.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            JavaScriptEnabled = scripts,
            // The machine has no internet: keep Chromium from trying to reach Google's services at all.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        var page = context.Pages.FirstOrDefault() ?? await context.NewPageAsync();
        var session = new BrowserSession(playwright, profile, context, page, baseUrl);
        if (signedIn)
            await session.SignInAsync(ConsoleFactory.DefaultKeyId, ConsoleFactory.DefaultKeySecret);
        return session;
    }

    /// <summary>Signs in through the sign-in form, as a person does, and waits for the page it leads to.</summary>
    public async Task SignInAsync(string id, string secret, string path = "/signin")
    {
        await Page.GotoAsync(path);
        await FillSignInFormAsync(id, secret);
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));
        await WaitForInteractivityAsync();
    }

    /// <summary>Types the key into the sign-in form on the current page and submits it.</summary>
    public async Task FillSignInFormAsync(string id, string secret)
    {
        await Page.GetByLabel("Access key ID", new() { Exact = true }).FillAsync(id);
        await Page.GetByLabel("Access key secret", new() { Exact = true }).FillAsync(secret);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Opens a page and waits until the SignalR circuit is live: clicks on prerendered HTML are lost.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();
    }

    public Task WaitForInteractivityAsync() =>
        Page.Locator("#render-state[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until finite animations and transitions have ended: colours in the middle of a fade (a snackbar coming
    /// or going, a chip changing colour) are not what anyone reads. Endless ones (an indeterminate progress bar) run on.
    /// </summary>
    public Task WaitForAnimationsAsync() => Page.WaitForFunctionAsync(
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)");

    /// <summary>Saves a screenshot beside the test results and attaches it to the test.</summary>
    /// <param name="fullPage">False: only what the 1280×800 window shows, as the README's pictures do.</param>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        await WaitForAnimationsAsync();
        var folder = RepositoryRoot.Combine("TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        var png = await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>
    /// Runs axe-core (served from the test package, not the internet) on the page as it is now and returns its
    /// serious and critical violations, one line each with the rule, the help text and the first offending nodes.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        // A snackbar fades out on its own timer, possibly while axe runs, and a half-faded one is measured at its
        // blended colours; wait until it has gone (its settled colours are the theme's, which pass on their own).
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await WaitForAnimationsAsync();
        var result = await Page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Html} ({string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))})"))}")];
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        _profile.Dispose();
    }
}

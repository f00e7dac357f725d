using Bunit;
using DeliveryConsole.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Tests.Components;

public class MainLayoutTests : ComponentTest
{
    [Fact]
    public void The_app_bar_shows_the_instance_name_and_the_page_is_in_the_main_content()
    {
        var layout = RenderLayout(Text("the page"));

        Assert.Equal("test-instance", layout.Find("[data-testid=instance-name]").TextContent.Trim());
        Assert.Contains("the page", layout.Find("main").TextContent);
    }

    [Fact]
    public void The_navigation_links_every_section()
    {
        var layout = RenderLayout(Text("x"));

        var links = layout.FindAll("nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Overview", "/"), ("Tables", "/tables"), ("Delivery", "/delivery"), ("Buckets", "/buckets")], links);
    }

    [Fact]
    public void The_theme_switch_turns_dark_mode_on_and_remembers_it_in_the_browser()
    {
        var save = JSInterop.SetupVoid("consoleTheme.save", true);
        var layout = RenderLayout(Text("x"));

        layout.Find("button[aria-label='Switch to dark mode']").Click();

        save.VerifyInvoke("consoleTheme.save");
        Assert.NotNull(layout.Find("button[aria-label='Switch to light mode']"));
    }

    [Fact]
    public void A_page_that_throws_shows_the_error_and_the_next_page_renders_normally()
    {
        var layout = RenderLayout(builder =>
        {
            builder.OpenComponent<ThrowingPage>(0);
            builder.CloseComponent();
        });

        Assert.Contains("This page failed: the page broke", layout.Find("[data-testid=page-error]").TextContent);

        layout.Render(parameters => parameters.Add(l => l.Body, Text("the next page")));

        Assert.Empty(layout.FindAll("[data-testid=page-error]"));
        Assert.Contains("the next page", layout.Find("main").TextContent);
    }

    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment body) =>
        Render<MainLayout>(parameters => parameters.Add(l => l.Body, body));

    private static RenderFragment Text(string text) => builder => builder.AddContent(0, text);

    private sealed class ThrowingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("the page broke");
    }
}

using Bunit;
using DeliveryConsole.Web.Components.Layout;
using DeliveryConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace DeliveryConsole.Web.Tests.Components;

/// <summary>The app bar's sign-out: a POST form with the antiforgery token, absent when sign-in is off.</summary>
public class SignOutLayoutTests : ComponentTest
{
    [Fact]
    public void The_app_bar_has_a_sign_out_button_in_a_post_form_with_the_antiforgery_token()
    {
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "x"))));

        var form = layout.Find("[data-testid=sign-out-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("signout", form.GetAttribute("action"));
        Assert.Equal("test-antiforgery-token", form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
        var button = form.QuerySelector("button[type=submit]");
        Assert.Equal("Sign out", button?.TextContent.Trim());
    }
}

public class SignInOffLayoutTests() : ComponentTest(options: new ConsoleOptions { InstanceName = "test-instance", Authentication = "None" })
{
    [Fact]
    public void With_sign_in_off_there_is_nothing_to_sign_out_of()
    {
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "x"))));

        Assert.Empty(layout.FindAll("[data-testid=sign-out-form]"));
    }
}

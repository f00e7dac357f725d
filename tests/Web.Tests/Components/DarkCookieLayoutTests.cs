using Bunit;
using DeliveryConsole.Web.Components.Layout;

namespace DeliveryConsole.Web.Tests.Components;

public class DarkCookieLayoutTests() : ComponentTest(darkCookie: true)
{
    [Fact]
    public void A_browser_that_chose_dark_mode_gets_it_from_the_first_render()
    {
        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, builder => builder.AddContent(0, "x")));

        Assert.NotNull(layout.Find("button[aria-label='Switch to light mode']"));
    }
}

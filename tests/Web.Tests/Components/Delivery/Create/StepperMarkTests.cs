using Bunit;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

/// <summary>The stepper marks a step bad exactly while it shows a message, recomputed on every change.</summary>
public class StepperMarkTests : WizardTest
{
    [Fact]
    public void Typing_a_valid_task_name_never_marks_Basics_and_a_bad_one_marks_it_only_while_bad()
    {
        CreateOrders(1);
        RenderWizard();

        Type("Task name", "orders-lake");
        Page.WaitForAssertion(() => Assert.Equal("orders-lake", Field("Task name").GetAttribute("value")));
        // The source table is still unchosen, but untouched: nothing on the step is shown as wrong.
        Assert.False(StepMarked("Basics"));

        Type("Task name", "AB");
        Page.WaitForAssertion(() => Assert.True(StepMarked("Basics")));
        Type("Task name", "orders-lake");
        Page.WaitForAssertion(() => Assert.False(StepMarked("Basics")));
        Assert.Null(ErrorUnder("Task name"));
    }

    [Fact]
    public async Task Destination_is_unmarked_as_soon_as_its_bucket_and_prefix_are_fixed()
    {
        CreateOrders(1);
        await LocalEndpoint.CreateBucketAsync("lake", Xunit.TestContext.Current.CancellationToken);
        RenderWizard("orders");
        Type("Task name", "orders-lake");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));

        Click("Next");
        Page.WaitForAssertion(() => Assert.Equal("Bucket is required.", ErrorUnder("Bucket")));
        Assert.True(StepMarked("Destination"));
        Assert.Equal("Prefix is required.", ErrorUnder("Prefix"));

        Choose("Bucket", "lake");
        Page.WaitForAssertion(() => Assert.Null(ErrorUnder("Bucket")));
        Assert.True(StepMarked("Destination")); // the prefix is still empty, and says so
        Type("Prefix", "/lake");
        Page.WaitForAssertion(() => Assert.Equal(@"Prefix must not start with '/' or '\'.", ErrorUnder("Prefix")));
        Assert.True(StepMarked("Destination"));

        Type("Prefix", "lake");
        Page.WaitForAssertion(() => Assert.False(StepMarked("Destination")));
        Assert.False(StepMarked("Basics"));
    }

    [Fact]
    public void The_time_variables_read_as_typed_and_say_what_each_is()
    {
        CreateOrders(1);
        RenderWizard("orders");
        Type("Task name", "orders-lake");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));

        var chips = Page.FindAll("[data-testid=time-variable]");
        Assert.Equal(["$yyyy", "$MM", "$dd", "$HH", "$mm"], chips.Select(chip => chip.TextContent.Trim()));
        // MudBlazor's buttons upper-case their text; these must not, or $MM (month) and $mm (minute) read alike.
        Assert.All(chips, chip => Assert.Contains("text-transform: none", chip.GetAttribute("style")));

        var tooltips = Page.FindAll("[data-testid=time-variables] .mud-tooltip-root");
        Assert.Equal(5, tooltips.Count);
        tooltips[1].TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        Page.WaitForAssertion(() => Assert.Equal("Month, 01-12", Page.Find(".mud-tooltip.mud-popover-open").TextContent.Trim()));
        tooltips[1].TriggerEvent("onpointerleave", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        // A keyboard user reaching the button sees it too.
        tooltips[4].TriggerEvent("onfocusin", new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        Page.WaitForAssertion(() => Assert.Contains(Page.FindAll(".mud-tooltip.mud-popover-open"), tip => tip.TextContent.Trim() == "Minute, 00-59"));
    }
}

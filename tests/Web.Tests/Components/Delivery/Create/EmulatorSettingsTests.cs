using System.Text.Json;
using Bunit;
using DeliveryConsole.Web.Api;
using DeliveryConsole.Web.Values;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

/// <summary>The wizard's emulator settings: the request's emulator block, judged as typed by the API's rules.</summary>
public class EmulatorSettingsTests : WizardTest
{
    private const string Interval = "Flush interval (seconds)", Size = "Flush size (MiB)", Zone = "Partition time zone";

    private void ToDestination()
    {
        CreateOrders(3);
        RenderWizard("orders");
        Type("Task name", "orders-lake");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls(Interval)));
    }

    [Fact]
    public void The_instance_defaults_are_shown_and_the_real_services_pace_explained()
    {
        ToDestination();

        Assert.Equal("120", Field(Interval).GetAttribute("placeholder"));
        Assert.Equal("64", Field(Size).GetAttribute("placeholder"));
        Assert.Equal("Asia/Shanghai", Field(Zone).GetAttribute("placeholder"));
        var section = Text("emulator-settings");
        Assert.Contains("The real service writes an object about every 2 minutes or 64 MiB; lower the interval to see objects sooner here.", section);
        Assert.Contains("Empty: the instance's 120 s", section);
        Assert.Contains("An object every 120 s or 64 MiB, folders in Asia/Shanghai time", Text("emulator-summary"));
    }

    [Fact]
    public void Each_setting_is_judged_as_typed_in_label_words_under_its_field()
    {
        ToDestination();

        Type(Interval, "0");
        Page.WaitForAssertion(() => Assert.Equal("Flush interval must be 1-3600 seconds, not 0.", ErrorUnder(Interval)));
        Type(Size, "2048");
        Page.WaitForAssertion(() => Assert.Equal("Flush size must be 1-1024 MiB, not 2048.", ErrorUnder(Size)));
        Type(Zone, "Mars/Olympus");
        Page.WaitForAssertion(() => Assert.Equal(
            "Partition time zone is invalid: unknown time zone 'Mars/Olympus'; use an IANA id such as Asia/Shanghai, Europe/Berlin or UTC.",
            ErrorUnder(Zone)));
        Assert.True(StepMarked("Destination"));

        Type(Interval, "30");
        Type(Size, "8");
        Type(Zone, "Europe/Berlin");
        Page.WaitForAssertion(() => Assert.Null(ErrorUnder(Zone)));
        Assert.Null(ErrorUnder(Interval));
        Assert.Null(ErrorUnder(Size));
        Assert.False(StepMarked("Destination"));
        Assert.Contains("An object every 30 s or 8 MiB, folders in Europe/Berlin time", Text("emulator-summary"));
    }

    [Fact]
    public void Next_stays_on_a_broken_setting()
    {
        ToDestination();
        Type(Interval, "4000");

        Click("Next");

        Page.WaitForAssertion(() => Assert.True(StepMarked("Destination")));
        Assert.Equal("Flush interval must be 1-3600 seconds, not 4000.", ErrorUnder(Interval));
        Assert.DoesNotContain(Page.FindAll("button"), button => button.TextContent.Trim() == "Auto generate");
    }

    [Fact]
    public void The_quick_preset_sets_five_seconds_and_the_default_clears_it()
    {
        ToDestination();

        Click("5 s (see objects quickly)");
        Page.WaitForAssertion(() => Assert.Equal("5", Field(Interval).GetAttribute("value")));
        Assert.Contains("An object every 5 s", Text("emulator-summary"));

        Click("Instance default");
        Page.WaitForAssertion(() => Assert.Equal("", Field(Interval).GetAttribute("value") ?? ""));
        Assert.Contains("An object every 120 s", Text("emulator-summary"));
    }

    [Fact]
    public async Task The_review_request_and_the_created_task_carry_the_settings()
    {
        CreateOrders(3);
        RenderWizard("orders");
        await FillBasicsAndDestinationAsync("orders-lake", "lake/$yyyy/$MM/$dd/$HH");
        Click("Back");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls(Interval)));
        Click("5 s (see objects quickly)");
        Type(Size, "8");
        Type(Zone, "Europe/Berlin");
        var berlin = TimeZoneInfo.ConvertTime(PageClock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Page.WaitForAssertion(() => Assert.Equal($"lake/{berlin:yyyy}/{berlin:MM}/{berlin:dd}/{berlin:HH}", Text("folder-preview")));
        Click("Next");
        Page.WaitForAssertion(() => Button("Auto generate"));
        Click("Auto generate");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Event-time column")));
        Click("Next");
        Page.WaitForAssertion(() => Page.Find("[data-testid=request-json]"));

        var body = JsonSerializer.Deserialize<CreateDeliveryTaskBody>(Text("request-json"), ServiceJson.Options)!;
        Assert.Equal(new(5, 8, "Europe/Berlin"), body.Request.Emulator);

        Click("Create task");
        Page.WaitForAssertion(() => Assert.Contains("Statement to create table", Page.Find(".mud-dialog").TextContent), TimeSpan.FromSeconds(10));
        var task = await Engine.DescribeTaskAsync("orders", "orders-lake", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(new(5, 8, "Europe/Berlin"), task!.Definition.Request.Emulator);
    }
}

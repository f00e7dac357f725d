using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.Tables;

/// <summary>
/// The real console parts plus what the layout gives a page: the popover provider (selects) and the dialog
/// provider (the Create table, row and confirmation dialogs), rendered with the page under test. Controls are
/// found by their accessible name, as the browser tests find them; <c>scope</c> is a CSS selector to look in
/// (e.g. <see cref="InDialog"/>), and elements are always looked up afresh because every render replaces them.
/// </summary>
public abstract class TablesTest : ConsoleComponentTest
{
    protected const string InDialog = ".mud-dialog";

    protected IRenderedComponent<IComponent> RenderPage<TPage>(params (string Name, object? Value)[] parameters)
        where TPage : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            foreach (var (name, value) in parameters)
                builder.AddComponentParameter(3, name, value);
            builder.CloseComponent();
        });

    /// <summary>The input whose label says <paramref name="label"/>; <paramref name="index"/> picks among repeats.</summary>
    protected static IElement Field(IRenderedComponent<IComponent> page, string label, int index = 0, string scope = "")
    {
        var fields = page.FindAll($"{scope} label[for]")
            .Where(l => l.TextContent.Trim().TrimEnd('*').Trim() == label)
            .Select(l => page.Find($"#{l.GetAttribute("for")}"))
            .ToList();
        Assert.True(fields.Count > index, $"no field labelled '{label}' (#{index}) in '{scope}'");
        return fields[index];
    }

    /// <summary>The text under the field labelled <paramref name="label"/>: its error or helper text.</summary>
    protected static string FieldMessage(IRenderedComponent<IComponent> page, string label, int index = 0, string scope = "") =>
        Field(page, label, index, scope).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    /// <summary>The checkbox input of the switch labelled <paramref name="label"/>.</summary>
    protected static IElement Switch(IRenderedComponent<IComponent> page, string label, int index = 0, string scope = "")
    {
        var switches = page.FindAll($"{scope} label.mud-switch").Where(l => l.TextContent.Trim() == label).ToList();
        Assert.True(switches.Count > index, $"no switch labelled '{label}' (#{index})");
        return switches[index].QuerySelector("input")!;
    }

    /// <summary>The button whose text or aria-label is <paramref name="name"/>; <paramref name="index"/> picks among repeats.</summary>
    protected static IElement Button(IRenderedComponent<IComponent> page, string name, int index = 0, string scope = "")
    {
        var buttons = page.FindAll($"{scope} button")
            .Where(b => b.GetAttribute("aria-label") == name || b.TextContent.Trim() == name)
            .ToList();
        Assert.True(buttons.Count > index, $"no button named '{name}' (#{index}) in '{scope}'");
        return buttons[index];
    }

    /// <summary>Opens the select labelled <paramref name="label"/> and picks <paramref name="option"/>.</summary>
    protected static void Choose(IRenderedComponent<IComponent> page, string label, string option, int index = 0, string scope = "")
    {
        Field(page, label, index, scope).Closest(".mud-input-control")!.MouseDown();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == option));
        page.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option).Click();
        page.WaitForAssertion(() => Assert.Equal(option, Field(page, label, index, scope).GetAttribute("value")));
    }

    protected static bool IsDialogOpen(IRenderedComponent<IComponent> page) => page.FindAll(InDialog).Count > 0;
}

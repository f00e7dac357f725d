using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Components.Pages.Delivery.Create;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

/// <summary>
/// The wizard on the real store and engine, rendered with the popover and dialog providers the layout gives it,
/// and helpers that find controls the way a user does: by their label or button text.
/// </summary>
public abstract class WizardTest : ConsoleComponentTest
{
    protected IRenderedComponent<IComponent> Page { get; private set; } = default!;

    protected IRenderedComponent<IComponent> RenderWizard(string? table = null) =>
        RenderPage(table is null ? "/delivery/new" : $"/delivery/new?table={Uri.EscapeDataString(table)}", null);

    /// <summary>The wizard editing task <paramref name="task"/> of <paramref name="table"/> (its Edit route).</summary>
    protected IRenderedComponent<IComponent> RenderEditWizard(string table, string task, bool waitLoaded = true) =>
        RenderPage($"/delivery/{table}/{task}/edit", (table, task), waitLoaded);

    private IRenderedComponent<IComponent> RenderPage(string uri, (string Table, string Task)? edit, bool waitLoaded = true)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(uri);
        Page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CreateTaskPage>(2);
            if (edit is { } task)
            {
                builder.AddAttribute(3, nameof(CreateTaskPage.EditTable), task.Table);
                builder.AddAttribute(4, nameof(CreateTaskPage.EditTask), task.Task);
            }
            builder.CloseComponent();
        });
        if (waitLoaded)
            Page.WaitForAssertion(() => Page.Find("[data-testid=wizard][data-loaded=true]"));
        return Page;
    }

    /// <summary>orders(id INTEGER) with a defined DOUBLE column and <paramref name="rows"/> rows of mixed attribute cells.</summary>
    protected void CreateOrders(int rows = 20)
    {
        Tables.CreateTable("orders", [new("id", PrimaryKeyType.Integer)], [new DefinedColumn("price", ColumnType.Double)]);
        for (var i = 1; i <= rows; i++)
        {
            // qty: INTEGER in all but every fifth row (a STRING), so INT64 wins and 4 of 20 cells are dirty.
            var qty = i % 5 == 0 ? Value.String($"{i} pcs") : Value.Integer(i);
            Writer.WriteRow("orders", new RowWrite(WriteType.Put, [new("id", Value.Integer(i))],
            [
                new ColumnPut("price", Value.Double(i + 0.5)),
                new ColumnPut("qty", qty),
                new ColumnPut("note", Value.String($"order {i}")),
                new ColumnPut("at", Value.String(i % 4 == 0 ? "not a time" : $"2024-03-0{1 + i % 9}T10:00:00Z")),
            ]));
        }
    }

    protected IElement Field(string label, int index = 0) =>
        Controls(label).ElementAt(index).QuerySelector("input, textarea")
        ?? throw new InvalidOperationException($"'{label}' has no input");

    protected IEnumerable<IElement> Controls(string label) =>
        Page.FindAll("div.mud-input-control").Where(control =>
            control.QuerySelector("label")?.TextContent.Trim() == label);

    protected void Type(string label, string text, int index = 0) => Refinding(() => Field(label, index).Input(text));

    /// <summary>The message MudBlazor shows under the field, or null.</summary>
    protected string? ErrorUnder(string label, int index = 0) =>
        Controls(label).ElementAt(index).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    protected void Choose(string label, string option, int index = 0)
    {
        Controls(label).ElementAt(index).QuerySelector(".mud-select-input, .mud-input-slot, .mud-input")!.MouseDown();
        Page.WaitForAssertion(() => Assert.Contains(Page.FindAll(".mud-list-item"), item => item.TextContent.Trim() == option));
        Refinding(() => Page.FindAll(".mud-list-item").First(item => item.TextContent.Trim() == option).Click());
    }

    protected IElement Button(string name, int index = 0) =>
        Page.FindAll("button").Where(button => button.TextContent.Trim() == name || button.GetAttribute("aria-label") == name)
            .ElementAt(index);

    protected void Click(string name, int index = 0) => Refinding(() => Button(name, index).Click());

    /// <summary>
    /// Runs <paramref name="act"/>, which finds a control and acts on it, again when the page rendered between the
    /// find and the event (its own work, such as loading the table's sample, finishing on another thread): the
    /// control found is then stale, and a user would have clicked the one on screen, which the next find returns.
    /// </summary>
    private static void Refinding(Action act)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                act();
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 5)
            {
            }
        }
    }

    protected string Text(string testId) => Page.Find($"[data-testid={testId}]").TextContent;

    /// <summary>True when the stepper marks the step <paramref name="title"/> as having an error (MudBlazor's red "!").</summary>
    protected bool StepMarked(string title) =>
        Page.FindAll("button[role=tab]").Single(tab => tab.QuerySelector(".mud-step-label-content-title")?.TextContent.Trim() == title)
            .ClassList.Contains("mud-step-error");

    /// <summary>The message under mapper row <paramref name="index"/>, or null while the row keeps every rule.</summary>
    protected string? RowError(int index) =>
        Page.FindAll("[data-testid=schema-row]")[index].QuerySelector("[data-testid=schema-row-error]")!.TextContent.Trim() is { Length: > 0 } text
            ? text : null;

    /// <summary>Fills Basics and Destination validly and goes to Schema.</summary>
    protected async Task FillBasicsAndDestinationAsync(string taskName = "orders-lake", string prefix = "lake/$yyyy/$MM/$dd")
    {
        await LocalEndpoint.CreateBucketAsync("lake", Xunit.TestContext.Current.CancellationToken);
        Type("Task name", taskName);
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));
        Choose("Bucket", "lake");
        Type("Prefix", prefix);
        Click("Next");
        Page.WaitForAssertion(() => Button("Auto generate"));
    }
}

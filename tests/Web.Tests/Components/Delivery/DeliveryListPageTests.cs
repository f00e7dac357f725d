using Bunit;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Web.Components.Pages.Delivery;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.Delivery;

public class DeliveryListPageTests : DeliveryPageTest
{
    [Fact]
    public void Without_tasks_the_page_says_what_to_do_and_offers_create_task()
    {
        var page = Render<DeliveryListPage>();

        Assert.Contains("Create task", page.Find("[data-testid=no-tasks]").TextContent);
        Assert.Equal("/delivery/new", CreateTaskLink(page).GetAttribute("href"));
    }

    [Fact]
    public async Task Each_task_shows_its_link_table_destination_mode_chip_and_sync_time()
    {
        CreateTable("orders", rows: 3);
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-full", type: "BASE", prefix: "full");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", prefix: "inc/$yyyy");
        await WaitForTaskAsync("orders", "orders-full", s => s.State.Finished);
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.Phase == TaskPhase.Incr);

        var page = Render<DeliveryListPage>();

        var rows = page.FindAll("[data-testid=tasks] tbody tr");
        Assert.Equal(2, rows.Count);
        var full = rows[0];
        Assert.Equal("/delivery/orders/orders-full", full.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["orders-full", "orders", "lake/full", "Full", "Completed"], full.QuerySelectorAll("td").Take(5).Select(td => td.TextContent.Trim()));
        Assert.EndsWith("UTC", full.QuerySelector("[data-testid=sync-time]")!.TextContent);
        Assert.EndsWith("behind", full.QuerySelector("[data-testid=freshness]")!.TextContent);
        Assert.Equal(["orders-inc", "orders", "lake/inc/$yyyy", "Incremental", "Incremental sync"],
            rows[1].QuerySelectorAll("td").Take(5).Select(td => td.TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=phase-chip]"), chip => Assert.NotEmpty(chip.TextContent));
    }

    [Fact]
    public async Task Query_table_preselects_the_filter_and_create_task_carries_it()
    {
        CreateTable("orders");
        CreateTable("users");
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await CreateTaskAsync("users", "users-inc", type: "INC");
        Navigation.NavigateTo("/delivery?table=users");

        var page = Render<DeliveryListPage>();

        Assert.Equal(["users-inc"], TaskNames(page));
        Assert.Equal("users", page.FindAll("input")[0].GetAttribute("value"));
        Assert.Equal("/delivery/new?table=users", CreateTaskLink(page).GetAttribute("href"));
    }

    [Fact]
    public async Task Query_phase_preselects_the_phase_filter()
    {
        CreateTable("orders", rows: 2);
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-full", type: "BASE");
        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await CreateTaskAsync("orders", "orders-broken", type: "INC", bucket: "missing");
        await WaitForTaskAsync("orders", "orders-full", s => s.State.Finished);
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.Phase == TaskPhase.Incr);
        await WaitForTaskAsync("orders", "orders-broken", s => s.State.ErrorCode != TaskErrorCode.Ok);

        Navigation.NavigateTo("/delivery?phase=Completed");
        Assert.Equal(["orders-full"], TaskNames(Render<DeliveryListPage>()));
        Navigation.NavigateTo("/delivery?phase=Error");
        Assert.Equal(["orders-broken"], TaskNames(Render<DeliveryListPage>()));
        Navigation.NavigateTo("/delivery?phase=Incremental%20sync");
        Assert.Equal(["orders-inc"], TaskNames(Render<DeliveryListPage>()));
    }

    [Fact]
    public async Task An_unknown_phase_in_the_query_is_explained_and_every_task_shown()
    {
        CreateTable("orders");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", bucket: "missing");
        Navigation.NavigateTo("/delivery?phase=running");

        var page = Render<DeliveryListPage>();

        Assert.Contains("Phase 'running' is not a phase", page.Find("[data-testid=filter-problem]").TextContent);
        Assert.Equal(["orders-inc"], TaskNames(page));
    }

    [Fact]
    public async Task Choosing_a_table_and_a_phase_filters_the_list_and_updates_the_address()
    {
        CreateTable("orders");
        CreateTable("users");
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await CreateTaskAsync("users", "users-inc", type: "INC");
        await CreateTaskAsync("users", "users-broken", type: "INC", bucket: "missing");
        await WaitForTaskAsync("users", "users-broken", s => s.State.ErrorCode != TaskErrorCode.Ok);
        Navigation.NavigateTo("/delivery");
        var popovers = Render<MudPopoverProvider>();
        var page = Render<DeliveryListPage>();
        Assert.Equal(["orders-inc", "users-broken", "users-inc"], TaskNames(page));

        await ChooseAsync(page, popovers, index: 0, "users");

        Assert.Equal(["users-broken", "users-inc"], TaskNames(page));
        Assert.EndsWith("/delivery?table=users", Navigation.Uri);
        Assert.Equal("/delivery/new?table=users", CreateTaskLink(page).GetAttribute("href"));

        await ChooseAsync(page, popovers, index: 1, "Error");

        Assert.Equal(["users-broken"], TaskNames(page));
        Assert.EndsWith("/delivery?table=users&phase=Error", Navigation.Uri);
    }

    [Fact]
    public async Task Many_tasks_are_paged_fifty_at_a_time()
    {
        CreateTable("orders");
        // Tasks whose bucket does not exist wait in INIT with a backing-off retry: cheap to keep 120 of them.
        for (var i = 0; i < 120; i++)
            await CreateTaskAsync("orders", $"task-{i:D3}", type: "INC", bucket: "missing");

        var page = Render<DeliveryListPage>();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"task-{i:D3}"), TaskNames(page));
        Assert.Equal("1–50 of 120 tasks", page.Find("[data-testid=tasks-range]").TextContent);
        page.Find("button[aria-label='Next page of tasks']").Click();
        page.Find("button[aria-label='Next page of tasks']").Click();
        Assert.Equal(Enumerable.Range(100, 20).Select(i => $"task-{i:D3}"), TaskNames(page));
        Assert.Equal("101–120 of 120 tasks", page.Find("[data-testid=tasks-range]").TextContent);
        Assert.True(page.Find("button[aria-label='Next page of tasks']").HasAttribute("disabled"));
        page.Find("button[aria-label='Previous page of tasks']").Click();
        Assert.Equal("task-050", TaskNames(page)[0]);
    }

    [Fact]
    public async Task A_task_created_while_the_page_is_open_appears_on_the_next_tick_and_its_phase_follows()
    {
        CreateTable("orders");
        await CreateBucketAsync("lake");
        var page = Render<DeliveryListPage>();
        Assert.NotNull(page.Find("[data-testid=no-tasks]"));

        await CreateTaskAsync("orders", "orders-inc", type: "INC");
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.Phase == TaskPhase.Incr);
        Tick();

        page.WaitForAssertion(() => Assert.Equal("Incremental sync", page.Find("[data-testid=phase-chip]").TextContent.Trim()));
        Assert.Equal(["orders-inc"], TaskNames(page));
    }

    private static List<string> TaskNames(IRenderedComponent<DeliveryListPage> page) =>
        [.. page.FindAll("[data-testid=tasks] tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    private static AngleSharp.Dom.IElement CreateTaskLink(IRenderedComponent<DeliveryListPage> page) =>
        page.FindAll("a").Single(a => a.TextContent.Trim() == "Create task");

    /// <summary>Opens the <paramref name="index"/>-th select and clicks the item <paramref name="text"/>, as a user does.</summary>
    private static async Task ChooseAsync(IRenderedComponent<DeliveryListPage> page, IRenderedComponent<MudPopoverProvider> provider,
        int index, string text)
    {
        await page.FindAll("div.mud-input-control")[index].MouseDownAsync(new());
        provider.WaitForAssertion(() => Assert.Contains(provider.FindAll(".mud-list-item"), item => item.TextContent.Trim() == text));
        await provider.FindAll(".mud-list-item").First(item => item.TextContent.Trim() == text).ClickAsync(new());
    }
}

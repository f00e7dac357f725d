using Bunit;
using DeliveryConsole.Delivery.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

/// <summary>
/// The wizard editing a task: filled from its config, what an update cannot change read-only, a review that says what
/// changes and from when, and "Save" through the engine's update (a new config version).
/// </summary>
public class EditTaskTests : WizardTest
{
    private async Task CreateTaskAsync()
    {
        CreateOrders(5);
        await LocalEndpoint.CreateBucketAsync("lake", Xunit.TestContext.Current.CancellationToken);
        var error = await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest("orders", "orders-lake",
            new DeliveryTaskConfig("lake/$yyyy", "lake", Endpoint, Role,
                [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("price", "DOUBLE")]),
            "INC"), CancellationToken.None);
        Assert.Null(error);
    }

    [Fact]
    public async Task The_steps_hold_the_tasks_config_and_what_cannot_change_is_read_only()
    {
        await CreateTaskAsync();
        RenderEditWizard("orders", "orders-lake");

        Assert.Equal("Edit delivery task orders-lake", Page.Find("h1").TextContent);
        Assert.Equal("orders-lake", Field("Task name").GetAttribute("value"));
        Assert.True(Field("Task name").HasAttribute("disabled"));
        Assert.Contains("Cannot change on an existing task", Page.Find("[data-testid=wizard]").TextContent);
        Assert.All(Page.FindAll("input[type=radio]"), radio => Assert.True(radio.HasAttribute("disabled")));
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));
        Assert.Equal("lake/$yyyy", Field("Prefix").GetAttribute("value"));
        Assert.False(Field("Prefix").HasAttribute("disabled"));
        Assert.True(Field("Role ARN").HasAttribute("disabled"));
        Assert.Contains(Controls("Bucket").Single().QuerySelectorAll("input"), input => input.HasAttribute("disabled"));
        Assert.DoesNotContain(Page.FindAll("button"), button => button.TextContent.Trim() == "Create bucket");
        Click("Next");
        Page.WaitForAssertion(() => Assert.Equal(2, Page.FindAll("[data-testid=schema-row]").Count));
    }

    [Fact]
    public async Task The_review_says_nothing_changes_until_a_step_is_edited_and_save_stays_off()
    {
        await CreateTaskAsync();
        RenderEditWizard("orders", "orders-lake");

        ToReview();

        Assert.Contains("Nothing changes yet", Text("no-changes"));
        Assert.True(Button("Save as version 2").HasAttribute("disabled"));
        Assert.Contains("POST /api/UpdateDeliveryTask", Page.Find("[data-testid=wizard]").TextContent);
    }

    [Fact]
    public async Task A_changed_prefix_is_listed_with_from_when_and_saving_makes_version_2_and_opens_the_task()
    {
        await CreateTaskAsync();
        RenderEditWizard("orders", "orders-lake");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));
        Type("Prefix", "lake-v2/$yyyy");
        Click("Next");
        Page.WaitForAssertion(() => Assert.Equal(2, Page.FindAll("[data-testid=schema-row]").Count));
        Click("Next");
        Click("Next");
        Page.WaitForAssertion(() => Page.Find("[data-testid=change-list]"));

        var changes = Page.FindAll("[data-testid=change-list] tbody tr").Select(row => row.TextContent.Trim()).ToList();
        var prefix = Assert.Single(changes);
        Assert.Contains("Prefix", prefix);
        Assert.Contains("lake/$yyyy", prefix);
        Assert.Contains("lake-v2/$yyyy", prefix);
        var fromWhen = System.Text.RegularExpressions.Regex.Replace(Text("from-when"), @"\s+", " ");
        Assert.Contains("Saved as version 2. Objects already delivered stay as they are.", fromWhen);
        Assert.Contains("with version 1, then maps every row it reads after that with version 2", fromWhen);

        Click("Save as version 2");

        Page.WaitForAssertion(() => Assert.EndsWith("/delivery/orders/orders-lake", Services.GetRequiredService<NavigationManager>().Uri));
        var status = await Engine.DescribeTaskAsync("orders", "orders-lake", CancellationToken.None);
        Assert.Equal("lake-v2/$yyyy", status!.Definition.Request.TaskConfig.OssPrefix);
        Assert.Equal([1, 2], status.ConfigVersions.Select(v => v.Version));
    }

    [Fact]
    public async Task An_added_column_is_listed_as_a_schema_change()
    {
        await CreateTaskAsync();
        RenderEditWizard("orders", "orders-lake");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));
        Click("Next");
        Page.WaitForAssertion(() => Assert.Equal(2, Page.FindAll("[data-testid=schema-row]").Count));
        Click("Auto generate");
        Page.WaitForAssertion(() => Assert.Equal(5, Page.FindAll("[data-testid=schema-row]").Count));
        Click("Next");
        Click("Next");
        Page.WaitForAssertion(() => Page.Find("[data-testid=change-list]"));

        var schema = Assert.Single(Page.FindAll("[data-testid=change-list] tbody tr"));
        Assert.Contains("Schema", schema.TextContent);
        Assert.Contains("note → note UTF8 PLAIN", schema.TextContent);
        Assert.False(Button("Save as version 2").HasAttribute("disabled"));
    }

    [Fact]
    public void An_unknown_task_says_so()
    {
        RenderEditWizard("orders", "nope", waitLoaded: false);

        Page.WaitForAssertion(() => Assert.Contains("Table 'orders' has no delivery task named 'nope'", Text("task-not-found")));
    }

    private void ToReview()
    {
        for (var step = 0; step < 4; step++)
            Click("Next");
        Page.WaitForAssertion(() => Page.Find("[data-testid=edit-changes]"));
    }
}

using Bunit;
using DeliveryConsole.Delivery.Tasks;
using DeliveryConsole.Web.Components.Pages.Delivery.Detail;

namespace DeliveryConsole.Web.Tests.Components.Delivery;

/// <summary>The task page after an update: its config versions with their times, each object's version, and Edit.</summary>
public class TaskVersionsTests : DeliveryPageTest
{
    [Fact]
    public async Task The_page_lists_the_versions_with_when_each_took_effect_and_each_objects_version()
    {
        CreateTable("orders", rows: 3);
        await CreateBucketAsync("lake");
        await CreateTaskAsync("orders", "orders-inc", type: "INC", prefix: "before");
        WriteRows("orders", 10, 2);
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.RowsDelivered == 2);

        var update = new CreateDeliveryTaskRequest("orders", "orders-inc",
            new DeliveryTaskConfig("after", "lake", Endpoint, Role,
                [new SchemaColumnConfig("id", "INT64"), new SchemaColumnConfig("name", "UTF8"), new SchemaColumnConfig("flag", "BOOL")]));
        Assert.Null(await Engine.UpdateTaskAsync(update, Ct));
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.ConfigVersion == 2);
        WriteRows("orders", 20, 1);
        await WaitForTaskAsync("orders", "orders-inc", s => s.State.RowsDelivered == 3);

        var page = Render<TaskDetailPage>(p => p.Add(x => x.TableName, "orders").Add(x => x.TaskName, "orders-inc"));

        var versions = page.FindAll("[data-testid=config-version]");
        Assert.Equal(["2", "1"], versions.Select(v => v.GetAttribute("data-version")));
        Assert.Contains("in effect", versions[0].TextContent);
        Assert.DoesNotContain("in effect", versions[1].TextContent);
        // Saved and in effect from: two times each (neither is waiting).
        Assert.All(versions, v => Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(v.TextContent, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC").Count));
        // Newest first: the object under after/ by version 2, the one under before/ by version 1.
        var objects = page.FindAll("[data-testid=objects] tbody tr")
            .Select(tr => (Key: tr.QuerySelector("td a")!.TextContent.Trim(), Version: tr.QuerySelector("[data-testid=object-version]")!.TextContent.Trim()))
            .ToList();
        Assert.Equal([("after", "2"), ("before", "1")], objects.Select(o => (o.Key.Split('/')[0], o.Version)));
        Assert.Contains("flag", page.Find("[data-testid=schema]").TextContent);
        var edit = page.FindAll("a").Single(a => a.TextContent.Trim() == "Edit");
        Assert.Equal("/delivery/orders/orders-inc/edit", edit.GetAttribute("href"));
    }
}

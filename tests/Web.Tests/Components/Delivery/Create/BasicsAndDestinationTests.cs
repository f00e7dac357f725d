using Bunit;
using DeliveryConsole.Delivery.Tasks;

namespace DeliveryConsole.Web.Tests.Components.Delivery.Create;

public class BasicsAndDestinationTests : WizardTest
{
    [Fact]
    public void The_table_in_the_query_is_preselected_and_Differential_is_the_default_mode()
    {
        CreateOrders(1);
        RenderWizard("orders");

        Assert.Equal("orders", Field("Source table").GetAttribute("value"));
        Assert.NotNull(Page.Find("input[type=radio][checked], .mud-radio input:checked, .mud-checked")); // one mode checked
        Assert.Contains("Differential (BASE_INC)", Page.Markup);
    }

    [Fact]
    public async Task The_task_name_is_judged_as_typed_with_the_engines_words_including_a_name_in_use()
    {
        CreateOrders(1);
        await LocalEndpoint.CreateBucketAsync("lake", Xunit.TestContext.Current.CancellationToken);
        Assert.Null(await Engine.CreateTaskAsync(new CreateDeliveryTaskRequest("orders", "taken",
            new DeliveryTaskConfig("p", "lake", Endpoint, Role, [new SchemaColumnConfig("id", "INT64")])), Xunit.TestContext.Current.CancellationToken));
        RenderWizard("orders");

        Type("Task name", "AB");
        Page.WaitForAssertion(() => Assert.Contains("3-16 lowercase letters, digits and hyphens", ErrorUnder("Task name")));

        Type("Task name", "taken");
        Page.WaitForAssertion(() => Assert.StartsWith("Task name 'taken' is already used by a task on this instance", ErrorUnder("Task name")));

        Type("Task name", "fresh-name");
        Page.WaitForAssertion(() => Assert.Null(ErrorUnder("Task name")));
    }

    [Fact]
    public void Next_stays_on_an_invalid_step_and_shows_its_messages()
    {
        CreateOrders(1);
        RenderWizard();

        Click("Next");

        Page.WaitForAssertion(() => Assert.Equal("Task name is required.", ErrorUnder("Task name")));
        Assert.Equal("Source table is required.", ErrorUnder("Source table"));
        Assert.Empty(Controls("Prefix"));
    }

    [Fact]
    public async Task The_prefix_is_judged_as_typed_and_the_variable_buttons_add_folders()
    {
        CreateOrders(1);
        RenderWizard("orders");
        Type("Task name", "task1");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));

        Type("Prefix", "lake/$foo");
        Page.WaitForAssertion(() => Assert.Equal("Prefix '$foo' is not a time variable (use $yyyy, $MM, $dd, $HH or $mm).", ErrorUnder("Prefix")));

        Type("Prefix", "lake");
        Click("$yyyy");
        Click("$MM");
        Page.WaitForAssertion(() => Assert.Equal("lake/$yyyy/$MM", Field("Prefix").GetAttribute("value")));
        Assert.Null(ErrorUnder("Prefix"));

        Type("Role ARN", "acs:ram::1:role/x");
        Page.WaitForAssertion(() => Assert.StartsWith("Role ARN must have the form acs:ram::<accountId>:role/<roleName>", ErrorUnder("Role ARN")));
        await Task.CompletedTask;
    }

    [Fact]
    public void The_role_is_prefilled_with_the_instances_service_role()
    {
        CreateOrders(1);
        RenderWizard("orders");
        Type("Task name", "task1");
        Click("Next");

        Page.WaitForAssertion(() => Assert.Equal("acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
            Field("Role ARN").GetAttribute("value")));
    }

    [Fact]
    public void The_previews_show_the_folder_and_first_object_the_engine_would_write()
    {
        CreateOrders(1);
        RenderWizard("orders");
        Type("Task name", "task1");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));

        Type("Prefix", "lake/$yyyy/$MM/$dd/$HH");

        var local = TimeZoneInfo.ConvertTime(PageClock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var folder = $"lake/{local:yyyy}/{local:MM}/{local:dd}/{local:HH}";
        Page.WaitForAssertion(() => Assert.Equal(folder, Text("folder-preview")));
        Assert.Equal($"{folder}/task1_0_{folder.Replace('/', '_')}__1", Text("object-preview"));
    }

    [Fact]
    public async Task A_bucket_is_created_with_its_name_checked_and_then_chosen()
    {
        OpenNewBucketOnDestination();
        Type("New bucket name", "Bad_Name");
        Page.WaitForAssertion(() => Assert.StartsWith("New bucket name must be 3-63 characters of lowercase letters", ErrorUnder("New bucket name")));
        Assert.True(Button("Add bucket").HasAttribute("disabled"));

        Type("New bucket name", "fresh-bucket");
        Click("Add bucket");

        Page.WaitForAssertion(() => Assert.Equal("fresh-bucket", Field("Bucket").GetAttribute("value")));
        Assert.True(await LocalEndpoint.BucketExistsAsync("fresh-bucket", Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Adding_a_bucket_that_already_exists_says_so_and_chooses_it()
    {
        await LocalEndpoint.CreateBucketAsync("lake", Xunit.TestContext.Current.CancellationToken);
        OpenNewBucketOnDestination();
        Type("New bucket name", "lake");
        Click("Add bucket");

        Page.WaitForAssertion(() => Assert.Equal($"Bucket 'lake' already exists on {Endpoint} and is now chosen.", Text("bucket-notice")));
        Assert.Equal("lake", Field("Bucket").GetAttribute("value"));
    }

    private void OpenNewBucketOnDestination()
    {
        CreateOrders(1);
        RenderWizard("orders");
        Type("Task name", "task1");
        Click("Next");
        Page.WaitForAssertion(() => Assert.NotEmpty(Controls("Prefix")));
        Click("Create bucket");
    }
}

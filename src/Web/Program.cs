using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Buckets;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.Web.Api;
using DeliveryConsole.Web.Components;
using DeliveryConsole.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

if (args is [HealthProbe.Command, ..])
    return await HealthProbe.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section)
    .PostConfigure(options => options.ApplyDefaults()).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
builder.Services.AddDbContextFactory<CatalogDb>((services, db) =>
    db.UseSqlite(CatalogDb.ConnectionString(services.GetRequiredService<IOptions<ConsoleOptions>>().Value.DataFolder)));
builder.Services.AddHostedService<CatalogMigration>();
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
    return new BucketEndpoints(options.Endpoints, options.DataFolderPath);
});
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
    return new TableService(new TableStoreOptions { Folder = Path.Combine(options.DataFolderPath, "tables"), MaxTables = options.MaxTables });
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ITaskCatalog, SqliteTaskCatalog>();
builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<ConsoleOptions>>().Value.ToDeliveryOptions());
builder.Services.AddSingleton<DeliveryEngine>();
// After CatalogMigration: hosted services start in order, and the engine reads the catalog when it starts.
builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryEngine>());
builder.Services.AddSingleton<HealthReporter>();
builder.Services.AddOpenApi(options => options.AddSchemaTransformer(ApiSchemas.DescribeValuesAsync));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseConsoleStaticFiles();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthz();
app.MapOpenApi();
app.MapTableStoreApi();
app.MapBucketApi();
app.MapDeliveryApi();
app.MapObjectDownload();
app.MapUnknownOperations();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A bad setting stops the console with the settings to fix, not a stack trace.
    Console.Error.WriteLine("The console cannot start; fix these settings:");
    foreach (var failure in e.Failures)
        Console.Error.WriteLine($"  {failure}");
    return 1;
}

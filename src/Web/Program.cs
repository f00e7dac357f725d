using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.TableStore;
using DeliveryConsole.Web.Api;
using DeliveryConsole.Web.BucketBrowsing;
using DeliveryConsole.Web.Components;
using DeliveryConsole.Web.Hosting;
using DeliveryConsole.Web.Hosting.Security;
using DeliveryConsole.Web.Wire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

if (args is [HealthProbe.Command, ..])
    return await HealthProbe.RunAsync(args);

NativeHeap.FixMmapThreshold();
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section)
    .PostConfigure(options => options.ApplyDefaults()).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
builder.Services.AddDbContextFactory<CatalogDb>((services, db) => db
    .UseSqlite(CatalogDb.ConnectionString(services.GetRequiredService<IOptions<ConsoleOptions>>().Value.DataFolder))
    // Every new data folder runs the migration that turns on WAL, outside a transaction as SQLite requires; EF warns
    // that such a step could be left half done. Switching WAL on is one idempotent statement, nothing a user can act on.
    .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)));
builder.Services.AddHostedService<CatalogMigration>();
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
    return new BucketEndpoints(options.Endpoints, options.DataFolderPath);
});
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
    return new TableStoreInstance(new TableStoreOptions { Folder = Path.Combine(options.DataFolderPath, "tables"), MaxTables = options.MaxTables });
});
builder.Services.AddTableStoreParts();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ITaskCatalog, SqliteTaskCatalog>();
builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<ConsoleOptions>>().Value.ToDeliveryOptions());
builder.Services.AddSingleton<DeliveryEngine>();
// After CatalogMigration: hosted services start in order, and the engine reads the catalog when it starts.
builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryEngine>());
builder.Services.AddSingleton<HealthReporter>();
builder.Services.AddOpenApi(options => options.AddSchemaTransformer(ApiSchemas.DescribeValuesAsync)
    .AddDocumentTransformer(OpenApiSecurity.DescribeBasicSchemeAsync));
builder.Services.AddConsoleSecurity();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

try
{
    // Inside the try: building the pipeline already reads the settings (antiforgery's data protection keys live in
    // the data folder), so a bad setting can surface here as well as at start.
    var app = builder.Build();

    if (!app.Environment.IsDevelopment())
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseSecurityHeaders();
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    // Before authentication: the top-level wwwroot (styles, scripts, images) is public, as the sign-in page needs it.
    app.UseConsoleStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.MapStaticAssets().AllowAnonymous();
    app.MapHealthz();
    // The API's description is public (it holds no data), so tools can read it before they have the key.
    app.MapOpenApi().AllowAnonymous();
    app.MapSignOut();
    app.MapTableStoreApi();
    app.MapBucketApi();
    app.MapDeliveryApi();
    app.MapObjectDownload();
    app.MapUnknownOperations();
    // The Tablestore wire protocol at the root (POST /<Action>, signed): the real SDKs talk to the console unchanged.
    app.MapTableStoreWire();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    app.WarnAboutOpenAccess();

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

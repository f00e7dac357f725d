using Microsoft.Extensions.FileProviders;

namespace DeliveryConsole.Web.Hosting;

/// <summary>
/// Serves the repository's top-level wwwroot, which the build and publish copy next to the app as
/// <c>console-wwwroot/</c>. One folder and one code path for `dotnet run`, the published app and the container.
/// </summary>
public static class ConsoleStaticFiles
{
    public const string FolderName = "console-wwwroot";

    public static IApplicationBuilder UseConsoleStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, FolderName)),
        });
}

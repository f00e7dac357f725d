namespace DeliveryConsole.Web.Hosting;

/// <summary>
/// `DeliveryConsole.Web healthcheck [url]`: asks a running console's /healthz and exits 0 when it answers 200.
/// The container's HEALTHCHECK uses it, so the runtime image needs no curl.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{port}/healthz";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}

using DeliveryConsole.Catalog;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Hosting;

/// <summary>The state of the catalog and of every configured endpoint, as <c>GET /healthz</c> and the overview show it.</summary>
public sealed record HealthReport(string Status, string Instance, CatalogHealth Catalog, IReadOnlyList<EndpointReport> Endpoints)
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}

public sealed record EndpointReport(string Name, string Kind, bool Reachable, string Detail);

/// <summary>
/// Builds a <see cref="HealthReport"/>; endpoints are checked in parallel, each with a time limit. An endpoint
/// found reachable wakes the delivery tasks waiting to retry it, so they do not wait out their backoff.
/// </summary>
public sealed class HealthReporter(
    IDbContextFactory<CatalogDb> catalog, BucketEndpoints endpoints, IOptions<ConsoleOptions> options, DeliveryEngine engine)
{
    private static readonly TimeSpan EndpointTimeLimit = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var endpointChecks = endpoints.All.Select(e => CheckEndpointAsync(e, cancellationToken)).ToList();
        var catalogHealth = await CatalogHealth.CheckAsync(catalog, cancellationToken);
        var endpointReports = await Task.WhenAll(endpointChecks);
        var status = !catalogHealth.Ok ? HealthReport.Unhealthy
            : endpointReports.All(e => e.Reachable) ? HealthReport.Healthy
            : HealthReport.Degraded;
        return new HealthReport(status, options.Value.InstanceName, catalogHealth, endpointReports);
    }

    /// <summary>One endpoint's reachability within the time limit; the bucket pages show it too.</summary>
    public async Task<EndpointReport> CheckEndpointAsync(IBucketEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(EndpointTimeLimit);
        var health = await endpoint.CheckAsync(limit.Token);
        if (health.Reachable)
            engine.EndpointReachable(endpoint.Name);
        return new EndpointReport(endpoint.Name, endpoint.Kind, health.Reachable, health.Detail);
    }
}

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 while the console can work (healthy, or degraded when an endpoint is unreachable),
    /// 503 when the catalog is not usable.
    /// </summary>
    public static void MapHealthz(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var report = await reporter.CheckAsync(cancellationToken);
            return Results.Json(report, statusCode: report.Status == HealthReport.Unhealthy ? 503 : 200);
        }).AllowAnonymous(); // The container's HEALTHCHECK has no key.
}

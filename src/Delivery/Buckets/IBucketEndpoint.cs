namespace DeliveryConsole.Delivery.Buckets;

/// <summary>
/// A named place that holds buckets: a local folder or an S3-compatible service.
/// Implementations are thread-safe and never expose secrets through their members.
/// </summary>
public interface IBucketEndpoint
{
    /// <summary>The configured name, the value of a task's <c>ossEndpoint</c>.</summary>
    string Name { get; }

    /// <summary><c>local</c> or <c>s3</c>.</summary>
    string Kind { get; }

    /// <summary>Whether the endpoint can be used now. Never throws for an unreachable endpoint; it says so instead.</summary>
    Task<EndpointHealth> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of a reachability check, in words a user can act on.</summary>
public sealed record EndpointHealth(bool Reachable, string Detail);
